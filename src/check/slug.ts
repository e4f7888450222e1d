/**
 * Heading anchors as the site renders them (kept in step with render/html's slugify:
 * NFKC, lower case, tashkeel and tatweel dropped, runs of non-letters/digits → "-",
 * at most 60 characters, repeats numbered x, x-2, x-3 in document order).
 */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section'
  );
}

/** The anchors of headings in document order, with repeats numbered like the site does. */
export function anchorsOf(headings: readonly string[]): Set<string> {
  const used = new Set<string>();
  for (const h of headings) {
    const id = slugify(h);
    let out = id;
    for (let n = 2; used.has(out); n++) out = `${id}-${n}`;
    used.add(out);
  }
  return used;
}
