import { unified } from '../vendor/markdown.js';
import { remarkParse } from '../vendor/markdown.js';
import { remarkGfm } from '../vendor/markdown.js';
import { remarkDirective } from '../vendor/markdown.js';
import type { Root } from 'mdast';

/** The one Markdown dialect of sopkit: CommonMark + GFM (tables, footnotes, task lists) + directives. */
export function createParser() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
}

const parser = createParser();


const FULL_ONLY = /[@~&\\]|www\.|https?:\/\//i;

/** True when a body might contain a literal autolink or strikethrough (then the full parser runs). */
export function mayNeedFullParser(body: string): boolean {
  return FULL_ONLY.test(body);
}

interface Construct {
  name?: string;
}
type ConstructMap = Record<string, Construct | Construct[] | number[] | undefined>;
type MicromarkExtension = Record<string, ConstructMap | undefined>;
interface FromMarkdownExtension {
  enter?: Record<string, unknown>;
}

const LEFT_OUT = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink', 'strikethrough']);
const TILDE = 126;

function createLeanParser(): typeof parser | undefined {
  // The extensions remark-gfm and remark-directive register (their parsing halves only).
  const data = unified().use(remarkGfm).use(remarkDirective).freeze().data() as {
    micromarkExtensions?: MicromarkExtension[];
    fromMarkdownExtensions?: Array<FromMarkdownExtension | FromMarkdownExtension[]>;
  };
  const syntax = data.micromarkExtensions;
  const trees = data.fromMarkdownExtensions;
  if (!syntax || !trees) return undefined;
  let removed = 0;
  const leanSyntax = syntax.map((ext) => {
    const out: MicromarkExtension = {};
    for (const [hook, map] of Object.entries(ext)) {
      if (!map) continue;
      const kept: ConstructMap = {};
      for (const [code, list] of Object.entries(map)) {
        if (list === undefined) continue;
        if (hook === 'attentionMarkers') {
          kept[code] = (list as number[]).filter((c) => c !== TILDE);
          continue;
        }
        const all = (Array.isArray(list) ? list : [list]) as Construct[];
        const rest = all.filter((c) => !(c && c.name && LEFT_OUT.has(c.name)));
        removed += all.length - rest.length;
        if (rest.length) kept[code] = rest;
      }
      out[hook] = kept;
    }
    return out;
  });
  const leanTrees = trees.map((ext) =>
    Array.isArray(ext) ? ext.filter((e) => !(e.enter && ('literalAutolink' in e.enter || 'strikethrough' in e.enter))) : ext,
  );
  const removedTrees = trees.flat().length - leanTrees.flat().length;
  // Not the extensions this was written for (a new remark-gfm?): always parse in full.
  if (removed === 0 || removedTrees !== 2) return undefined;
  return unified()
    .use(remarkParse)
    .use(function leanGfm() {
      const d = this.data() as Record<string, unknown>;
      d.micromarkExtensions = leanSyntax;
      d.fromMarkdownExtensions = leanTrees;
    }) as unknown as typeof parser;
}

/**
 * The same dialect without GFM's literal autolinks (`www.…`, `https://…`, `a@b.c`) and
 * strikethrough (`~~…~~`), for bodies that cannot contain either. Why: the literal
 * autolink construct is tried at every ASCII letter and digit and strikethrough at every
 * tilde, and its tree transform scans every text node; without them the bench corpus
 * parses ~15 % faster. The tree is the same whenever `mayNeedFullParser` is false: those
 * constructs only ever match `@`, `www.`, `http(s)://` or `~` in the source, and text can
 * only contain such characters without them through escapes (`\`) or character
 * references (`&`), which also select the full parser. Tests compare both on every
 * example file.
 */
const lean = createLeanParser();

/**
 * Parses a Markdown body into mdast. Node positions are relative to the body; add
 * `bodyLine - 1` (see `MarkdownFile.bodyLine`) to get file lines.
 */
export function parseMarkdown(body: string): Root {
  const p = lean && !mayNeedFullParser(body) ? lean : parser;
  return p.runSync(p.parse(body)) as Root;
}

/** False when the GFM extensions were not the expected ones and every body is parsed in full. */
export function leanParserAvailable(): boolean {
  return lean !== undefined;
}

/** parseMarkdown with the full dialect always (tests compare the two). */
export function parseMarkdownFull(body: string): Root {
  return parser.runSync(parser.parse(body)) as Root;
}
