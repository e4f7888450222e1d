import path from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { checkOutputDir, prepareOutputDir, writeFileAtomic } from '../fs/index.js';
import { renderChangelog } from './changelog.js';
import { compareSnapshots, type Comparison } from './compare.js';
import { renderRedlineHtml } from './html.js';
import { loadSnapshot } from './load.js';
import { renderRedlinePdf } from './pdf.js';
import { refuseFrozenFolder } from '../store/index.js';

export interface RunDiffOptions {
  dir: string;
  from: string;
  to: string;
  /** Output folder; default `<dir>/dist/report`. */
  out?: string;
}

export interface RunDiffResult {
  comparison: Comparison;
  /** Written files, absolute. */
  html: string;
  /** The same redline as an A4 PDF, beside the HTML. */
  pdf: string;
  changelog: string;
  diagnostics: Diagnostic[];
}

/** File names of the redline and changelog for versions A → B. */
export function reportNames(from: string, to: string): { html: string; pdf: string; changelog: string } {
  return { html: `diff-${from}-${to}.html`, pdf: `diff-${from}-${to}.pdf`, changelog: `changelog-${to}.md` };
}

/** `sopkit diff A B`: load both versions, compare, write the redline (HTML and PDF) and the changelog. */
export async function runDiff(options: RunDiffOptions): Promise<RunDiffResult> {
  const root = path.resolve(options.dir);
  await refuseFrozenFolder(root, options.dir);
  // The output policy first (nothing written yet): the report folder is new, empty or
  // sopkit's, never inside the SOP's sources; it is made (and marked) only once the redline is ready.
  const policy = { command: 'diff', option: options.out ? '--out' : undefined, sopRoot: root };
  const wanted = options.out ? path.resolve(options.out) : path.join(root, 'dist', 'report');
  await checkOutputDir(wanted, policy);
  const a = await loadSnapshot(root, options.from);
  const b = await loadSnapshot(root, options.to);
  const comparison = compareSnapshots(a.snapshot, b.snapshot);
  const dates = { from: a.snapshot.model.manifest.date, to: b.snapshot.model.manifest.date };
  // Everything is rendered before the first file is written: a failure writes nothing.
  const htmlText = renderRedlineHtml(comparison, b.snapshot.model, dates);
  const pdfBytes = await renderRedlinePdf(comparison, b.snapshot.model, dates);
  const changelogText = renderChangelog(comparison, b.snapshot.model, dates);
  const outDir = await prepareOutputDir(wanted, policy);
  const names = reportNames(options.from, options.to);
  const html = path.join(outDir, names.html);
  const pdf = path.join(outDir, names.pdf);
  const changelog = path.join(outDir, names.changelog);
  await writeFileAtomic(html, htmlText);
  await writeFileAtomic(pdf, pdfBytes);
  await writeFileAtomic(changelog, changelogText);
  return { comparison, html, pdf, changelog, diagnostics: [...a.diagnostics, ...b.diagnostics] };
}
