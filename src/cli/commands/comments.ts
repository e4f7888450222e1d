import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from '../../vendor/commander.js';
import { diagnostic, SopkitError, sortDiagnostics } from '../../diag/index.js';
import { FORMATS, type Format } from '../../diag/reporters/types.js';
import { shownPath } from '../paths.js';
import { useColour } from '../output.js';
import { runAction } from '../run.js';
import { dirOption, shellQuote, sopDir } from '../usage.js';

interface CommentsFlags {
  dir?: string;
  format: Format;
  report?: string;
}

/** `sopkit comments FILE.docx`: reviewers' comments and tracked changes, at their source lines. */
export async function runComments(docx: string, dir: string, flags: CommentsFlags): Promise<number> {
  const { readReview, NotADocxError } = await import('../../word/comments/read.js');
  const { mapReview } = await import('../../word/comments/map.js');
  const { consultationReport, consultationReportHtml, REVIEW_RULES, reviewDiagnostics } = await import('../../word/comments/report.js');
  const { loadSop } = await import('../../model/index.js');
  const shown = shownPath(docx);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(docx);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SopkitError(diagnostic('docx-unreadable', 'error', code === 'ENOENT' ? `"${shown}" does not exist` : `cannot read "${shown}": ${(e as Error).message}`, { file: shown }, 'Give the path of the .docx the reviewers sent back, e.g. `sopkit comments returned/sop-v2.1-en.docx`.'));
  }
  let items;
  try {
    items = await readReview(bytes);
  } catch (e) {
    if (!(e instanceof NotADocxError)) throw e;
    throw new SopkitError(diagnostic('docx-unreadable', 'error', `cannot read "${shown}": ${e.message}`, { file: shown }, 'Save it from Word or LibreOffice as "Word document (.docx)" and run again.'));
  }
  const { model } = await loadSop(dir);
  const mapped = mapReview(model, items);
  const diagnostics = sortDiagnostics(reviewDiagnostics(mapped, shown));
  const { formatReport } = await import('../../diag/reporters/index.js');
  const base = shownPath(model.root) === '.' ? '' : shownPath(model.root);
  const src = model.manifest.languages[0] ?? 'en';
  const title = model.manifest.title[src] ?? Object.values(model.manifest.title)[0] ?? '';
  if (!diagnostics.length && flags.format === 'pretty') process.stdout.write(`no comments or tracked changes in ${shown}\n`);
  else process.stdout.write(formatReport(flags.format, { diagnostics, base, rules: REVIEW_RULES, toolVersion: '', sop: { title, version: model.manifest.version }, colour: flags.format === 'pretty' && useColour(process.stdout) }));
  if (flags.report !== undefined) {
    const { checkOutputFile, writeFileAtomic } = await import('../../fs/index.js');
    // The output policy: the report never overwrites a source of the SOP, nor the .docx read.
    const out = await checkOutputFile(flags.report, { command: 'comments', option: '--report', sopRoot: model.root, inputs: [docx] });
    // The file's extension picks the format: a page to mail round or print, or Markdown to keep beside the sources.
    const html = /\.html?$/i.test(flags.report);
    await writeFileAtomic(out, (html ? consultationReportHtml : consultationReport)(mapped, title, path.basename(docx)));
    process.stderr.write(`sopkit comments: consultation report written to ${shownPath(flags.report)}\n`);
  }
  const lost = mapped.filter((m) => m.by === 'none').length;
  if (lost) process.stderr.write(`sopkit comments: ${lost} of ${mapped.length} could not be placed in the sources (listed without a file)\n`);
  return 0;
}

export function commentsCommand(): Command {
  return new Command('comments')
    .description('list the comments and tracked changes of a .docx returned by reviewers, at the source file and line they are about')
    .argument('<file>', 'the .docx (exported by `sopkit build --only docx`, possibly re-saved by Word or LibreOffice)')
    .addOption(dirOption())
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('pretty'))
    .option('--report <file>', 'also write a consultation report grouped by component and reviewer: HTML when FILE ends in .html, else Markdown')
    .addHelpText('after', `\nExample: sopkit comments returned/sop-v2.1-en.docx --dir ${shellQuote('my-sop')} --report consultation.md\nSee docs/word.md.`)
    .action((file: string, flags: CommentsFlags, cmd: Command) => runAction(() => runComments(file, sopDir(cmd, undefined, flags.dir), flags)));
}
