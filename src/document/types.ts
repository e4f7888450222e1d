import type { Root } from 'mdast';
import type { DataFile, MarkdownAnnex, PdfAnnex, Section, SopModel } from '../model/types.js';
import type { CaseStepsData, EligibilityData, OrganigramData, PathwaysData, PrioritisationData, RelationshipsData, ServicesData, UrgentActionData } from './data-types.js';

/** A data file named by a directive: `file` is undefined when `data/<name>.yaml` is missing or unreadable. */
export interface DataRef<T = unknown> {
  name: string;
  file: DataFile<T> | undefined;
}

/**
 * What a leaf or container directive stands for, resolved once against the model's data
 * (`realize.ts`) and kept on the node as `node.data.sop`. `data` is the file the directive
 * names (`data=…`, or the directive's default): the PDF shows it and reports it missing.
 * `shown` is the file of that name when the directive accepts it, else its default: what
 * the site shows (an unaccepted name is a `directive` error of `check`).
 */
export type RealizedDirective =
  | { kind: 'unknown'; name: string }
  | { kind: 'pagebreak' }
  | { kind: 'signatures' }
  | { kind: 'criteria'; data: DataRef; shown: DataRef<EligibilityData> }
  | { kind: 'flowchart'; data: DataRef; shown: DataRef<EligibilityData> | DataRef<CaseStepsData> | DataRef<OrganigramData> }
  | { kind: 'table'; data: DataRef; shown: DataRef<RelationshipsData> }
  | { kind: 'matrix'; data: DataRef; shown: DataRef<PrioritisationData> }
  | { kind: 'card'; data: DataRef; shown: DataRef<UrgentActionData> }
  | { kind: 'services'; data: DataRef; shown: DataRef<ServicesData> }
  | { kind: 'pathways'; data: DataRef; shown: DataRef<PathwaysData>; services: DataRef<ServicesData> };

/** One Markdown file of the document with its tree (positions relative to the body). */
export interface DocumentFile<F extends Section | MarkdownAnnex = Section | MarkdownAnnex> {
  source: F;
  tree: Root;
}

/** One component of one language: its sections in reading order. */
export interface DocumentComponent {
  n?: number;
  id: string;
  title: string;
  sections: DocumentFile<Section>[];
}

export interface LanguageDocument {
  lang: string;
  components: DocumentComponent[];
  annexes: DocumentFile<MarkdownAnnex>[];
}

/**
 * The SOP after load → parse → realize: every Markdown file parsed once, its directives
 * resolved. Outputs and `check` read the trees here instead of parsing the bodies again.
 */
export interface SopDocument {
  model: SopModel;
  languages: LanguageDocument[];
  /** Annexes that are PDFs with a YAML sidecar (no Markdown to parse). */
  pdfAnnexes: PdfAnnex[];
}
