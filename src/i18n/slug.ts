/**
 * Heading anchors: one `slugify`, one allocator for repeated headings, one resolver for
 * `#fragment` links. The PDF's named destinations, the site's ids and `check`'s link rule
 * all use these, so a link that passes `check` works in every output.
 *
 * Scope: heading anchors are unique within one component (all its section files in one
 * language, in reading order) or one Markdown annex. Outputs qualify them as
 * `<scope>--<slug>` (`anchorId`), which is the site's element id and the PDF's named
 * destination.
 */

/** The part of an mdast node `headingText` reads (kept structural so layout, site and check can pass their own trees). */
export interface HeadingTextNode {
  type: string;
  value?: string;
  alt?: string | null;
  children?: readonly HeadingTextNode[];
}

/**
 * The text a heading's anchor is made from: text and code, image alt text, a line break as
 * a space; footnote marks and raw HTML are left out (they are not words of the heading).
 */
export function headingText(nodes: readonly HeadingTextNode[] | undefined): string {
  let s = '';
  for (const n of nodes ?? []) {
    if (n.type === 'text' || n.type === 'inlineCode') s += n.value ?? '';
    else if (n.type === 'break') s += ' ';
    else if (n.type === 'image' || n.type === 'imageReference') s += n.alt ?? '';
    else if (n.type === 'footnoteReference' || n.type === 'html') continue;
    else if (n.children) s += headingText(n.children);
  }
  return s;
}

/** Slugs longer than this are cut (at a word end where the cut leaves a trailing `-`). */
const MAX_SLUG = 32;

/**
 * A heading's slug: NFKC, lower case, runs of anything but letters and digits (of any
 * script) become one `-`, no `-` at either end, at most 32 characters; `section` when
 * nothing is left (an emoji- or punctuation-only heading).
 *
 * Arabic keeps its letters (ids are Unicode in HTML5 and PDF names are bytes) but loses
 * tashkeel (U+064B–U+065F, U+0670) and tatweel (U+0640), so a heading edited only in its
 * diacritics keeps its anchor. Alef forms (أ إ آ ٱ) are NOT folded to ا — unlike the site's
 * search: a hamza is spelling, and a link spelled with another alef is reported by `check`
 * with the right spelling as a suggestion. Digits are kept as written: `المرحلة ٣` and
 * `Step 3` give `المرحلة-٣` and `step-3`.
 * `Roles & Responsibilities` → `roles-responsibilities`.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG).replace(/-+$/, '') || 'section';
}

/**
 * Unique slugs within one scope, in reading order: the first `x` stays `x`, repeats become
 * `x-1`, `x-2`… (GitHub's rule, so links written against a GitHub preview keep working);
 * a slug already taken, also by an earlier `x-1` heading, moves on to the next free number.
 */
export class SlugAllocator {
  private readonly used = new Set<string>();

  /** `firstRepeat`: the number the first repeat gets (1 for headings; the site's other ids use 2). */
  constructor(private readonly firstRepeat = 1) {}

  /** The unique slug for the next heading whose slug is `slug`. */
  next(slug: string): string {
    let out = slug;
    for (let n = this.firstRepeat; this.used.has(out); n++) out = `${slug}-${n}`;
    this.used.add(out);
    return out;
  }

  /** The unique slug for the next heading with this text (`next(slugify(text))`). */
  heading(text: string): string {
    return this.next(slugify(text));
  }

  has(slug: string): boolean {
    return this.used.has(slug);
  }

  /** Slugs handed out so far, in order (lets a cache replay what a render took). */
  snapshot(): string[] {
    return [...this.used];
  }

  /** Takes exactly these slugs, or none when one is taken already. */
  takeAll(slugs: readonly string[]): boolean {
    if (slugs.some((s) => this.used.has(s))) return false;
    for (const s of slugs) this.used.add(s);
    return true;
  }
}

/** The anchors of headings (by text) of one scope, in reading order. */
export function headingSlugs(texts: readonly string[]): string[] {
  const a = new SlugAllocator();
  return texts.map((t) => a.heading(t));
}

/**
 * The anchor a `#fragment` link means among `known` (one scope's slugs): the fragment as
 * written (after %-decoding), else its slug (`#Roles & Responsibilities`); undefined when
 * no heading has it.
 */
export function resolveAnchor(known: { has(slug: string): boolean }, fragment: string): string | undefined {
  let f = fragment;
  try {
    f = decodeURIComponent(fragment);
  } catch {
    // a malformed %-escape is matched as written
  }
  if (known.has(f)) return f;
  const s = slugify(f);
  return known.has(s) ? s : undefined;
}

/** The output-wide name of a heading anchor: the site's element id and the PDF's named destination. */
export function anchorId(scope: string, slug: string): string {
  return `${scope}--${slug}`;
}

/** A node of a Markdown tree as `scopeAnchors` walks it (mdast). */
export interface HeadingTreeNode extends HeadingTextNode {
  children?: readonly HeadingTreeNode[];
}

/**
 * The slugs of every heading of one scope — its files' trees in reading order, headings at
 * any depth (also inside block quotes and lists) — as the PDF, the site and `check` hand
 * them out.
 */
export function scopeAnchors(trees: readonly HeadingTreeNode[]): string[] {
  const a = new SlugAllocator();
  const out: string[] = [];
  const walk = (n: HeadingTreeNode) => {
    if (n.type === 'heading') {
      out.push(a.heading(headingText(n.children)));
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  for (const t of trees) walk(t);
  return out;
}

/**
 * Where a Markdown link inside the SOP points: the file (relative to the SOP folder, `/`
 * separators) and the `#fragment`, if any. `#x` points into `fromFile` itself. Undefined for
 * web, e-mail and other scheme links, and for paths that climb out of the SOP folder.
 * `check`, the PDF and the site read links with this one function.
 */
export function internalLink(url: string, fromFile: string): { file: string; fragment?: string } | undefined {
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const hashAt = url.indexOf('#');
  let filePart = hashAt >= 0 ? url.slice(0, hashAt) : url;
  try {
    filePart = decodeURIComponent(filePart);
  } catch {
    // a malformed %-escape is kept as written
  }
  filePart = filePart.split('?')[0]!;
  const fragment = hashAt >= 0 ? url.slice(hashAt + 1) : undefined;
  if (!filePart) return { file: fromFile, fragment };
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
  const parts: string[] = [];
  for (const p of `${dir}/${filePart}`.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return { file: parts.join('/'), fragment };
}
