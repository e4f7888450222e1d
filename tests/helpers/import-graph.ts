import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The static import graph of a source tree: for each `.ts` file (path relative to `root`,
 * `/`-separated), the files it imports with a relative specifier — `import … from './x.js'`,
 * `import './x.js'`, `export … from './x.js'`, type-only ones included (a folder that needs
 * another's types depends on it as much as one that calls it). Dynamic `import()` is left out:
 * it is how a late stage is loaded on demand, not a dependency of the module's shape.
 * Specifiers are read with the TypeScript parser rather than a regular expression so that
 * comments and strings that look like imports do not count.
 */
export type ImportGraph = Map<string, Set<string>>;

function tsFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...tsFiles(root, rel));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out.sort();
}

/** `./x.js` from `a/b.ts` → `a/x.ts` (the ES-module spelling of a TypeScript source). */
function resolve(from: string, specifier: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return joined.replace(/\.js$/, '.ts');
}

export function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of tsFiles(root)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const targets = new Set<string>();
    for (const st of source.statements) {
      const spec =
        (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)
          ? st.moduleSpecifier.text
          : undefined;
      if (spec?.startsWith('.')) targets.add(resolve(file, spec));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The top-level folder of a file (`layout/table.ts` → `layout`); files at the root have none. */
export function topFolder(file: string): string | undefined {
  const slash = file.indexOf('/');
  return slash < 0 ? undefined : file.slice(0, slash);
}

/** The graph collapsed onto groups (e.g. top-level folders); edges inside a group are dropped. */
export function collapse(graph: ImportGraph, group: (file: string) => string | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const a = group(from);
    if (a === undefined) continue;
    if (!out.has(a)) out.set(a, new Set());
    for (const to of targets) {
      const b = group(to);
      if (b !== undefined && b !== a) out.get(a)!.add(b);
    }
  }
  return out;
}

/**
 * The strongly connected components with more than one node (Tarjan): each is a set of
 * nodes that reach each other, i.e. a cycle, direct (`a ↔ b`) or through others. Sorted so
 * a failure message is stable.
 */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** For a cycle, the edges inside it (`a → b`), so a failure says which imports to undo. */
export function edgesWithin(graph: ImportGraph, group: (file: string) => string | undefined, members: string[]): string[] {
  const set = new Set(members);
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const a = group(from);
    if (a === undefined || !set.has(a)) continue;
    for (const to of targets) {
      const b = group(to);
      if (b !== undefined && b !== a && set.has(b)) out.push(`${from} → ${to}`);
    }
  }
  return out.sort();
}
