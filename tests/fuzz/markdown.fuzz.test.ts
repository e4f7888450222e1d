// Fuzz lane, Markdown (issue 10, part 5): generated section and annex bodies — nesting past
// the limits, tables, footnotes, directives right and wrong, RTL/LTR mixes, huge words,
// control characters, lone surrogates, BOMs, NULs — through load, check, the PDF layout of
// its language, verify's word list, in-process. The outcome must be exit 0, 1 or 2 (never
// 70: no uncaught exception). Most runs are light (the file read into the loaded base SOP
// with the loader's own steps — front-matter, schema, depth check — and parsed for verify's
// word list, see runLight); 116 in 400 also run every check rule, 20 of them the PDF layout
// of that language too; 4 in 400 are full runs from disk (loadSop, rules, layout of both
// languages, the site page), and 1 of these also writes the PDFs, which must pass
// `qpdf --check`.
// Default 1,000 runs (CI); FUZZ_RUNS=100000 gives this lane half of them.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BLOCK_DEPTH } from '../../src/markdown/index.js';
import { markdownBody } from './arbitraries.js';
import { loadSop } from '../../src/model/index.js';
import { fuzzRuns, hasQpdf, qpdfProblem, runInProcess, runLane, runLight, World, type Outcome } from './engine.js';

const world = new World();
afterAll(() => world.dispose());

const FRONT = [
  (lang: string) => `---\ncomponent: eligibility\ntitle: ${lang === 'ar' ? 'معايير الأهلية' : 'Eligibility'}\n---\n`,
  () => '---\ncomponent: definitions\ntitle: "Fuzz: definitions"\norder: 2\n---\n',
  () => '---\ncomponent: nope\ntitle: 12\n---\n',
  () => '---\ncomponent: [eligibility\n---\n',
  () => '',
  () => '\ufeff---\ncomponent: eligibility\ntitle: BOM\n---\n',
  () => '---\r\ncomponent: eligibility\r\ntitle: CRLF\r\n---\r\n',
];

interface MdCase {
  lang: 'ar' | 'en';
  where: 'replace' | 'add' | 'annex';
  front: number;
  body: string;
  /** Out of 400 — 0: full run with PDFs; 1–3: full run; 4–23: light with rules and layout; 24–119: with rules; else light. */
  tier: number;
}

const mdCase: fc.Arbitrary<MdCase> = fc.record({
  lang: fc.constantFrom('ar', 'en') as fc.Arbitrary<'ar' | 'en'>,
  where: fc.constantFrom('replace', 'replace', 'add', 'annex') as fc.Arbitrary<MdCase['where']>,
  front: fc.integer({ min: 0, max: FRONT.length - 1 }),
  body: markdownBody,
  tier: fc.integer({ min: 0, max: 399 }),
});

function change(c: MdCase): [string, string] {
  const text = FRONT[c.front]!(c.lang) + c.body;
  if (c.where === 'replace') return [`sections/${c.lang}/01-eligibility.md`, text];
  if (c.where === 'add') return [`sections/${c.lang}/03-fuzz.md`, text];
  return [`annexes/${c.lang}/01-fuzz.md`, `---\nannex: 1\ntitle: Fuzz annex\n---\n${c.body}`];
}

let pdfChecked = 0;
let tooDeep = 0;

/** Exit 0, 1 or 2, never 70; every position a person reads is a real line and column. */
function expectSane(out: Outcome): void {
  if (out.exit === 70) throw new Error(`internal error: ${out.crash}\n${out.stack}`);
  expect([0, 1, 2]).toContain(out.exit);
  if (out.diagnostics.some((d) => d.rule === 'markdown-too-deep')) tooDeep++;
  for (const d of out.diagnostics) {
    if (d.line !== undefined) expect(Number.isFinite(d.line) && d.line >= 1, `${d.rule} at line ${d.line}: ${d.message}`).toBe(true);
    if (d.column !== undefined) expect(Number.isFinite(d.column) && d.column >= 1, `${d.rule} at column ${d.column}: ${d.message}`).toBe(true);
  }
}

describe('fuzz: generated Markdown never crashes sopkit', () => {
  it('exit 0/1/2, no internal error; built PDFs pass qpdf --check', async () => {
    const runs = fuzzRuns(1000, 0.5);
    const qpdf = hasQpdf();
    const base = await loadSop(world.dir);
    await runLane('markdown', mdCase, runs, async (c) => {
      const [file, text] = change(c);
      if (c.tier >= 4) {
        const t = performance.now();
        const out = await runLight(base, file, text, c.lang, { rules: c.tier < 120, layout: c.tier < 24 });
        if (process.env.FUZZ_SLOW && performance.now() - t > Number(process.env.FUZZ_SLOW)) process.stdout.write(`slow light run ${(performance.now() - t) | 0} ms: ${JSON.stringify(text.slice(0, 300))} (${text.length} chars)\n`);
        return expectSane(out);
      }
      await world.with({ [file]: text }, async (dir) => {
        const out = await runInProcess(dir, { layout: true, site: true, pdf: c.tier === 0 && qpdf });
        expectSane(out);
        for (const f of out.pdfs) {
          const problem = qpdfProblem(f);
          if (problem) throw new Error(problem);
          pdfChecked++;
        }
      });
    });
    process.stdout.write(`fuzz markdown: ${pdfChecked} PDFs passed qpdf --check; ${tooDeep} documents refused as nested past ${MAX_BLOCK_DEPTH} levels\n`);
    if (qpdf && runs >= 500) expect(pdfChecked).toBeGreaterThan(0);
  }, 3_600_000);
});
