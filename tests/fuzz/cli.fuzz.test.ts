// Fuzz lane, real CLI (issue 10, part 5): a few generated SOPs — a hostile section body and
// a damaged YAML file at once — through `node bin/sopkit.js check` and `build`, as a user
// runs them. Exit 0, 1 or 2 only, no stack trace, no "internal error"; when `build`
// succeeds, every PDF it wrote passes `qpdf --check`. The in-process lanes
// (markdown.fuzz, yaml.fuzz) do the bulk; this one proves the process-level mapping.
// Default 2 runs (each builds PDFs: ~30 s on a busy 2-core machine); FUZZ_CLI_RUNS overrides.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureBuilt, sopkit, STACK } from '../cli/cli.js';
import { markdownBody, yamlText } from './arbitraries.js';
import { baseSop, hasQpdf, qpdfProblem, runLane } from './engine.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const base = baseSop();
const DATA = ['eligibility', 'prioritisation', 'urgent-action', 'services', 'pathways', 'case-steps'];

const cliCase = fc.record({
  lang: fc.constantFrom('ar', 'en'),
  body: markdownBody,
  data: fc.constantFrom(...DATA).chain((name) => fc.tuple(fc.constant(name), yamlText({ target: `data/${name}.yaml`, value: parse(base[`data/${name}.yaml`] as string) }))),
  damageData: fc.boolean(),
});

describe('fuzz: the real CLI on generated SOPs', () => {
  ensureBuilt();
  it('check and build exit 0/1/2 without a stack trace; built PDFs pass qpdf --check', async () => {
    const env = Number(process.env.FUZZ_CLI_RUNS);
    const runs = Number.isFinite(env) && env > 0 ? env : 2;
    await runLane('cli', cliCase, runs, async (c) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sopkit-fuzz-cli-'));
      made.push(dir);
      const files: Record<string, string | Uint8Array> = { ...base, [`sections/${c.lang}/03-fuzz.md`]: `---\ncomponent: definitions\ntitle: Fuzz\n---\n${c.body}` };
      if (c.damageData) files[`data/${c.data[0]}.yaml`] = c.data[1];
      for (const [rel, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), content);
      }
      for (const args of [['check', dir, '--no-layout', '--today', '2026-11-25'], ['build', dir, '--only', 'pdf']]) {
        const r = sopkit(args, dir);
        const shown = `${args[0]}: exit ${r.code}\n${r.stdout}${r.stderr}`.slice(0, 3000);
        expect([0, 1, 2], shown).toContain(r.code);
        expect(`${r.stdout}${r.stderr}`, shown).not.toMatch(STACK);
        expect(`${r.stdout}${r.stderr}`, shown).not.toMatch(/internal error|a bug in sopkit/i);
        if (args[0] === 'build' && r.code === 0 && hasQpdf()) {
          const pdfDir = path.join(dir, 'dist/pdf');
          for (const f of readdirSync(pdfDir)) {
            const problem = qpdfProblem(path.join(pdfDir, f));
            if (problem) throw new Error(problem);
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    });
  }, 1_800_000);
});
