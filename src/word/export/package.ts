/**
 * A docx Document → bytes that are the same on every run. The docx package stamps
 * core.xml with the clock, gives hyperlinks random relationship ids (nanoid) and the zip
 * entries the current time; here the package is opened again with JSZip and written back
 * with the SOP's date in core.xml, relationship ids numbered in order of appearance and
 * every entry dated the SOP's date; bookmarks get their own ids.
 */
import { Packer, type DocxNode } from '../../vendor/docx.js';
import { JSZip } from '../../vendor/zip.js';

const REL_ID = /Id="([^"]+)"/g;

/** Renames relationship ids that are not `rIdN` to `rIdS1`, `rIdS2`… in `rels` and the part it belongs to. */
function stableIds(rels: string, part: string): { rels: string; part: string } {
  const names = new Map<string, string>();
  for (const m of rels.matchAll(REL_ID)) {
    const id = m[1]!;
    if (!/^rId\d+$/.test(id) && !names.has(id)) names.set(id, `rIdS${names.size + 1}`);
  }
  if (!names.size) return { rels, part };
  const swap = (text: string, attr: RegExp) => text.replace(attr, (all, id: string) => (names.has(id) ? all.replace(id, names.get(id)!) : all));
  return { rels: swap(rels, /Id="([^"]+)"/g), part: swap(part, /r:id="([^"]+)"/g) };
}

/**
 * Gives every bookmark of a part its own id (docx numbers each `Bookmark` from 1 again):
 * ids in order of the starts, each end taking the id of the latest open start it names.
 */
function numberBookmarks(xml: string): string {
  let next = 0;
  const open = new Map<string, number[]>();
  return xml.replace(/<w:bookmark(Start|End)\b([^>]*?)w:id="(\d+)"/g, (all, kind: string, mid: string, id: string) => {
    if (kind === 'Start') {
      const n = next++;
      open.set(id, [...(open.get(id) ?? []), n]);
      return `<w:bookmarkStart${mid}w:id="${n}"`;
    }
    const stack = open.get(id);
    const n = stack?.pop();
    return n === undefined ? all : `<w:bookmarkEnd${mid}w:id="${n}"`;
  });
}

/**
 * Numbers the drawings' `wp:docPr` ids 1, 2, 3… through the parts (docx 9 writes id 1 for
 * every picture; Word wants them distinct across the document).
 */
function numberDrawings(texts: Map<string, string>, names: readonly string[]): void {
  let next = 1;
  for (const n of names) {
    const t = texts.get(n);
    if (t?.includes('<wp:docPr ')) texts.set(n, t.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${next++}"`));
  }
}

/** The .docx bytes of `doc`, dated `isoDate` (YYYY-MM-DD) throughout. */
export async function packDocx(doc: DocxNode, isoDate: string): Promise<Uint8Array> {
  const raw = await Packer.toBuffer(doc);
  const zip = await JSZip.loadAsync(raw);
  const date = new Date(`${isoDate}T00:00:00Z`);
  const stamp = `${isoDate}T00:00:00Z`;
  const texts = new Map<string, string>();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const n of names) if (/\.(xml|rels)$/.test(n)) texts.set(n, await zip.file(n)!.async('string'));
  const core = texts.get('docProps/core.xml');
  if (core) texts.set('docProps/core.xml', core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));
  for (const [n, text] of texts) if (text.includes('<w:bookmarkStart')) texts.set(n, numberBookmarks(text));
  numberDrawings(texts, names);
  for (const n of names) {
    const m = /^(.*)_rels\/([^/]+)\.rels$/.exec(n);
    if (!m || !texts.has(`${m[1]}${m[2]}`)) continue;
    const fixed = stableIds(texts.get(n)!, texts.get(`${m[1]}${m[2]}`)!);
    texts.set(n, fixed.rels);
    texts.set(`${m[1]}${m[2]}`, fixed.part);
  }
  const out = new JSZip();
  for (const n of names) {
    const data = texts.get(n) ?? (await zip.file(n)!.async('uint8array'));
    out.file(n, data, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
