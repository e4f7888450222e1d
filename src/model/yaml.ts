import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node } from '../vendor/yaml.js';
import { diagnostic, type Diagnostic, type SourcePosition } from '../diag/index.js';
import type { PositionMap } from './types.js';
import { yamlDepthProblem } from './yaml-limits.js';
import { keep, memoFile, recall } from '../cache/memo.js';

export interface ParsedYaml {
  value: unknown;
  positions: PositionMap;
  diagnostics: Diagnostic[];
}

/** JSON-pointer escaping (RFC 6901). */
function escapeToken(t: string | number): string {
  return String(t).replace(/~/g, '~0').replace(/\//g, '~1');
}

class YamlPositions implements PositionMap {
  readonly values = new Map<string, SourcePosition>();
  readonly keys = new Map<string, SourcePosition>();
  constructor(readonly file: string, private readonly fallback: SourcePosition) {}

  has(pointer: string): boolean {
    return this.values.has(pointer);
  }
  /** The value's position; for a pointer that does not exist, its nearest existing parent's. */
  at(pointer: string): SourcePosition {
    return this.nearest(this.values, pointer);
  }
  keyAt(pointer: string): SourcePosition {
    return this.keys.get(pointer) ?? this.at(pointer);
  }
  private nearest(map: Map<string, SourcePosition>, pointer: string): SourcePosition {
    let p = pointer;
    for (;;) {
      const hit = map.get(p);
      if (hit) return hit;
      if (p === '') return this.fallback;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }
}

/** A position map for content with no YAML behind it (e.g. a file without front-matter). */
export function emptyPositions(file: string, line = 1): PositionMap {
  return new YamlPositions(file, { file, line, column: 1 });
}

/** YAML parses per file name since the process started (or `resetYamlStats`). */
const yamlCalls = new Map<string, number>();

/**
 * How often each file was parsed: the parse-once test (tests/document/parse-once.test.ts)
 * reads it to prove that no consumer parses a data file a second time.
 */
export function yamlStats(): ReadonlyMap<string, number> {
  return new Map(yamlCalls);
}

export function resetYamlStats(): void {
  yamlCalls.clear();
}

/**
 * Parses YAML (1.2 core schema: dates stay strings) and records the position of every
 * key and value by JSON pointer. `lineOffset` shifts lines for YAML embedded in a file
 * (front-matter starts on line 2). Syntax errors come back as diagnostics, never thrown.
 */
export function parseYamlWithPositions(text: string, file: string, lineOffset = 0): ParsedYaml {
  yamlCalls.set(file, (yamlCalls.get(file) ?? 0) + 1);
  // A clean parse is kept in the cache folder (src/cache/memo.ts) when the CLI turned it
  // on: the YAML of sop.yaml, the data files and every front-matter was ~90 ms of a
  // `check --no-layout` (the parser runs cold); reading them back is a few ms.
  const at = memoFile('yaml', `${file}\0${lineOffset}\0${text}`);
  const hit = at ? recall<StoredYaml>(at) : undefined;
  if (hit) return fromStored(hit.value, file, lineOffset);
  const parsed = parseYaml(text, file, lineOffset);
  if (at && parsed.diagnostics.length === 0 && isPlainJson(parsed.value)) keep(at, toStored(parsed));
  return parsed;
}

/** A clean parse as JSON: the value, and each position as [pointer, line, column] (the file is the key's). */
interface StoredYaml {
  value: unknown;
  values: Array<[string, number, number]>;
  keys: Array<[string, number, number]>;
}

function toStored(p: ParsedYaml): StoredYaml {
  const positions = p.positions as YamlPositions;
  const list = (m: Map<string, SourcePosition>) => [...m].map(([k, v]) => [k, v.line, v.column] as [string, number, number]);
  return { value: p.value, values: list(positions.values), keys: list(positions.keys) };
}

function fromStored(s: StoredYaml, file: string, lineOffset: number): ParsedYaml {
  const positions = new YamlPositions(file, { file, line: 1 + lineOffset, column: 1 });
  for (const [k, line, column] of s.values) positions.values.set(k, { file, line, column });
  for (const [k, line, column] of s.keys) positions.keys.set(k, { file, line, column });
  return { value: s.value, positions, diagnostics: [] };
}

/** Whether `v` survives JSON unchanged: no NaN, Infinity or -0 (`.nan`, `.inf`, `-0` in YAML), no `__proto__` key. */
function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(isPlainJson);
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.entries(v as Record<string, unknown>).every(([k, x]) => k !== '__proto__' && isPlainJson(x));
}

function parseYaml(text: string, file: string, lineOffset: number): ParsedYaml {
  const deep = yamlDepthProblem(text);
  if (deep) {
    const where = { file, line: deep.line + lineOffset, column: deep.column };
    const message = `the YAML nests more than ${deep.limit} levels deep here (lists and blocks inside one another); sopkit reads at most ${deep.limit}`;
    return { value: null, positions: emptyPositions(file, 1 + lineOffset), diagnostics: [diagnostic('yaml-syntax', 'error', message, where, 'sopkit files need only a few levels: flatten the structure (see the schemas in schemas/).')] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
  const positions = new YamlPositions(file, { file, line: 1 + lineOffset, column: 1 });

  const walk = (node: Node | null | undefined, pointer: string): void => {
    if (!node) return;
    if (node.range) positions.values.set(pointer, pos(node.range[0]));
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const keyNode = item.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const child = `${pointer}/${escapeToken(key)}`;
        if (keyNode?.range) positions.keys.set(child, pos(keyNode.range[0]));
        const valueNode = item.value as Node | null;
        if (valueNode?.range) walk(valueNode, child);
        else if (keyNode?.range) positions.values.set(child, pos(keyNode.range[0]));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node, `${pointer}/${i}`));
    }
  };
  walk(doc.contents as Node, '');

  const diagnostics: Diagnostic[] = [];
  // One syntax error per document: the parser's later errors are mostly echoes of its
  // first (an unclosed bracket breaks every line after it), so its first syntax error is
  // the one reported; a duplicate key is reported instead when it comes on an earlier
  // line. With `prettyErrors: false` the errors carry no `linePos`: the offset is turned
  // into a line and column here, and an unclosed [ { or quote is reported where it opens.
  const located = doc.errors.map((err) => {
    const found = err.pos?.[0];
    const opener = typeof found === 'number' ? openerOf(text, found, err.code, err.message) : undefined;
    const offset = opener ?? (typeof found === 'number' ? Math.min(found, text.length) : 0);
    return { err, opener, offset };
  });
  const lineOf = (o: number) => lineCounter.linePos(o).line;
  const syntax = located.find((l) => l.err.code !== 'DUPLICATE_KEY');
  const duplicate = located.find((l) => l.err.code === 'DUPLICATE_KEY');
  const chosen = syntax && duplicate ? (lineOf(duplicate.offset) < lineOf(syntax.offset) ? duplicate : syntax) : (syntax ?? duplicate);
  const first = chosen;
  if (first) {
    const { err, opener } = first;
    const at = lineCounter.linePos(first.offset);
    const where = { file, line: at.line + lineOffset, column: at.col };
    const more = located.length - 1;
    const tail = more > 0 ? ` (and ${more} more YAML ${more === 1 ? 'error' : 'errors'} after it; fix this one first, the others may go with it)` : '';
    const message = opener !== undefined ? unclosed(text[opener]!) : plainYamlError(err.code, err.message);
    const hint = opener !== undefined ? `Add the closing ${unclosed(text[opener]!).slice(-1)}, or put a text that starts with ${text[opener]} in quotes ("…").` : yamlHint(err.code);
    diagnostics.push(diagnostic('yaml-syntax', 'error', `the YAML is not valid here: ${message}${tail}`, where, hint));
  }
  let value: unknown = null;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      diagnostics.push(diagnostic('yaml-syntax', 'error', `the YAML cannot be read: ${(e as Error).message}`, { file, line: 1 + lineOffset, column: 1 }, 'Remove anchors/aliases (&name, *name); sopkit files do not need them.'));
    }
  }
  return { value, positions, diagnostics };
}

/**
 * For an unclosed `[`, `{` or quote the parser stops where it notices (the next line or
 * the end of the file); the user's mistake is the opener. Its offset, when it can be found.
 */
function openerOf(text: string, at: number, code: string, message: string): number | undefined {
  const bracket = /end with an? ([\]}])/.exec(message)?.[1];
  const quote = code === 'MISSING_CHAR' && /closing "?quote/i.test(message);
  if (!bracket && !quote) return undefined;
  // Walk the text up to the error, skipping comments and quoted scalars, and remember
  // the openers still open when the parser gave up.
  const open: number[] = [];
  let unclosedQuote: number | undefined;
  const scalarStart = (i: number) => /(?:^|[:,[{-])\s*$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i));
  for (let i = 0; i < Math.min(at, text.length); i++) {
    const c = text[i]!;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if ((c === '"' || c === "'") && scalarStart(i)) {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (c === '"' && text[j] === '\\') j++;
        else if (c === "'" && text[j] === "'" && text[j + 1] === "'") j++;
        else if (text[j] === c) break;
      }
      if (j >= text.length) {
        unclosedQuote = i;
        break;
      }
      i = j;
    } else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length) open.pop();
  }
  if (quote) return unclosedQuote;
  return open.length ? open[open.length - 1] : undefined;
}

function unclosed(c: string): string {
  const close = c === '[' ? ']' : c === '{' ? '}' : c;
  return `the ${c} that starts here is never closed with ${close}`;
}

function plainYamlError(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'the same key appears twice in one block';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return first.charAt(0).toLowerCase() + first.slice(1);
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation';
    default:
      return first.charAt(0).toLowerCase() + first.slice(1);
  }
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Keep one of the two entries and delete the other.';
    case 'TAB_AS_INDENT':
      return 'YAML needs spaces for indentation; replace the tab by two spaces.';
    default:
      return 'Check the indentation (spaces, aligned under the parent key) and that text containing ":" or "#" is in quotes.';
  }
}

/** The pointer of a nested property, e.g. `pointerOf(['agencies', 2, 'name'])` → `/agencies/2/name`. */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => `/${escapeToken(p)}`).join('');
}
