import path from 'node:path';
import { Command, Option } from '../../vendor/commander.js';
import { SopkitError, diagnostic, type Diagnostic } from '../../diag/index.js';
import { loadSop } from '../../model/index.js';
import { BUILD_TARGETS, buildAll, type BuildTarget } from '../../build/index.js';
import { loadReleasedModels } from '../../release/outputs.js';
import { formatDiagnostic, progressReporter, summary, useColour } from '../output.js';
import { runAction } from '../run.js';

function parseTargets(value: string): BuildTarget[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const t of list) {
    if (!BUILD_TARGETS.includes(t as BuildTarget)) {
      throw new SopkitError(diagnostic('usage', 'error', `--only does not know "${t}"`, undefined, `Use one or more of ${BUILD_TARGETS.join(', ')}, separated by commas.`));
    }
  }
  return list as BuildTarget[];
}

/** `sopkit build [DIR]`: PDFs, posters and site into DIR/dist, atomically. */
export function buildCommand(): Command {
  return new Command('build')
    .description('build the PDFs, posters and site of an SOP into DIR/dist (atomically: a failed build leaves dist/ as it was)')
    .argument('[dir]', 'the SOP folder (holds sop.yaml)', '.')
    .option('-o, --out <dir>', 'output folder (default: DIR/dist)')
    .addOption(new Option('--only <targets>', `build only some outputs: ${BUILD_TARGETS.join(',')}`))
    .option('--quiet', 'print nothing but problems')
    .action((dir: string, opts: { out?: string; only?: string; quiet?: boolean }) =>
      runAction(async () => {
        const targets = opts.only ? parseTargets(opts.only) : undefined;
        const { model, diagnostics } = await loadSop(dir);
        const colour = useColour();
        const errors = diagnostics.filter((d) => d.severity === 'error');
        // An encrypted or damaged annex PDF stops the build (and so a release) like any error in the sources.
        if (model.annexes.some((a) => a.kind === 'pdf-annex')) errors.push(...(await (await import('../../check/rules/annex-pdf.js')).pdfAnnexProblems(model)));
        if (errors.length) {
          for (const d of errors) process.stderr.write(`${formatDiagnostic(d, colour)}\n`);
          process.stderr.write(`build stopped: ${summary(errors)} in the sources; nothing was written (dist/ is unchanged).\nhint: fix them (run \`sopkit check ${dir}\` for the full list), then build again.\n`);
          return 1;
        }
        const layoutProblems: Diagnostic[] = [];
        const progress = progressReporter(!opts.quiet && Boolean(process.stderr.isTTY));
        const started = process.hrtime.bigint();
        // Every frozen release goes into the site beside the draft (the version switcher).
        const released = await loadReleasedModels(model.root);
        for (const p of released.problems) process.stderr.write(`warning: ${p}\n`);
        const result = await buildAll(model, {
          outDir: opts.out,
          outOption: opts.out !== undefined ? '--out' : undefined,
          versions: released.models,
          targets,
          onProgress: progress,
          onDiagnostic: (d) => layoutProblems.push(d),
        });
        for (const d of layoutProblems) process.stderr.write(`${formatDiagnostic(d, colour)}\n`);
        if (!opts.quiet) {
          const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
          const rel = path.relative(process.cwd(), result.outDir) || '.';
          process.stdout.write(`built ${result.files.length} files into ${rel}/ in ${(ms / 1000).toFixed(1)} s${layoutProblems.length ? ` (${summary(layoutProblems)})` : ''}\n`);
        }
        return layoutProblems.some((d) => d.severity === 'error') ? 1 : 0;
      }),
    );
}
