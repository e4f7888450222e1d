/**
 * What a PDF should carry, inferred from where `sopkit build` puts it and how it names
 * it: `sop-v2.1-ar.pdf`, `annex-1-v2.1-en.pdf`, `annex-2-v2.1.pdf` (an external annex,
 * stamped in its own language), `pack-v2.1-ar.pdf` (SOP then annexes), `posters/*.pdf`.
 */
export type PdfKind = 'sop' | 'annex' | 'pack' | 'poster' | 'unknown';

export interface PdfIdentity {
  kind: PdfKind;
  /** Language code from the name, when it has one. */
  lang?: string;
  annex?: number;
  /** SOP version from the name (`-v2.1`), when it has one. */
  version?: string;
}

const VERSION = String.raw`-v(\d+(?:\.\d+)*)`;
const LANG = String.raw`(?:-([a-z]{2,3}(?:-[A-Za-z0-9]+)?))?`;
const SOP = new RegExp(`^sop${VERSION}${LANG}\\.pdf$`, 'i');
const PACK = new RegExp(`^pack${VERSION}${LANG}\\.pdf$`, 'i');
const ANNEX = new RegExp(`^annex-(\\d+)(?:${VERSION})?${LANG}\\.pdf$`, 'i');
/** A redline `diff-A-B.pdf` carries the header of version B (A or B may be `draft`). */
const REDLINE = /^diff-([0-9.]+|draft)-([0-9.]+|draft)\.pdf$/i;
/** Poster names end in the language when there is one: `urgent-action-card-ar.pdf`, `flowchart.ar.pdf`. */
const POSTER_LANG = /[-._]([a-z]{2,3})\.pdf$/i;

/**
 * Classifies a PDF by its path (relative or absolute, `/` or `\`). Files under a
 * `posters` folder are posters whatever their name.
 */
export function classifyPdf(file: string): PdfIdentity {
  const parts = file.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  let m = SOP.exec(name);
  if (m) return withLang({ kind: 'sop', version: m[1] }, m[2]);
  m = PACK.exec(name);
  if (m) return withLang({ kind: 'pack', version: m[1] }, m[2]);
  m = ANNEX.exec(name);
  if (m) return withLang({ kind: 'annex', annex: Number(m[1]), version: m[2] }, m[3]);
  m = REDLINE.exec(name);
  if (m) return m[2]!.toLowerCase() === 'draft' ? { kind: 'sop' } : { kind: 'sop', version: m[2] };
  if (parts.slice(0, -1).some((p) => p.toLowerCase() === 'posters')) {
    const l = POSTER_LANG.exec(name);
    return withLang({ kind: 'poster' }, l?.[1]);
  }
  return { kind: 'unknown' };
}

function withLang(id: PdfIdentity, lang: string | undefined): PdfIdentity {
  if (lang) id.lang = lang.toLowerCase();
  if (id.version === undefined) delete id.version;
  return id;
}
