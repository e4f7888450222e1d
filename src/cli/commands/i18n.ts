import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from '../../vendor/commander.js';
import { diagnostic, SopkitError, type Diagnostic } from '../../diag/index.js';
import { checkSourceEdit, readSourceText, toPosix, writeFileAtomic } from '../../fs/index.js';
import type { MarkdownFile } from '../../model/index.js';
import { languageFile } from '../../model/source-path.js';

/** The model code is loaded on use, so other commands do not pay for it at start-up. */
const model = () => import('../../model/index.js');
import { formatDiagnostic, useColour, withBase } from '../output.js';
import { shownPath } from '../paths.js';
import { runAction } from '../run.js';
import { DIR_ARGUMENT, dirOption, sopDir, usageError } from '../usage.js';
import { compareText } from '../../order.js';

export type TranslationState = 'source' | 'up to date' | 'stale' | 'missing' | 'not synced';

export interface StatusRow {
  /** `sections/08-eligibility.md` or `annexes/01-case-forms.md`: the pair's name. */
  name: string;
  states: Record<string, TranslationState>;
}

/** The translation state of every section and Markdown annex, per language. */
export async function translationStatus(dir: string): Promise<{ languages: string[]; rows: StatusRow[] }> {
  const { loadSop } = await model();
  const { model: sop } = await loadSop(dir);
  const langs = sop.manifest.languages;
  const src = langs[0]!;
  const groups = new Map<string, Map<string, MarkdownFile>>();
  for (const f of [...sop.sections, ...sop.annexes.filter((a) => a.kind === 'markdown-annex')]) {
    const key = `${f.file.split('/')[0]}/${f.name}`;
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key)!.set(f.lang, f);
  }
  const rows: StatusRow[] = [];
  for (const [name, g] of [...groups].sort(([a], [b]) => compareText(a, b))) {
    const source = g.get(src);
    const states: Record<string, TranslationState> = {};
    for (const lang of langs) {
      const f = g.get(lang);
      if (!f) states[lang] = 'missing';
      else if (lang === src) states[lang] = 'source';
      else {
        const fp = f.frontMatter.source_fingerprint;
        states[lang] = typeof fp !== 'string' ? 'not synced' : source && fp === source.fingerprint ? 'up to date' : 'stale';
      }
    }
    rows.push({ name, states });
  }
  return { languages: langs, rows };
}

function fail(message: string, hint: string, file?: string): SopkitError {
  return new SopkitError(diagnostic('i18n-sync', 'error', message, file ? { file } : undefined, hint));
}

/** Finds the SOP folder holding `file`: the nearest parent with a sop.yaml. */
function findRoot(abs: string): string | undefined {
  let d = path.dirname(abs);
  for (;;) {
    if (existsSync(path.join(d, 'sop.yaml'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/**
 * Records in translation `rel` (relative to the SOP folder `root`) the fingerprint of its
 * source file's current text. Only the `source_fingerprint:` line of the front-matter
 * changes (or is added before the closing `---`); the file is replaced atomically.
 * Returns false when it was already up to date (nothing written).
 */
export async function syncTranslation(root: string, rel: string, languages: string[]): Promise<boolean> {
  const { fingerprintText, splitFrontMatter } = await model();
  const place = languageFile(rel);
  if (!place || !place.name.endsWith('.md') || /[\\/]/.test(place.name)) throw fail(`${rel} is not a section or annex translation (sections/<lang>/NAME.md or annexes/<lang>/NAME.md)`, 'Pass the translated file, e.g. sections/en/08-eligibility.md.');
  const { kind, lang, name } = place;
  const src = languages[0]!;
  if (!languages.includes(lang)) throw fail(`${lang} is not one of the SOP's languages (${languages.join(', ')})`, 'Check the folder name or `languages` in sop.yaml.', rel);
  if (lang === src) throw fail(`${rel} is in the source language (${src}); only translations are synced`, `Sync its translations instead, e.g. ${kind}/${languages[1] ?? 'en'}/${name}.`, rel);
  const sourceRel = `${kind}/${src}/${name}`;
  const source = await readSourceText(root, sourceRel);
  if (!source.ok) throw fail(`the source of ${rel} cannot be read: ${source.diagnostic.message}`, `Translations pair by file name: ${sourceRel} must exist.`, rel);
  const fp = fingerprintText(splitFrontMatter(source.text, sourceRel).body);

  const abs = path.join(root, rel);
  await checkSourceEdit(abs, 'i18n sync');
  const check = await readSourceText(root, rel);
  if (!check.ok) throw new SopkitError(check.diagnostic);
  // A block that is not valid YAML is not marked synced: the error says where it breaks (exit 1).
  const own = splitFrontMatter(check.text, rel);
  const broken = own.broken ? own.diagnostics.find((d) => d.rule === 'yaml-syntax') : undefined;
  if (broken) throw new SopkitError({ ...broken, message: `${rel} was not synced: its front-matter is not valid YAML: ${broken.message.replace(/^the YAML is not valid here: /, '')}` }, 1);
  // Edit the raw text (not the normalised one) so line endings and everything else stay byte for byte.
  const raw = (await readFile(abs, 'utf8'));
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  const lines = raw.split(/\r?\n/);
  const bom = lines[0]!.startsWith('\uFEFF');
  if (lines[0]!.replace('\uFEFF', '').trimEnd() !== '---') throw fail(`${rel} has no front-matter block`, 'Start the file with ---, its keys, and --- on its own line.', rel);
  const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
  if (close < 0) throw fail(`${rel}: the front-matter block is not closed`, 'Add a line with --- after the front-matter keys.', rel);
  const line = `source_fingerprint: ${fp}`;
  const at = lines.findIndex((l, i) => i > 0 && i < close && /^source_fingerprint\s*:/.test(l));
  if (at >= 0) {
    if (lines[at]!.trim() === line) return false;
    lines[at] = line;
  } else lines.splice(close, 0, line);
  if (bom && at !== 0) lines[0] = lines[0]!.startsWith('\uFEFF') ? lines[0]! : `\uFEFF${lines[0]}`;
  await writeFileAtomic(abs, lines.join(eol));
  return true;
}

function printDiagnostics(list: Diagnostic[], root: string): void {
  for (const d of list) process.stderr.write(`${formatDiagnostic(withBase(d, shownPath(root)), useColour())}\n`);
}

export function i18nCommand(): Command {
  const cmd = new Command('i18n').description('translation status per section and language; mark translations as synced with their source');
  // Subcommands need their own exitOverride: usage errors must reach main.ts (exit 2), not exit 1 here.
  cmd
    .command('status')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .description('print, per section and language: source, up to date, stale, missing or not synced')
    .argument('[dir]', DIR_ARGUMENT)
    .addOption(dirOption())
    .action(async (dirArg: string | undefined, flags: { dir?: string }, sub: Command) =>
      runAction(async () => {
        const { languages, rows } = await translationStatus(sopDir(sub, dirArg, flags.dir));
        const w = Math.max(7, ...rows.map((r) => r.name.length));
        const cw = Math.max(...languages.map((l) => l.length), 10);
        const out = [`${'file'.padEnd(w)}  ${languages.map((l) => l.padEnd(cw)).join('  ').trimEnd()}`];
        for (const r of rows) out.push(`${r.name.padEnd(w)}  ${languages.map((l) => r.states[l]!.padEnd(cw)).join('  ').trimEnd()}`);
        process.stdout.write(`${out.join('\n')}\n`);
        return 0;
      }),
    );
  cmd
    .command('sync')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .description('record that a translation matches the current source text (writes source_fingerprint)')
    .argument('[file]', 'the translated file (relative to the current folder or to DIR), or with --all the SOP folder')
    .argument('[dir]', 'the SOP folder (default: found from FILE, or the current folder)')
    .addOption(dirOption())
    .option('--all', 'sync every translation of the SOP')
    .action(async (fileArg: string | undefined, dirArg0: string | undefined, flags: { all?: boolean; dir?: string }, sub: Command) =>
      runAction(async () => {
        let root: string;
        let targets: string[];
        const file = fileArg;
        let dirArg = dirArg0;
        if (flags.all) {
          // With --all the one positional is the SOP folder: `sync --all DIR` or `sync --all --dir DIR`.
          if (fileArg !== undefined && dirArg0 !== undefined) usageError(sub, `--all takes one SOP folder, not "${fileArg}" and "${dirArg0}"`);
          root = path.resolve(sopDir(sub, dirArg0 ?? fileArg, flags.dir));
          const { loadSop } = await model();
          const { model: sop, diagnostics } = await loadSop(root);
          const broken = diagnostics.filter((d) => d.severity === 'error' && (d.rule === 'yaml-syntax' || d.rule === 'front-matter-missing' || d.rule === 'file-encoding'));
          if (broken.length) {
            printDiagnostics(broken, root);
            return 2;
          }
          const src = sop.manifest.languages[0];
          targets = [...sop.sections, ...sop.annexes.filter((a) => a.kind === 'markdown-annex')].filter((f) => f.lang !== src).map((f) => f.file);
        } else {
          dirArg = dirArg0 === undefined && flags.dir === undefined ? undefined : sopDir(sub, dirArg0, flags.dir);
          if (!file) usageError(sub, 'name the translation to sync, or pass --all (e.g. `sopkit i18n sync sop-sources/sections/en/08-eligibility.md`)');
          const candidates = [dirArg ? path.resolve(dirArg, file) : undefined, path.resolve(file)].filter((x): x is string => Boolean(x));
          const abs = candidates.find((c) => existsSync(c));
          if (!abs) throw fail(`${toPosix(file)} does not exist`, 'Pass the path of the translated file.');
          const found = dirArg ? path.resolve(dirArg) : findRoot(abs);
          if (!found) throw fail(`${toPosix(file)} is not inside an SOP folder (no sop.yaml above it)`, 'Pass the SOP folder as the second argument.');
          root = found;
          targets = [toPosix(path.relative(root, abs))];
        }
        const { loadSop } = await model();
        const { model: sop } = await loadSop(root);
        let changed = 0;
        for (const rel of targets) {
          if (await syncTranslation(root, rel, sop.manifest.languages)) {
            changed++;
            process.stdout.write(`synced ${shownPath(path.join(root, rel))}\n`);
          }
        }
        process.stdout.write(`${changed} translation${changed === 1 ? '' : 's'} updated, ${targets.length - changed} already up to date\n`);
        return 0;
      }),
    );
  return cmd;
}
