import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { Command } from '../../vendor/commander.js';
import { SopkitError, diagnostic } from '../../diag/index.js';
import { checkOutputFile, writeFileAtomic } from '../../fs/index.js';
import { loadSop } from '../../model/index.js';
import { runAction } from '../run.js';
import { shownPath } from '../paths.js';
import { DIR_ARGUMENT, annexNumber, dirOption, sopDir } from '../usage.js';

/**
 * `sopkit stamp IN.pdf --annex N`: writes a copy of an external PDF with the annex header
 * ("Annex N — <title> vX.Y — <date>", any language) on every page (R4). The pages'
 * own content is not changed: each page gets a strip on top that holds the header.
 */
export function stampCommand(): Command {
  return new Command('stamp')
    .description('stamp the annex header (annex number, SOP title, version and date) on every page of an external PDF')
    .argument('<pdf>', 'the PDF to stamp (it is not modified; a stamped copy is written)')
    .argument('[dir]', DIR_ARGUMENT)
    .requiredOption('--annex <n>', 'the annex number, e.g. 2', annexNumber)
    .option('--out <file>', 'where to write the stamped copy (default: <pdf name>-annex-<n>-v<version>.pdf beside the input)')
    .addOption(dirOption())
    .option('--lang <lang>', 'language of the header (default: the SOP\'s first language)')
    .action(async (input: string, dirArg: string | undefined, opts: { annex: number; out?: string; dir?: string; lang?: string }, cmd: Command) => {
      await runAction(async () => {
        const { model } = await loadSop(sopDir(cmd, dirArg, opts.dir));
        const m = model.manifest;
        const lang = opts.lang ?? m.languages[0]!;
        if (!m.languages.includes(lang)) {
          throw new SopkitError(diagnostic('stamp-language-unknown', 'error', `the SOP has no language "${lang}" (it has ${m.languages.join(', ')})`, undefined,
            `Pass one of: ${m.languages.map((l) => `--lang ${l}`).join(', ')}.`));
        }
        // Where the copy goes is settled first: a dangerous --out is refused before anything is read.
        const out = opts.out ?? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}-annex-${opts.annex}-v${m.version}.pdf`);
        if (path.resolve(out) === path.resolve(input)) {
          throw new SopkitError(diagnostic('stamp-overwrite', 'error', 'the stamped copy would replace the original PDF', undefined, 'Pass a different --out file; sopkit never rewrites the original.'));
        }
        // The output policy: never the input (also through a link), never a source file of the SOP.
        const outFile = await checkOutputFile(out, { command: 'stamp', option: opts.out !== undefined ? '--out' : undefined, sopRoot: model.root, inputs: [input] });
        const numbers = [...new Set(model.annexes.map((a) => a.number).filter((n): n is number => typeof n === 'number'))].sort((a, b) => a - b);
        if (!numbers.includes(opts.annex)) {
          throw new SopkitError(diagnostic('stamp-annex-unknown', 'error', `the SOP in "${shownPath(model.root)}" has no annex ${opts.annex} (${numbers.length ? `its annexes are ${numbers.join(', ')}` : 'it has no annexes yet'})`, { file: 'sop.yaml' },
            numbers.length ? `Pass one of: ${numbers.map((n) => `--annex ${n}`).join(', ')}; or add annex ${opts.annex} first (annexes/NN-name.pdf with a .yaml beside it: annex: ${opts.annex}, title: …).` : `Add the annex first: annexes/NN-name.pdf with a .yaml beside it (annex: ${opts.annex}, title: …).`));
        }
        let bytes: Uint8Array;
        try {
          bytes = await readFile(input);
        } catch {
          throw new SopkitError(diagnostic('stamp-input-missing', 'error', `cannot read "${input}"`, undefined, 'Check the path of the PDF to stamp.'));
        }
        if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
          throw new SopkitError(diagnostic('stamp-input-not-pdf', 'error', `"${input}" is not a PDF file`, undefined, 'Export the annex as PDF first, then stamp it.'));
        }
        // Loaded lazily: pdf-lib and HarfBuzz are heavy and only this command needs them here.
        const { stampBytes } = await import('../../build/pdfs.js');
        const { annexHeader } = await import('../../layout/index.js');
        let stamped: Uint8Array;
        try {
          stamped = await stampBytes(bytes, annexHeader(model, lang, opts.annex), lang);
        } catch (e) {
          const problem = (e as { problem?: { message: string; hint: string } }).problem;
          if (!problem) throw e;
          throw new SopkitError(diagnostic('stamp-input-unreadable', 'error', `"${input}" ${problem.message}`, undefined, problem.hint));
        }
        await writeFileAtomic(outFile, stamped);
        process.stdout.write(`stamped ${shownPath(input)} as annex ${opts.annex} → ${shownPath(out)}\n`);
        return 0;
      });
    });
}
