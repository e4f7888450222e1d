/**
 * Heading ids: lower-case letters and digits of any script joined by `-`. Arabic keeps its
 * letters (ids are Unicode in HTML5) but loses tashkeel and tatweel, so a heading edited
 * only in its diacritics keeps its anchor.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40).replace(/-+$/, '') || 'section';
}

/** Hands out unique ids within one page: `x`, `x-2`, `x-3`… in document order (deterministic). */
export class IdRegistry {
  private readonly used = new Set<string>();
  claim(id: string): string {
    let out = id;
    for (let n = 2; this.used.has(out); n++) out = `${id}-${n}`;
    this.used.add(out);
    return out;
  }
  has(id: string): boolean {
    return this.used.has(id);
  }
}
