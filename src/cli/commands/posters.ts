import path from 'node:path';
import { Command } from '../../vendor/commander.js';
import type { Diagnostic } from '../../diag/index.js';
import { asOutputError, checkOutputDir, discardDir, makeStagingDir, prepareOutputDir, replaceDir } from '../../fs/index.js';
import { loadSop } from '../../model/index.js';
import { buildPosters } from '../../posters/index.js';
import { formatDiagnostic, summary, useColour, withBase } from '../output.js';
import { shownDir, shownPath } from '../paths.js';
import { createProgress, progressMode } from '../progress.js';
import { DIR_ARGUMENT, dirOption, shellQuote, sopDir } from '../usage.js';
import { runAction } from '../run.js';

/** `sopkit posters [DIR]`: only the posters, cards and pocket guides, into DIR/dist/posters, atomically. */
export function postersCommand(): Command {
  return new Command('posters')
    .description('print the posters, pocket cards and pocket guides of an SOP into DIR/dist/posters (atomically: a failed run leaves the old folder as it was)')
    .argument('[dir]', DIR_ARGUMENT)
    .addOption(dirOption())
    .option('-o, --out <dir>', 'output folder that receives posters/ (default: DIR/dist)')
    .option('--quiet', 'print nothing but problems (no progress, no summary)')
    .action((dirArg: string | undefined, opts: { dir?: string; out?: string; quiet?: boolean }, cmd: Command) =>
      runAction(async () => {
        const dir = sopDir(cmd, dirArg, opts.dir);
        const { model, diagnostics } = await loadSop(dir);
        const colour = useColour();
        const base = shownPath(model.root);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length) {
          for (const d of errors) process.stderr.write(`${formatDiagnostic(withBase(d, base), colour)}\n`);
          process.stderr.write(`posters stopped: ${summary(errors)} in the sources; nothing was written.\nhint: fix them (run \`sopkit check ${shellQuote(base)}\` for the full list), then run posters again.\n`);
          return 1;
        }
        // The output policy: the folder that receives posters/ must be new, empty or
        // sopkit's (it is made and marked here when new); posters/ inside it is replaced.
        const policy = { command: 'posters', option: opts.out !== undefined ? '--out' : undefined, sopRoot: model.root };
        const outDir = await prepareOutputDir(path.resolve(opts.out ?? path.join(model.root, 'dist')), policy);
        const { abs: target } = await checkOutputDir(path.join(outDir, 'posters'), policy);
        const staging = await makeStagingDir(target);
        const problems: Diagnostic[] = [];
        const started = process.hrtime.bigint();
        const progress = createProgress('posters', progressMode(opts.quiet));
        let files: string[];
        try {
          files = await buildPosters(model, staging, {
            onProgress: progress,
            onDiagnostic: (d) => problems.push(d),
          });
          await replaceDir(path.join(staging, 'posters'), target);
        } catch (e) {
          throw asOutputError(e, target);
        } finally {
          progress.clear();
          await discardDir(staging);
        }
        for (const d of problems) process.stderr.write(`${formatDiagnostic(withBase(d, base), colour)}\n`);
        if (!opts.quiet) {
          const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
          process.stdout.write(`printed ${files.length} files into ${shownDir(target)} in ${(ms / 1000).toFixed(1)} s${problems.length ? ` (${summary(problems)})` : ''}\n`);
        }
        return problems.some((d) => d.severity === 'error') ? 1 : 0;
      }),
    );
}
