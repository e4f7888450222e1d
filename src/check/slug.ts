import { slugify } from '../render/html/slug.js';

/**
 * Heading anchors as the site renders them: the site's own `slugify` (one definition, so a
 * link that works in the site is never reported broken, and the other way round).
 */
export { slugify };

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
