import { SlugAllocator } from '../../i18n/index.js';

/**
 * Element ids of one site page: `x`, `x-2`, `x-3`… in document order (deterministic).
 * Heading ids come from `i18n/slug.ts` (the same as the PDF's named destinations); this
 * registry keeps every id on the page unique, also those of directives and annexes.
 */
export class IdRegistry extends SlugAllocator {
  constructor() {
    super(2);
  }

  claim(id: string): string {
    return this.next(id);
  }

  /** Claims exactly these ids, or none when one is taken. */
  claimAll(ids: readonly string[]): boolean {
    return this.takeAll(ids);
  }
}
