// Fuzz lane, YAML (issue 10, part 5): for every schema in schemas/ — sop.yaml, each data
// file, section and annex front-matter, the PDF-annex sidecar, a checklist profile — near-
// valid variations of a valid file (a key dropped, a wrong type, odd strings, a list where
// a map belongs) and text-level damage (cut short, tabs, unclosed brackets, BOM, CRLF, NUL,
// 70-level nesting, an alias bomb, two documents) and junk. The outcome must be exit 0, 1
// or 2, never 70, with real line and column numbers. Light runs mostly (the loader's own
// steps on the base SOP, see runLight); 59 in 200 also run every check rule, 4 of them the
// PDF layout too, 1 the posters; 1 in 200 is a full run from disk (and 1 in 5 profiles).
// Default 1,000 runs (CI); FUZZ_RUNS=100000 gives this lane half of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSop, parseYamlWithPositions } from '../../src/model/index.js';
import { validateData } from '../../src/validate/index.js';
import { ROOT } from '../cli/cli.js';
import { yamlText, type YamlSeed } from './arbitraries.js';
import { fuzzRuns, runInProcess, runLane, runLight, World, type Outcome } from './engine.js';

const world = new World();
afterAll(() => world.dispose());

const fm = (text: string) => parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as unknown;
const BODY = '\n## Criteria\n\nA child is eligible when the child faces serious risk.\n';

/** One valid value per place a YAML text goes (every schema of schemas/ but the shared `localized`). */
const seeds: YamlSeed[] = [
  { target: 'sop.yaml', value: parse(world.base['sop.yaml'] as string) },
  ...['eligibility', 'prioritisation', 'urgent-action', 'services', 'pathways', 'case-steps'].map((n) => ({
    target: `data/${n}.yaml`,
    value: parse(readFileSync(path.join(ROOT, 'sop-sources/data', `${n}.yaml`), 'utf8')) as unknown,
  })),
  { target: 'annexes/02-dpia.yaml', value: parse(world.base['annexes/02-dpia.yaml'] as string) },
  { target: 'front-matter:sections/en/01-eligibility.md', value: fm(world.base['sections/en/01-eligibility.md'] as string) },
  { target: 'front-matter:sections/ar/01-eligibility.md', value: fm(world.base['sections/ar/01-eligibility.md'] as string) },
  { target: 'front-matter:annexes/en/01-forms.md', value: { annex: 1, title: 'Case forms', source_fingerprint: 'sha256-0' } },
  { target: 'profiles/mini.yaml', value: parse(world.base['profiles/mini.yaml'] as string) },
];

interface YamlCase {
  seed: YamlSeed;
  text: string;
  lang: 'ar' | 'en';
  tier: number;
}

const yamlCase: fc.Arbitrary<YamlCase> = fc.constantFrom(...seeds).chain((seed) =>
  fc.record({ seed: fc.constant(seed), text: yamlText(seed), lang: fc.constantFrom('ar', 'en') as fc.Arbitrary<'ar' | 'en'>, tier: fc.integer({ min: 0, max: 199 }) }),
);

function change(c: YamlCase): [string, string] {
  if (!c.seed.target.startsWith('front-matter:')) return [c.seed.target, c.text];
  const file = c.seed.target.slice('front-matter:'.length);
  return [file, `---\n${c.text}${c.text.endsWith('\n') ? '' : '\n'}---\n${BODY}`];
}

const exits = new Map<number, number>();
function expectSane(out: Outcome): void {
  if (out.exit === 70) throw new Error(`internal error: ${out.crash}\n${out.stack}`);
  expect([0, 1, 2]).toContain(out.exit);
  exits.set(out.exit, (exits.get(out.exit) ?? 0) + 1);
  for (const d of out.diagnostics) {
    if (d.line !== undefined) expect(Number.isFinite(d.line) && d.line >= 1, `${d.rule} at line ${d.line}: ${d.message}`).toBe(true);
    if (d.column !== undefined) expect(Number.isFinite(d.column) && d.column >= 1, `${d.rule} at column ${d.column}: ${d.message}`).toBe(true);
  }
}

describe('fuzz: generated YAML never crashes sopkit', () => {
  it('exit 0/1/2 for every schema, no internal error', async () => {
    const runs = fuzzRuns(1000, 0.5);
    const base = await loadSop(world.dir);
    await runLane('yaml', yamlCase, runs, async (c) => {
      const started = performance.now();
      try {
        await one(c);
      } finally {
        const ms = performance.now() - started;
        if (process.env.FUZZ_SLOW && ms > Number(process.env.FUZZ_SLOW)) process.stdout.write(`slow yaml run ${ms | 0} ms: tier ${c.tier}, ${c.seed.target}, ${c.text.length} chars\n`);
      }
    });
    async function one(c: YamlCase): Promise<void> {
      const [file, text] = change(c);
      // A profile is read from disk by the loader: those runs are full runs.
      if (c.tier < 1 || (file.startsWith('profiles/') && c.tier < 40)) {
        await world.with({ [file]: text }, async (dir) => expectSane(await runInProcess(dir, { layout: c.tier < 1 })));
        return;
      }
      if (file.startsWith('profiles/')) {
        // The profile's own steps: YAML with positions and its schema.
        const y = parseYamlWithPositions(text, file);
        expectSane({ exit: y.diagnostics.length || validateData('profile', y.value, y.positions, file).length ? 2 : 0, diagnostics: y.diagnostics, pdfs: [] });
        return;
      }
      expectSane(await runLight(base, file, text, c.lang, { rules: c.tier < 60, layout: c.tier < 5, posters: c.tier < 2 }));
    }
    process.stdout.write(`fuzz yaml: exits ${[...exits].sort().map(([k, v]) => `${k}×${v}`).join(', ')}\n`);
  }, 3_600_000);
});
