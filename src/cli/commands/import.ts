import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from '../../vendor/commander.js';
import { diagnostic, SopkitError } from '../../diag/index.js';
import { toPosix } from '../../fs/index.js';
import { shownDir, shownPath } from '../paths.js';
import { runAction } from '../run.js';
import { shellQuote } from '../usage.js';
import { compareText } from '../../order.js';

interface ImportFlags {
  into?: string;
  language?: string;
  profile?: string;
  map?: string;
}

/** Today's local date, YYYY-MM-DD: the date a new SOP folder starts with (as `init`). */
function todayFromClock(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const fail = (rule: string, message: string, hint: string, file?: string) => new SopkitError(diagnostic(rule, 'error', message, file ? { file } : undefined, hint));

/** The language of the text when not given: Arabic when a third of its letters are Arabic. */
function guessLanguage(text: string): string {
  const arabic = text.match(/[\u0600-\u06FF]/g)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 1;
  return arabic / letters > 0.3 ? 'ar' : 'en';
}

/** `sopkit import FILE.docx`: a Word SOP as section files of a new SOP folder, or a new language of one. */
export async function runImport(docx: string, flags: ImportFlags): Promise<number> {
  const { convertDocx } = await import('../../word/import/convert.js');
  const { planImport, readUserMap, MapFileError } = await import('../../word/import/plan.js');
  const { loadProfile, loadSop } = await import('../../model/index.js');
  const shown = shownPath(docx);
  const target = path.resolve(flags.into ?? '.');
  let bytes: Buffer;
  try {
    bytes = await readFile(docx);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail('docx-unreadable', code === 'ENOENT' ? `"${shown}" does not exist` : `cannot read "${shown}": ${(e as Error).message}`, 'Give the path of the Word file, e.g. `sopkit import old-sop.docx --into my-sop`.', shown);
  }
  const existing = existsSync(path.join(target, 'sop.yaml'));
  if (existing && flags.profile !== undefined) {
    throw fail('usage', `--profile is for a new SOP folder; ${shownDir(target)} already has sop.yaml, whose profile is used`, 'Drop --profile, or import into a new folder with --into.');
  }
  const profile = existing ? (await loadSop(target)).model.profile : await loadProfile(target, flags.profile ?? 'cpcm-interagency');

  let conv;
  try {
    conv = await convertDocx(bytes, '../../assets/');
  } catch (e) {
    throw fail('docx-unreadable', `cannot read "${shown}" as a Word document: ${(e as Error).message.split('\n')[0]}`, 'Open it in Word or LibreOffice and save it as "Word document (.docx)", then import again.', shown);
  }
  const lang = flags.language ?? guessLanguage(conv.parts.map((p) => `${p.heading} ${p.markdown}`).join(' '));
  let userMap;
  if (flags.map !== undefined) {
    try {
      userMap = readUserMap(await readFile(flags.map, 'utf8'), profile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw fail('import-map', `the map "${shownPath(flags.map)}" does not exist`, 'Give the import-map.yaml a first `sopkit import` wrote.', shownPath(flags.map));
      if (e instanceof MapFileError) throw fail('import-map', `cannot use the map "${shownPath(flags.map)}": ${e.message}`, 'Fix it (each entry: heading, component: <id> or null) and run again.', shownPath(flags.map));
      throw e;
    }
  }
  const plan = planImport(conv, profile, lang, path.basename(docx), userMap);

  let files = plan.files;
  if (!existing) {
    // A new SOP: the folder `init` makes, with the imported sections in place of the templates.
    const { planInit } = await import('./init.js');
    // The context is the profile's first, as for `init` (sop.yaml's comment lists the others):
    // a fixed CPCM context would make the SOP of any other family fail to load.
    const skeleton = await planInit({ languages: [lang], date: todayFromClock(), title: conv.docTitle }, profile);
    const imported = new Set([...plan.files.keys()].filter((f) => f.startsWith(`sections/${lang}/`)).map((f) => /\/(\d+-)/.exec(f)?.[1]));
    for (const f of skeleton.keys()) if (f.startsWith(`sections/${lang}/`) && imported.has(/\/(\d+-)/.exec(f)?.[1])) skeleton.delete(f);
    files = new Map([...skeleton, ...plan.files]);
  }
  // Never overwrite: every file is checked before the first is written, then written with
  // the `wx` flag (fails rather than replaces, even if something appeared meanwhile).
  const clash = [...files.keys()].filter((f) => existsSync(path.join(target, f))).sort();
  if (clash.length) {
    const list = clash.length > 4 ? `${clash.slice(0, 4).join(', ')} and ${clash.length - 4} more` : clash.join(', ');
    throw fail('import-would-overwrite', `import never overwrites files, and ${shownDir(target)} already has ${list}`, `Import into a new folder (\`sopkit import ${shellQuote(shown)} --into NEW-FOLDER\`), or move those files away first.`);
  }
  for (const [rel, content] of [...files].sort(([a], [b]) => compareText(a, b))) {
    const abs = path.join(target, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content, { flag: 'wx' });
  }

  const width = Math.min(48, Math.max(...plan.rows.map((r) => r.heading.length), 7));
  const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
  process.stdout.write(`${cut('heading')}  component               confidence  file\n`);
  for (const r of plan.rows) {
    process.stdout.write(`${cut(r.heading)}  ${(r.component ?? '—').padEnd(22)}  ${r.fromMap ? 'map'.padStart(10) : r.confidence.toFixed(2).padStart(10)}  ${r.file}\n`);
  }
  for (const w of conv.warnings) process.stderr.write(`warning: ${w}\n`);
  const mapped = plan.rows.filter((r) => r.component).length;
  process.stdout.write(
    `\nImported ${shown} (${lang}) into ${shownDir(target)}: ${mapped} of ${plan.rows.length} parts mapped to components${plan.rows.length > mapped ? `, the rest in imported-unmapped-${lang}.md` : ''}.\n` +
      `Next: check the table above (correct import-map.yaml and import again with --map if a part is wrong), then \`sopkit check ${shellQuote(toPosix(shownPath(target)))}\`.\n` +
      (existing ? `If ${lang} is a new language of this SOP, add it to \`languages:\` in sop.yaml.\n` : ''),
  );
  return 0;
}

function language(value: string): string {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(value)) throw new InvalidArgumentError('give a language code such as ar or en.');
  return value;
}

export function importCommand(): Command {
  return new Command('import')
    .description('convert a Word SOP (.docx) into section files: a new SOP folder, or a new language of an existing one')
    .argument('<file>', 'the .docx to import')
    .option('--into <dir>', 'the SOP folder to write into (new, or with sop.yaml for a new language; default: the current folder)')
    .addOption(new Option('--language <code>', 'the language of the document (default: guessed from its script)').argParser(language))
    .option('--profile <id>', 'the profile of a new SOP (default: cpcm-interagency)')
    .option('--map <file>', 'an import-map.yaml from an earlier import, edited: which heading goes to which component')
    .addHelpText('after', '\nNever overwrites a file: import refuses (exit 2) when one it would write exists.\nSee docs/word.md.')
    .action((file: string, flags: ImportFlags) => runAction(() => runImport(file, flags)));
}
