import type { Diagnostic } from '../diag/index.js';
import { loadSop } from '../model/load.js';
import type { MarkdownAnnex, Section, SopModel } from '../model/types.js';
import { groupComponents } from './components.js';
import { treeOf } from './trees.js';
import type { DocumentFile, LanguageDocument, SopDocument } from './types.js';

/** A file with its tree, parsed when `tree` is first read (see `treeOf`). */
function documentFile<F extends Section | MarkdownAnnex>(model: SopModel, source: F): DocumentFile<F> {
  return { source, get tree() { return treeOf(model, source); } };
}

function languageDocument(model: SopModel, lang: string): LanguageDocument {
  return {
    lang,
    components: groupComponents(model, lang).map((g) => ({ ...g, sections: g.sections.map((s) => documentFile(model, s)) })),
    annexes: model.annexes.filter((a): a is MarkdownAnnex => a.kind === 'markdown-annex' && a.lang === lang).map((a) => documentFile(model, a)),
  };
}

const documents = new WeakMap<SopModel, SopDocument>();

/**
 * The document of a loaded model, made once per model: `check` and `build` in one
 * process (and each output of a build) share its trees.
 */
export function documentOf(model: SopModel): SopDocument {
  let d = documents.get(model);
  if (!d) {
    d = {
      model,
      languages: model.manifest.languages.map((lang) => languageDocument(model, lang)),
      pdfAnnexes: model.annexes.filter((a) => a.kind === 'pdf-annex'),
    };
    documents.set(model, d);
  }
  return d;
}

/** The document of one language (an empty one for a language the manifest does not list). */
export function languageOf(model: SopModel, lang: string): LanguageDocument {
  return documentOf(model).languages.find((l) => l.lang === lang) ?? { lang, components: [], annexes: [] };
}

export interface DocumentResult {
  document: SopDocument;
  model: SopModel;
  /** The loader's problems (see `loadSop`). */
  diagnostics: Diagnostic[];
}

/** load → parse → realize: the SOP folder `dir` as one document. Throws as `loadSop` does. */
export async function loadDocument(dir: string): Promise<DocumentResult> {
  const { model, diagnostics } = await loadSop(dir);
  return { document: documentOf(model), model, diagnostics };
}
