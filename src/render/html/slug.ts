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
    .slice(0, 32).replace(/-+$/, '') || 'section';
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
  /** Ids claimed so far, in order (lets a cache replay what a render claimed). */
  snapshot(): string[] {
    return [...this.used];
  }
  /** Claims exactly these ids, or none when one is taken. */
  claimAll(ids: readonly string[]): boolean {
    if (ids.some((id) => this.used.has(id))) return false;
    for (const id of ids) this.used.add(id);
    return true;
  }
}
