/**
 * Progress of a long run (build, posters, release), as the build stages report it. The
 * message is for a log; `step` says where the run is, for a status line: the stage
 * (`pdf`, `posters`, `site`), the language when the stage works per language, and a
 * count when one is known (`done` of `total` `unit`, e.g. 12 of 45 pages). In diag/, beside
 * the diagnostics (the other thing a stage reports), so that site/ and posters/ need not
 * import build/, which calls them.
 */
export interface ProgressStep {
  stage: string;
  lang?: string;
  done?: number;
  total?: number;
  unit?: string;
}

export type ProgressFn = (message: string, step?: ProgressStep) => void;
