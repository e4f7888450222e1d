/**
 * Nesting limits of the Markdown dialect (issue 10: no input can crash sopkit).
 *
 * micromark and every tree walker of sopkit (layout, HTML, check rules, verify) recurse
 * once per nesting level: 10,000 nested block quotes overflowed the stack, and micromark
 * spends time quadratic in the depth long before that (3,000 quotes: 2 s; 1,000 nested
 * container directives: 15 s). So the depth is measured on the text, in one linear pass,
 * before micromark sees it: `blockDepthProblem` is the check every reader of Markdown gets
 * (the loader reports it as an error with file:line:column; `parseMarkdown` never builds a
 * tree past it), and `limitTree` is the backstop on the parsed tree.
 */
import type { Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diag/index.js';

/**
 * The most block containers (block quotes, list items, footnote definitions, `:::`
 * container directives) that may hold one another. Real SOPs use 3 to 5; the PDF layout
 * keeps a visible marker and at least 100 pt of text at this depth (layout/blocks.ts).
 */
export const MAX_BLOCK_DEPTH = 32;
/** The most inline containers (emphasis, strong, strikethrough, links, `:name[…]`) in one another. */
export const MAX_INLINE_DEPTH = 32;

export interface DepthProblem {
  /** 1-based line and column in the body where the first too-deep block starts. */
  line: number;
  column: number;
  depth: number;
  limit: number;
  kind: 'block' | 'inline';
}

const BULLET = /^([-+*])(?=[ \t]|$)/;
const ORDERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;
const FOOTNOTE = /^\[\^[^\]\s]+\]:/;
const THEMATIC = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})/;
const DIRECTIVE_OPEN = /^(:{3,})[A-Za-z]/;
const DIRECTIVE_CLOSE = /^(:{3,})[ \t]*$/;
/**
 * CommonMark's whitespace around markers is spaces and tabs only; JavaScript's `trim`
 * also removes U+00A0, U+2029 and the like. With it, `- - - U+2029` read as a thematic
 * break here, while micromark nests three list items: a long run of `- ` ended so hid
 * any depth from this scan (found by the property test in tests/markdown/limits.test.ts).
 */
const SPACES_ONLY = /^[ \t]*$/;
const trimSpacesEnd = (s: string): string => s.replace(/[ \t]+$/, '');

type Container = { kind: 'quote' } | { kind: 'item'; indent: number };

/** Columns of leading whitespace from `from` (tabs to the next multiple of 4), and the index after it. */
function leading(line: string, from: number, col: number): { width: number; end: number } {
  let i = from;
  let c = col;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
    c = line[i] === '\t' ? c + 4 - (c % 4) : c + 1;
    i++;
  }
  return { width: c - col, end: i };
}

/**
 * The first line whose block containers nest deeper than `limit`, found in one pass over
 * the text with CommonMark's container rules (a block quote continues on `>`, a list item
 * or footnote on its content indentation; a blank line keeps list items open; fenced code
 * opens nothing). It may count a level more than micromark would (a lazy continuation
 * line), never fewer for the inputs that matter: each level costs at least one marker.
 */
export function blockDepthProblem(body: string, limit = MAX_BLOCK_DEPTH): DepthProblem | undefined {
  const stack: Container[] = [];
  let directives = 0;
  let fence: { char: string; length: number; depth: number } | undefined;
  let lineNo = 0;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.charCodeAt(end - 1) === 13 ? body.slice(start, end - 1) : body.slice(start, end);
    start = end + 1;
    lineNo++;
    // 1. Continue the open containers.
    let i = 0;
    let col = 0;
    let matched = 0;
    for (const c of stack) {
      const ws = leading(line, i, col);
      if (c.kind === 'quote') {
        if (ws.width <= 3 && line[ws.end] === '>') {
          i = ws.end + 1;
          col += ws.width + 1;
          if (line[i] === ' ') {
            i++;
            col++;
          }
          matched++;
          continue;
        }
        break;
      }
      if (ws.end === line.length) {
        matched++;
        continue;
      }
      if (ws.width >= c.indent) {
        // Consume exactly the item's indentation (the rest may be a nested marker).
        let need = c.indent;
        while (need > 0 && (line[i] === ' ' || line[i] === '\t')) {
          const w = line[i] === '\t' ? 4 - (col % 4) : 1;
          if (w > need) break;
          need -= w;
          col += w;
          i++;
        }
        matched++;
        continue;
      }
      break;
    }
    const blank = SPACES_ONLY.test(line.slice(i));
    if (fence) {
      // Inside fenced code: nothing opens until the closing fence (or its container ends).
      const ws = leading(line, i, col);
      const rest = line.slice(ws.end);
      if (matched < fence.depth && !blank) fence = undefined;
      else if (ws.width <= 3 && rest.startsWith(fence.char.repeat(fence.length)) && SPACES_ONLY.test(rest.replace(new RegExp(`^\\${fence.char}+`), ''))) {
        fence = undefined;
        continue;
      } else continue;
    }
    // 2. Open new containers on this line.
    let opened = 0;
    for (;;) {
      const ws = leading(line, i, col);
      if (ws.width >= 4 && opened + matched >= stack.length) break; // indented code
      const rest = line.slice(ws.end);
      let markerCol = col + ws.width;
      let grow: Container | undefined;
      let width = 0;
      if (rest[0] === '>') {
        grow = { kind: 'quote' };
        width = rest[1] === ' ' ? 2 : 1;
      } else if (!THEMATIC.test(trimSpacesEnd(rest))) {
        const m = BULLET.exec(rest) ?? ORDERED.exec(rest) ?? FOOTNOTE.exec(rest);
        if (m) {
          const after = leading(line, ws.end + m[0].length, markerCol + m[0].length);
          const spaces = after.end === line.length || after.width > 4 ? 1 : after.width;
          // A footnote's content continues on lines indented by 4 (GFM), whatever follows its label:
          // counting its own width here made `[^1]: - ` + `      - ` look one level shallower.
          grow = { kind: 'item', indent: FOOTNOTE.test(rest) ? 4 : m[0].length + spaces };
          width = m[0].length + Math.min(spaces, after.width);
        }
      }
      if (!grow) break;
      if (opened === 0) stack.length = matched;
      stack.push(grow);
      opened++;
      if (stack.length + directives > limit) {
        return { line: lineNo, column: ws.end + 1, depth: stack.length + directives, limit, kind: 'block' };
      }
      // Advance past the marker (and the one space after it that belongs to the marker).
      let j = ws.end;
      let k = markerCol;
      for (let w = 0; w < width && j < line.length; w++) {
        k = line[j] === '\t' ? k + 4 - (k % 4) : k + 1;
        j++;
      }
      i = j;
      col = k;
      markerCol = k;
    }
    if (opened === 0 && blank) stack.length = matched;
    // Anything else: a lazy continuation line keeps what is open.
    const ws = leading(line, i, col);
    const rest = line.slice(ws.end);
    if (ws.width <= 3) {
      const f = FENCE.exec(rest);
      if (f && !(f[1]![0] === '`' && rest.slice(f[1]!.length).includes('`'))) {
        fence = { char: f[1]![0]!, length: f[1]!.length, depth: stack.length };
      } else if (DIRECTIVE_OPEN.test(rest)) {
        directives++;
        if (stack.length + directives > limit) {
          return { line: lineNo, column: ws.end + 1, depth: stack.length + directives, limit, kind: 'block' };
        }
      } else if (DIRECTIVE_CLOSE.test(rest) && directives > 0) directives--;
    }
  }
  return undefined;
}

const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'textDirective']);
const BLOCK = new Set(['blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);

type Node = { type: string; value?: string; alt?: string; children?: Node[]; position?: { start: { line: number; column: number } } };

/** Plain text of a subtree, without recursion. */
function flatText(node: Node): string {
  let out = '';
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n.value === 'string') out += n.value;
    else if (typeof n.alt === 'string') out += n.alt;
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/**
 * The backstop on a parsed tree, without recursion: a subtree nested past the limits is
 * replaced by its plain text (inline), or its content by one paragraph of that text (block), so no
 * walker can overflow. Returns the first such place; the text check above normally
 * reports block depth first, and inline nesting past 32 has no meaning on paper.
 */
export function limitTree(root: Root): DepthProblem | undefined {
  let first: DepthProblem | undefined;
  const stack: Array<{ node: Node; block: number; inline: number }> = [{ node: root as unknown as Node, block: 0, inline: 0 }];
  while (stack.length) {
    const { node, block, inline } = stack.pop()!;
    const kids = node.children;
    if (!kids) continue;
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!;
      const b = block + (BLOCK.has(c.type) ? 1 : 0);
      const n = inline + (INLINE.has(c.type) ? 1 : 0);
      if (b > MAX_BLOCK_DEPTH || n > MAX_INLINE_DEPTH) {
        const at = c.position?.start ?? { line: 1, column: 1 };
        first ??= { line: at.line, column: at.column, depth: b > MAX_BLOCK_DEPTH ? b : n, limit: b > MAX_BLOCK_DEPTH ? MAX_BLOCK_DEPTH : MAX_INLINE_DEPTH, kind: b > MAX_BLOCK_DEPTH ? 'block' : 'inline' };
        const text: Node = { type: 'text', value: flatText(c), position: c.position };
        // A block keeps its own node (a list item stays a list item) with its text as one paragraph.
        kids[i] = b > MAX_BLOCK_DEPTH ? { ...c, children: [{ type: 'paragraph', children: [text], position: c.position }] } : text;
        continue;
      }
      stack.push({ node: c, block: b, inline: n });
    }
  }
  return first;
}

/**
 * The loader's error for a Markdown body nested past the limit (rule `markdown-too-deep`),
 * at the file line and column of the first too-deep block; undefined when it is fine.
 */
export function depthDiagnostic(body: string, file: string, bodyLine: number): Diagnostic | undefined {
  const p = blockDepthProblem(body);
  if (!p) return undefined;
  return diagnostic(
    'markdown-too-deep',
    'error',
    `the blocks here nest more than ${p.limit} levels deep (block quotes, list items, notes or ::: directives inside one another); sopkit reads at most ${p.limit}`,
    { file, line: p.line + bodyLine - 1, column: p.column },
    'Flatten the structure: use headings (##, ###) or separate lists and quotes instead of nesting them; a few levels are enough on paper.',
  );
}
