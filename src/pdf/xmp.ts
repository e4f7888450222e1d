/**
 * The XMP metadata of a tagged PDF: title, language, description, keywords, author,
 * producer and dates as the Info dictionary has them (the two must agree), and the PDF/UA
 * identification (`pdfuaid:part 1`, ISO 14289-1 5) — written only for documents whose
 * every page sopkit tagged or took with its tags (see `verify --tags`). Deterministic:
 * the dates are the SOP's.
 */
import { PDFDocument, PDFName } from '../vendor/pdf-lib.js';
import type { DocumentMeta } from '../frame/types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The XMP packet (UTF-8 text) for `meta`. */
export function xmpPacket(meta: DocumentMeta): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? `${meta.date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:language><rdf:Bag><rdf:li>${esc(meta.lang)}</rdf:li></rdf:Bag></dc:language>`,
    ...(meta.subject ? [`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.subject)}</rdf:li></rdf:Alt></dc:description>`] : []),
    ...(meta.author ? [`<dc:creator><rdf:Seq><rdf:li>${esc(meta.author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(meta.keywords?.length ? [`<pdf:Keywords>${esc(meta.keywords.join(' '))}</pdf:Keywords>`] : []),
    '<pdf:Producer>sopkit</pdf:Producer>',
    '<xmp:CreatorTool>sopkit</xmp:CreatorTool>',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    '<pdfuaid:part>1</pdfuaid:part>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return lines.join('\n');
}

/** Writes the packet as the catalog's /Metadata stream (uncompressed, as XMP readers expect). */
export function writeXmp(doc: PDFDocument, meta: DocumentMeta): void {
  const ctx = doc.context;
  const stream = ctx.stream(new Uint8Array(Buffer.from(xmpPacket(meta), 'utf8')), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(stream));
}
