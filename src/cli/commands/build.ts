import { Command, InvalidArgumentError, Option } from '../../vendor/commander.js';
import type { Diagnostic } from '../../diag/index.js';
import { loadDocument } from '../../document/index.js';
import { BUILD_TARGETS, buildAll, type BuildTarget } from '../../build/index.js';
import { loadReleasedModels } from '../../release/released.js';
import { formatDiagnostic, summary, useColour, withBase } from '../output.js';
import { shellQuote, DIR_ARGUMENT, dirOption, sopDir } from '../usage.js';
import { shownDir, shownPath } from '../paths.js';
import { createProgress, progressMode } from '../progress.js';
import { runAction } from '../run.js';
import { openCache } from '../../cache/index.js';
import { enableMemoStore } from '../cached-layout.js';
import { availableParallelism } from 'node:os';

/** `--only pdf,site`: a bad name is a usage error (exit 2) naming the ones that exist. */
export function parseTargets(value: string): BuildTarget[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!list.length) throw new InvalidArgumentError(`name one or more of ${BUILD_TARGETS.join(', ')}, separated by commas, e.g. --only pdf,site`);
  for (const t of list) {
    if (!BUILD_TARGETS.includes(t as BuildTarget)) {
      throw new InvalidArgumentError(`"${t}" is not an output; use one or more of ${BUILD_TARGETS.join(', ')}, separated by commas, e.g. --only pdf,site`);
    }
  }
  return list as BuildTarget[];
}

/** `--jobs 2`: a whole number from 1 up (a usage error otherwise). */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('give a whole number of threads, 1 or more, e.g. --jobs 2');
  return Number(value);
}

/** `sopkit build [DIR]`: PDFs, posters and site into DIR/dist, atomically. */
export function buildCommand(): Command {
  return new Command('build')
    .description('build the PDFs, posters and site of an SOP into DIR/dist (atomically: a failed build leaves dist/ as it was)')
    .argument('[dir]', DIR_ARGUMENT)
    .addOption(dirOption())
    .option('-o, --out <dir>', 'output folder (default: DIR/dist)')
    .addOption(new Option('--only <targets>', `build only some outputs: ${BUILD_TARGETS.join(',')} (docx, the Word copies for consultation, only when named)`).argParser(parseTargets))
    .option('--quiet', 'print nothing but problems (no progress, no summary)')
    .addOption(new Option('--jobs [n]', 'threads that build at once: posters and site on worker threads beside the PDFs (--jobs alone: one per core; default 1, one output after the other: see docs/cache.md for why)').argParser(parseJobs))
    .option('--no-cache', 'build every output again, without reusing the ones whose sources did not change (see docs/cache.md)')
    .action((dirArg: string | undefined, opts: { dir?: string; out?: string; only?: BuildTarget[]; quiet?: boolean; cache?: boolean; jobs?: number | true }, cmd: Command) =>
      runAction(async () => {
        const dir = sopDir(cmd, dirArg, opts.dir);
        const targets = opts.only;
        await enableMemoStore({ enabled: opts.cache });
        const { model, diagnostics } = await loadDocument(dir);
        const colour = useColour();
        const base = shownPath(model.root);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        // An encrypted or damaged annex PDF stops the build (and so a release) like any error in the sources.
        if (model.annexes.some((a) => a.kind === 'pdf-annex')) errors.push(...(await (await import('../../check/rules/annex-pdf.js')).pdfAnnexProblems(model)));
        if (errors.length) {
          for (const d of errors) process.stderr.write(`${formatDiagnostic(withBase(d, base), colour)}\n`);
          process.stderr.write(`build stopped: ${summary(errors)} in the sources; nothing was written (dist/ is unchanged).\nhint: fix them (run \`sopkit check ${shellQuote(base)}\` for the full list), then build again.\n`);
          return 1;
        }
        const layoutProblems: Diagnostic[] = [];
        const progress = createProgress('build', progressMode(opts.quiet));
        const started = process.hrtime.bigint();
        let result;
        try {
          // Every frozen release goes into the site beside the draft (the version switcher).
          const released = await loadReleasedModels(model.root);
          for (const p of released.problems) {
            progress.clear();
            process.stderr.write(`warning: ${p}\n`);
          }
          result = await buildAll(model, {
            outDir: opts.out,
            outOption: opts.out !== undefined ? '--out' : undefined,
            versions: released.models,
            targets,
            onProgress: progress,
            onDiagnostic: (d) => layoutProblems.push(d),
            cache: await openCache(model.root, { enabled: opts.cache }),
            // The model is the folder as it is on disk, so workers may load it again. Serial by
            // default: on the 2-core machine the workers cost more CPU and memory than they saved (docs/cache.md).
            jobs: opts.jobs === true ? availableParallelism() : opts.jobs ?? 1,
          });
        } finally {
          progress.clear();
        }
        for (const d of layoutProblems) process.stderr.write(`${formatDiagnostic(withBase(d, base), colour)}\n`);
        if (!opts.quiet) {
          const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
          process.stdout.write(`built ${result.files.length} files into ${shownDir(result.outDir)} in ${(ms / 1000).toFixed(1)} s${layoutProblems.length ? ` (${summary(layoutProblems)})` : ''}\n`);
        }
        return layoutProblems.some((d) => d.severity === 'error') ? 1 : 0;
      }),
    );
}
