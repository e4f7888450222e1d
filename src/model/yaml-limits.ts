/**
 * Nesting limit of sopkit's YAML (issue 10: no input can crash sopkit). The `yaml`
 * package recurses per level: 1,000 nested `[` made it report "maximum call stack size
 * exceeded" after seconds (10,000: 3 s), and the position walk, ajv and the diff recurse
 * too. sopkit's schemas nest at most 5 levels, so the text is measured first, in one
 * linear pass, and refused past the limit with the line and column where it happens.
 * Aliases are bounded separately (`maxAliasCount` in ./yaml.ts).
 */

/** The most collections (block or flow) one value may sit in. */
export const MAX_YAML_DEPTH = 64;

export interface YamlDepthProblem {
  line: number;
  column: number;
  depth: number;
  limit: number;
}

const BLOCK_SCALAR = /(?:^|[:\-?]\s+|^\s*)[|>][0-9+-]*\s*(?:#.*)?$/;

/**
 * The first place where block indentation levels, `- ` entries and `[`/`{` brackets
 * together nest deeper than `limit`. An upper bound in practice: each level needs its own
 * indentation step, marker or bracket; block scalar contents (`|`, `>`) are skipped.
 */
export function yamlDepthProblem(text: string, limit = MAX_YAML_DEPTH): YamlDepthProblem | undefined {
  const stack: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let scalarIndent: number | undefined;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    lineNo++;
    let i = 0;
    while (line[i] === ' ') i++;
    const rest = line.slice(i);
    if (rest === '' || (rest.startsWith('#') && !quote && flow === 0)) continue;
    if (scalarIndent !== undefined) {
      if (i > scalarIndent) continue;
      scalarIndent = undefined;
    }
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) {
      stack.length = 0;
      flow = 0;
      quote = undefined;
      continue;
    }
    const over = (column: number) => ({ line: lineNo, column, depth: stack.length + flow, limit });
    if (flow === 0 && !quote) {
      // Block structure: the indentation, then each `- ` / `? ` entry marker on the line.
      while (stack.length && stack[stack.length - 1]! >= i) stack.pop();
      stack.push(i);
      while (/^[-?](?:[ \t]|$)/.test(line.slice(i))) {
        i++;
        while (line[i] === ' ' || line[i] === '\t') i++;
        if (i >= line.length) break;
        stack.push(i);
        if (stack.length > limit) return over(i + 1);
      }
      if (stack.length > limit) return over(i + 1);
      if (BLOCK_SCALAR.test(line.slice(i))) scalarIndent = stack[stack.length - 1] ?? 0;
    }
    // Flow collections: brackets count where a value may start, and anywhere inside one.
    let valueStart = flow === 0 && !quote;
    let prev = flow > 0 ? ',' : '';
    for (; i < line.length; i++, prev = line[i - 1] === ' ' || line[i - 1] === '\t' ? prev : line[i - 1]!) {
      const c = line[i]!;
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if (c === ' ' || c === '\t') continue;
      if (flow > 0 || valueStart) {
        if (c === '[' || c === '{') {
          flow++;
          if (stack.length + flow > limit) return over(i + 1);
          continue;
        }
        // A quote opens a scalar only where one may start (not the apostrophe of "child's").
        if ((c === '"' || c === "'") && (valueStart || prev === '' || '[{,:'.includes(prev))) {
          quote = c;
          continue;
        }
      }
      if (flow > 0 && (c === ']' || c === '}')) {
        flow--;
        continue;
      }
      if (flow === 0) {
        // In block context only a value after `key: ` (or `- `) may open a flow collection.
        valueStart = (c === ':' || c === '-' || c === '?') && (line[i + 1] === ' ' || line[i + 1] === '\t' || i + 1 === line.length);
        if (!valueStart && c !== ':') {
          // Skip the rest of a plain scalar up to the next `: ` (a key) on this line.
          const next = line.indexOf(': ', i);
          if (next < 0) break;
          i = next;
          valueStart = true;
          i++;
        }
      }
    }
  }
  return undefined;
}
