/**
 * Element ids of one site page. Heading ids come from `i18n/slug.ts` (the same as the PDF's
 * named destinations); this registry keeps every id on the page unique, also those of
 * directives and annexes.
 */
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
