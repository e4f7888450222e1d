import type { Root } from 'mdast';
import type { Diagnostic, Severity, SourcePosition } from '../diag/index.js';
import type { MarkdownFile, SopModel } from '../model/index.js';
import type { CheckView } from './view.js';

/** Counts the body pages of one language's PDF (R1); supplied by the layout stage. */
export type PageCounter = (model: SopModel, lang: string) => Promise<number>;

export interface CheckOptions {
  /** Today's date, YYYY-MM-DD. The CLI fills it from `--today` or the clock; rules never read the clock. */
  today: string;
  /** Stale translations become errors (CI on a release branch). */
  strict?: boolean;
  /** The page counter for the page-budget rule; without one that rule is skipped. */
  countBodyPages?: PageCounter;
  /** The SOP PDF layout's `diagram-fit` warnings in one language; without it that rule is skipped. */
  diagramFit?: (model: SopModel, lang: string) => Promise<Diagnostic[]>;
}

/** What every rule receives: the model plus shared, lazily computed views of it. */
export interface CheckContext {
  model: SopModel;
  options: CheckOptions;
  /** Problems the loader already found (syntax, schema, encoding). */
  loadDiagnostics: readonly Diagnostic[];
  /** The mdast of a Markdown file, parsed once per run. */
  mdast(file: MarkdownFile): Root;
  /** What most rules read of a Markdown file, without its whole tree (./view.ts). */
  view(file: MarkdownFile): CheckView;
  /** Component numbers required in the SOP's context. */
  requiredComponents(): Set<number>;
}

export type Report = (d: Diagnostic) => void;

/**
 * One check rule: a stable id (never renamed: CI configs and SARIF consumers key on it),
 * a one-line description, help text for SARIF/docs, and a run function that reports
 * diagnostics. Rules never throw on content: odd input is reported or skipped.
 */
export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  help: string;
  run(ctx: CheckContext, report: Report): void | Promise<void>;
}

/** Metadata of a rule id, for reporters (also covers the loader's ids). */
export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  help: string;
}

export type { SourcePosition };
