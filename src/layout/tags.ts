/**
 * The structure of set lines: which element a line's text belongs to, and which of its
 * runs belong to an element of their own — a link (the Link element, whose annotation the
 * link area is) or a stretch in the other script (a Span with its own /Lang: a Latin
 * acronym in Arabic text, an Arabic name in English).
 */
import { directionOf } from '../i18n/index.js';
import { structNode } from '../frame/struct.js';
import type { StructNode } from '../frame/types.js';
import type { GlyphRun, Line } from '../text/index.js';
import type { LayoutContext } from './context.js';

/** Whether a run's first letter is of the other script than the document's (Latin in RTL documents, Arabic in LTR ones). */
function otherScript(run: GlyphRun, rtlDoc: boolean): boolean {
  for (const g of run.glyphs) {
    const t = g.text;
    if (!t) continue;
    const c = t.charCodeAt(0);
    if (rtlDoc) {
      if (((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0x24f)) return true;
    } else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return true;
    // Digits, spaces and punctuation belong to either script: look further.
    if (/[\p{L}]/u.test(t)) return false;
  }
  return false;
}

/** The language of the other script: the SOP's first language written in it, else English or Arabic. */
export function otherLanguage(ctx: Pick<LayoutContext, 'dir' | 'model'>): string {
  const want = ctx.dir === 'rtl' ? 'ltr' : 'rtl';
  return ctx.model?.manifest.languages.find((l) => directionOf(l) === want) ?? (want === 'ltr' ? 'en' : 'ar');
}

/** A run's text in logical order (a right-to-left run's glyphs come in visual order). */
function runText(run: GlyphRun): string {
  let s = '';
  const g = run.glyphs;
  if (run.rtl) for (let i = g.length - 1; i >= 0; i--) s += g[i]!.text;
  else for (let i = 0; i < g.length; i++) s += g[i]!.text;
  return s;
}

/**
 * Tags the lines of one element (a paragraph, a heading, a table cell): its links and
 * other-script stretches become child elements; a link that wraps stays one Link.
 */
export class LineTagger {
  private link: { key: string; node: StructNode } | undefined;
  private readonly byRun = new Map<GlyphRun, StructNode>();
  private readonly rtl: boolean;
  private readonly other: string;

  constructor(readonly node: StructNode, ctx: Pick<LayoutContext, 'dir' | 'model'>) {
    this.rtl = ctx.dir === 'rtl';
    this.other = otherLanguage(ctx);
  }

  /** The per-run tags of a line (undefined when every run is the element's own). */
  line(l: Line): Array<StructNode | undefined> | undefined {
    let tags: Array<StructNode | undefined> | undefined;
    let span: StructNode | undefined;
    l.runs.forEach((r, i) => {
      if (!r.glyphs.length) return;
      const key = r.link ?? r.uri;
      let tag: StructNode | undefined;
      if (key !== undefined) {
        if (!this.link || this.link.key !== key) this.link = { key, node: structNode('Link', this.node) };
        tag = this.link.node;
        tag.contents = (tag.contents ?? '') + runText(r);
        if (this.rtl !== r.rtl && otherScript(r, this.rtl) && tag.contents.length === runText(r).length) tag.lang = this.other;
        span = undefined;
      } else {
        this.link = undefined;
        // Runs of neutral characters (spaces, digits) are the element's own.
        if (otherScript(r, this.rtl)) tag = span ??= structNode('Span', this.node, { lang: this.other });
        else span = undefined;
      }
      if (tag) {
        (tags ??= new Array<StructNode | undefined>(l.runs.length))[i] = tag;
        this.byRun.set(r, tag);
      }
    });
    return tags;
  }

  /** The Link element of a run (after `line` saw it), for its link area. */
  nodeOf = (r: GlyphRun): StructNode | undefined => {
    const n = this.byRun.get(r);
    return n?.role === 'Link' ? n : undefined;
  };
}
