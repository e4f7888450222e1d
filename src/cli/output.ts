import type { Diagnostic } from '../diag/index.js';

export { formatDiagnostic, paint, summary, useColour, type Colour } from '../diag/reporters/terminal.js';

/**
 * A diagnostic of an SOP source (its `file` relative to the SOP folder) as seen from where
 * the command was run: `base` is the SOP folder as printed (`shownPath`), e.g.
 * `sop-sources/sections/en/08-eligibility.md:12:3`. Files like `<argv>` stay as they are.
 */
export function withBase(d: Diagnostic, base: string): Diagnostic {
  if (!d.file || d.file.startsWith('<') || base === '.' || base === '') return d;
  return { ...d, file: `${base}/${d.file}` };
}
