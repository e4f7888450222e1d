import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node } from '../vendor/yaml.js';
import { diagnostic, type Diagnostic, type SourcePosition } from '../diag/index.js';
import type { PositionMap } from './types.js';
import { yamlDepthProblem } from './yaml-limits.js';

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

/**
 * Parses YAML (1.2 core schema: dates stay strings) and records the position of every
 * key and value by JSON pointer. `lineOffset` shifts lines for YAML embedded in a file
 * (front-matter starts on line 2). Syntax errors come back as diagnostics, never thrown.
 */
export function parseYamlWithPositions(text: string, file: string, lineOffset = 0): ParsedYaml {
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
  for (const err of doc.errors) {
    const at = err.linePos?.[0];
    const where = at ? { file, line: at.line + lineOffset, column: at.col } : { file, line: 1 + lineOffset, column: 1 };
    diagnostics.push(diagnostic('yaml-syntax', 'error', `the YAML is not valid here: ${plainYamlError(err.code, err.message)}`, where, yamlHint(err.code)));
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
