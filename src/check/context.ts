import type { Root } from 'mdast';
import type { Diagnostic, SourcePosition } from '../diag/index.js';
import { treeOf } from '../document/index.js';
import type { MarkdownFile, SopModel } from '../model/index.js';
import type { CheckContext, CheckOptions } from './types.js';
import { checkView, type CheckView } from './view.js';

export function createContext(model: SopModel, loadDiagnostics: readonly Diagnostic[], options: CheckOptions): CheckContext {
  let required: Set<number> | undefined;
  const views = new Map<MarkdownFile, CheckView>();
  return {
    model,
    options,
    loadDiagnostics,
    /** The document's tree of the file: parsed once, shared with the layout and the site. */
    mdast(file: MarkdownFile): Root {
      return treeOf(model, file);
    },
    view(file: MarkdownFile): CheckView {
      let v = views.get(file);
      if (!v) views.set(file, (v = checkView(model, file)));
      return v;
    },
    requiredComponents(): Set<number> {
      if (!required) {
        const spec = model.profile.required[model.manifest.context];
        const all = model.profile.components.map((c) => c.n);
        required = new Set(spec === 'all' ? all : Array.isArray(spec) ? spec : []);
      }
      return required;
    },
  };
}

/** File position of an mdast node (mdast lines count from the body's first line). */
export function nodePosition(file: MarkdownFile, node: { position?: { start: { line: number; column: number }; end?: { line: number; column: number } } }): SourcePosition {
  const start = node.position?.start;
  if (!start) return { file: file.file, line: file.bodyLine, column: 1 };
  const pos: SourcePosition = { file: file.file, line: start.line + file.bodyLine - 1, column: start.column };
  const end = node.position?.end;
  if (end) {
    pos.endLine = end.line + file.bodyLine - 1;
    pos.endColumn = end.column;
  }
  return pos;
}

/** Position of a front-matter key of a Markdown file, or its first line. */
export function keyPosition(file: MarkdownFile, key: string): SourcePosition {
  const p = `/${key}`;
  if (file.positions.has(p)) return { ...file.positions.keyAt(p), file: file.file };
  return { file: file.file, line: 1, column: 1 };
}

/** Position of a front-matter value of a Markdown file, or its first line. */
export function valuePosition(file: MarkdownFile, key: string): SourcePosition {
  const p = `/${key}`;
  if (file.positions.has(p)) return { ...file.positions.at(p), file: file.file };
  return { file: file.file, line: 1, column: 1 };
}

/** The language of the source text (the first of `languages`). */
export function sourceLanguage(model: SopModel): string {
  return model.manifest.languages[0] ?? 'en';
}

/** Title of a profile component in a language, falling back to English then to the id. */
export function componentTitle(model: SopModel, n: number, lang: string): string {
  const c = model.profile.components.find((x) => x.n === n);
  if (!c) return String(n);
  return c.title[lang] ?? c.title.en ?? Object.values(c.title)[0] ?? c.id;
}

/**
 * Whether a section of `lang` whose front-matter is broken (already one `yaml-syntax`
 * error) may be the one that holds component `id`: its file name says so (`08-eligibility.md`)
 * or its translation of the same name holds it. Rules that would otherwise report the
 * component missing or incomplete stay quiet: one broken block is one error.
 */
export function brokenSectionMayHold(model: SopModel, lang: string, id: string): boolean {
  return model.sections.some((s) => {
    if (s.lang !== lang || !s.frontMatterBroken) return false;
    if (s.name.replace(/\.md$/, '').replace(/^\d+[-_ ]*/, '') === id) return true;
    return model.sections.some((o) => o.name === s.name && o.lang !== lang && !o.frontMatterBroken && o.component === id);
  });
}
