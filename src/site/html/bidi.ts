import type { Element, ElementContent, Root } from 'hast';
import { h, text } from './h.js';

// Runs that the Unicode bidi algorithm gets wrong inside a paragraph of the other direction:
// e-mail addresses, URLs and phone numbers must read left to right as one unit; Latin words
// and numbers with separators (2.1, 10:30, 1/2) must not swap with neighbouring Arabic.
const EMAIL = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`;
const URL = String.raw`(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?]`;
const PHONE = String.raw`\+?[0-9٠-٩](?:[0-9٠-٩ ()-]){5,}[0-9٠-٩]`;
// Separators (, . : /) only count between characters of the run: "160,000" stays one unit.
const WORD = String.raw`[A-Za-z0-9](?:[A-Za-z0-9'’&_%+-]|[.,:/](?=[A-Za-z0-9]))*`;
const LATIN = String.raw`${WORD}(?: ${WORD})*`;
const ARABIC = String.raw`[\u0600-\u06FF\u0750-\u077F](?:[\u0600-\u06FF\u0750-\u077F\s]*[\u0600-\u06FF\u0750-\u077F])?`;

const RTL_RUNS = new RegExp(`(${EMAIL})|(${URL})|(${PHONE})|(${LATIN})`, 'g');
const LTR_RUNS = new RegExp(`(${ARABIC})`, 'g');

const SKIP = new Set(['code', 'pre', 'script', 'style', 'svg', 'bdi', 'kbd', 'samp', 'textarea', 'title']);

function split(value: string, rtl: boolean): ElementContent[] | null {
  const re = rtl ? RTL_RUNS : LTR_RUNS;
  re.lastIndex = 0;
  const out: ElementContent[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    if (m.index > last) out.push(text(value.slice(last, m.index)));
    const run = m[0];
    if (!rtl) out.push(h('bdi', {}, run));
    else if (m[1] || m[2] || m[3]) out.push(h('span', { dir: 'ltr', className: ['ltr'] }, run));
    else out.push(h('bdi', {}, run));
    last = m.index + run.length;
  }
  if (!out.length) return null;
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}

/**
 * Wraps runs of the other direction in `<bdi>` (or `<span dir="ltr">` for addresses and
 * phone numbers) so they display in the right order. Leaves code, SVG and anything that
 * already has an explicit `dir` alone.
 */
export function isolateRuns(tree: Root | Element, rtl: boolean): void {
  const walk = (node: Root | Element) => {
    const next: (typeof node.children)[number][] = [];
    for (const child of node.children) {
      if (child.type === 'text') {
        const parts = split(child.value, rtl);
        if (parts) next.push(...parts);
        else next.push(child);
        continue;
      }
      if (child.type === 'element' && !SKIP.has(child.tagName) && child.properties?.dir === undefined) walk(child);
      next.push(child);
    }
    node.children = next as typeof node.children;
  };
  walk(tree);
}
