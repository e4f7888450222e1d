import path from 'node:path';
import { Command } from '../../vendor/commander.js';
import type { Diagnostic } from '../../diag/index.js';
import { asOutputError, checkOutputDir, discardDir, makeStagingDir, prepareOutputDir, replaceDir } from '../../fs/index.js';
import { loadSop } from '../../model/index.js';
import { buildPosters } from '../../posters/index.js';
import { formatDiagnostic, progressReporter, summary, useColour } from '../output.js';
import { runAction } from '../run.js';

/** `sopkit posters [DIR]`: only the posters, cards and pocket guides, into DIR/dist/posters, atomically. */
export function postersCommand(): Command {
  return new Command('posters')
    .description('print the posters, pocket cards and pocket guides of an SOP into DIR/dist/posters (atomically: a failed run leaves the old folder as it was)')
    .argument('[dir]', 'the SOP folder (holds sop.yaml)', '.')
    .option('-o, --out <dir>', 'output folder that receives posters/ (default: DIR/dist)')
    .option('--quiet', 'print nothing but problems')
    .action((dir: string, opts: { out?: string; quiet?: boolean }) =>
      runAction(async () => {
        const { model, diagnostics } = await loadSop(dir);
        const colour = useColour();
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length) {
          for (const d of errors) process.stderr.write(`${formatDiagnostic(d, colour)}\n`);
          process.stderr.write(`posters stopped: ${summary(errors)} in the sources; nothing was written.\nhint: fix them (run \`sopkit check ${dir}\` for the full list), then run posters again.\n`);
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
        let files: string[];
        try {
          files = await buildPosters(model, staging, {
            onProgress: progressReporter(!opts.quiet && Boolean(process.stderr.isTTY)),
            onDiagnostic: (d) => problems.push(d),
          });
          await replaceDir(path.join(staging, 'posters'), target);
        } catch (e) {
          throw asOutputError(e, target);
        } finally {
          await discardDir(staging);
        }
        for (const d of problems) process.stderr.write(`${formatDiagnostic(d, colour)}\n`);
        if (!opts.quiet) {
          const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
          const rel = path.relative(process.cwd(), target) || '.';
          process.stdout.write(`printed ${files.length} files into ${rel}/ in ${(ms / 1000).toFixed(1)} s${problems.length ? ` (${summary(problems)})` : ''}\n`);
        }
        return problems.some((d) => d.severity === 'error') ? 1 : 0;
      }),
    );
}
