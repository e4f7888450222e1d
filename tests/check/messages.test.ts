// Issue 10, part 4: exact positions and honest messages. Each test fails on the code
// before it (YAML errors were at 1:1, a broken front-matter block cascaded, …).
import { describe, expect, it, vi } from 'vitest';
import { openAnnexPdf } from '../../src/build/annex-pdf.js';
import { loadSop, SopkitError } from '../../src/index.js';
import { CORRUPT_PDF, ENCRYPTED_PDF } from '../fixtures/pdfs.js';
import { baseFiles, check, synced, writeFixture, type Files } from './fixture.js';

const base = () => synced(baseFiles());
const edit = (files: Files, name: string, f: (s: string) => string): Files => ({ ...files, [name]: f(files[name] as string) });
const errorsOf = (ds: Awaited<ReturnType<typeof check>>) => ds.filter((d) => d.severity === 'error');

describe('YAML syntax errors at their real line and column', () => {
  it('sop.yaml: the line and column of the mistake, not 1:1; one error, not six', async () => {
    const files = edit(base(), 'sop.yaml', (s) => s.replace('status: draft', 'status: draft: : x: ['));
    const line = (files['sop.yaml'] as string).split('\n').findIndex((l) => l.startsWith('status:')) + 1;
    const dir = await writeFixture(files);
    const err = (await loadSop(dir).catch((e: unknown) => e)) as SopkitError;
    expect(err).toBeInstanceOf(SopkitError);
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostic).toMatchObject({ rule: 'yaml-syntax', file: 'sop.yaml', line });
    expect(err.diagnostic.column).toBeGreaterThan(1);
  });

  it('an unclosed [ is reported where it opens, with a hint to close it', async () => {
    const files = edit(base(), 'sop.yaml', (s) => s.replace('languages: [ar, en]', 'languages: [ar, en'));
    const dir = await writeFixture(files);
    const err = (await loadSop(dir).catch((e: unknown) => e)) as SopkitError;
    const line = (files['sop.yaml'] as string).split('\n').findIndex((l) => l.startsWith('languages:')) + 1;
    expect(err.diagnostic).toMatchObject({ rule: 'yaml-syntax', line, column: 12 });
    expect(err.diagnostic.message).toMatch(/\[ that starts here is never closed/);
    expect(err.diagnostic.hint).toMatch(/closing \]/);
  });

  it('an unclosed quote is reported where it opens', async () => {
    const files = edit(base(), 'data/eligibility.yaml', (s) => s.replace('text: { ar: خطر جسيم, en: Serious risk }', 'text: "Serious risk'));
    const ds = await check(files);
    expect(ds.filter((d) => d.rule === 'yaml-syntax')).toMatchObject([{ file: 'data/eligibility.yaml', line: 3, column: 11 }]);
  });

  it('a data file: at its line', async () => {
    const files = edit(base(), 'data/eligibility.yaml', (s) => s.replace('  edges:', '  edges:\n\t- { from: a, to: b }'));
    const ds = await check(files);
    const line = (files['data/eligibility.yaml'] as string).split('\n').findIndex((l) => l.startsWith('\t')) + 1;
    expect(ds.filter((d) => d.rule === 'yaml-syntax')).toMatchObject([{ file: 'data/eligibility.yaml', line, column: 1 }]);
  });

  it('an annex sidecar: at its line', async () => {
    const files = { ...base(), 'annexes/01-dpia.yaml': 'annex: 1\ntitle: { en: DPIA\nlanguage: en\n' };
    const ds = await check(files);
    expect(ds.filter((d) => d.rule === 'yaml-syntax')).toMatchObject([{ file: 'annexes/01-dpia.yaml', line: 2, column: 8 }]);
  });

  it('a profile in the SOP folder: at its line', async () => {
    const files = edit(base(), 'profiles/mini.yaml', (s) => s.replace('placeholder_marker: "TODO(sopkit)"', 'placeholder_marker: "TODO(sopkit)" extra'));
    const dir = await writeFixture(files);
    const err = (await loadSop(dir).catch((e: unknown) => e)) as SopkitError;
    expect(err.diagnostic).toMatchObject({ rule: 'yaml-syntax', file: 'profiles/mini.yaml', line: 3 });
  });

  it('front-matter: offset by where the block starts in the .md file', async () => {
    const files = edit(base(), 'sections/en/01-eligibility.md', (s) => s.replace('title: Eligibility criteria', 'title: [Eligibility criteria'));
    const ds = await check(files);
    const line = (files['sections/en/01-eligibility.md'] as string).split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    expect(line).toBeGreaterThan(2);
    expect(ds.filter((d) => d.rule === 'yaml-syntax')).toMatchObject([{ file: 'sections/en/01-eligibility.md', line, column: 8 }]);
  });
});

describe('a broken front-matter block is one error', () => {
  it('no "key component is missing", no component-missing, no not-synced: exactly one error, the rest still checked', async () => {
    let files = edit(base(), 'sections/en/01-eligibility.md', (s) => s.replace('title: Eligibility criteria', 'title: [Eligibility criteria'));
    // an unrelated problem elsewhere is still found
    files = edit(files, 'sections/ar/02-case-management-process.md', (s) => s.replace('## التقييم', '## نص'));
    const ds = await check(files);
    const mine = ds.filter((d) => d.file === 'sections/en/01-eligibility.md' || d.rule === 'component-missing' || d.rule === 'schema');
    expect(mine.map((d) => d.rule)).toEqual(['yaml-syntax']);
    expect(ds.filter((d) => d.rule === 'component-steps').map((d) => d.file)).toEqual(['sections/ar/02-case-management-process.md']);
  });

  it('a broken case-management section does not also report its six steps missing', async () => {
    const files = edit(base(), 'sections/en/02-case-management-process.md', (s) => s.replace(/^title: .*$/m, 'title: "unclosed'));
    const ds = await check(files);
    expect(errorsOf(ds).map((d) => d.rule)).toEqual(['yaml-syntax']);
  });
});

describe('encrypted and corrupt annex PDFs', () => {
  const sidecar = 'annex: 1\ntitle: { en: DPIA, ar: تقييم الأثر }\n';
  it('check: an encrypted annex is an error in sopkit\'s words, with a hint, never pdf-lib\'s advice', async () => {
    const ds = await check({ ...base(), 'annexes/01-dpia.yaml': sidecar, 'annexes/01-dpia.pdf': ENCRYPTED_PDF });
    const found = ds.filter((d) => d.rule === 'annex-pdf');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'annexes/01-dpia.yaml', message: 'annexes/01-dpia.pdf is password-protected (encrypted), so sopkit cannot stamp its pages' });
    expect(found[0]!.hint).toMatch(/export an unprotected copy from the program that made it/i);
    expect(JSON.stringify(ds)).not.toMatch(/PDFDocument|ignoreEncryption|offset=/);
  });

  it('check: a truncated annex is damaged, without parser offsets', async () => {
    const ds = await check({ ...base(), 'annexes/01-dpia.yaml': sidecar, 'annexes/01-dpia.pdf': CORRUPT_PDF });
    const found = ds.filter((d) => d.rule === 'annex-pdf');
    expect(found.map((d) => d.message)).toEqual(['annexes/01-dpia.pdf is damaged and cannot be opened (its PDF structure cannot be read)']);
    expect(found[0]!.hint).toMatch(/export it again/i);
  });

  it('the shared opener prints nothing on the console for a damaged file', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { problem } = await openAnnexPdf(CORRUPT_PDF);
    expect(problem?.kind).toBe('damaged');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('pdf-char-unsupported in check', () => {
  it('reports a character the PDF fonts lack at file:line:column, once per file, as a warning', async () => {
    const files = edit(base(), 'sections/en/01-eligibility.md', (s) => s.replace('## Criteria', '## Criteria\n\nFrom 2.0 → 2.1, then → 3.0 ☐.'));
    const ds = await check(files);
    const text = files['sections/en/01-eligibility.md'] as string;
    const line = text.split('\n').findIndex((l) => l.startsWith('From 2.0')) + 1;
    expect(ds.filter((d) => d.rule === 'pdf-char-unsupported').map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
      ['sections/en/01-eligibility.md', line, 10, 'warning', 'the character "→" (U+2192) has no glyph in the PDF fonts and prints as a box'],
      ['sections/en/01-eligibility.md', line, 28, 'warning', 'the character "☐" (U+2610) has no glyph in the PDF fonts and prints as a box'],
    ]);
  });

  it('says nothing about Arabic, Latin, dashes and quotes', async () => {
    const files = edit(base(), 'sections/en/01-eligibility.md', (s) => s.replace('## Criteria', '## Criteria\n\n“Quoted” — dash… café, naïve'));
    expect((await check(files)).filter((d) => d.rule === 'pdf-char-unsupported')).toEqual([]);
  });

  it('the example teaches no character its PDF cannot print', async () => {
    const { checkSop } = await import('../../src/check/index.js');
    const { diagnostics } = await checkSop(new URL('../../sop-sources', import.meta.url).pathname, { today: '2026-11-25' });
    expect(diagnostics.filter((d) => d.rule === 'pdf-char-unsupported')).toEqual([]);
  });
});

describe('smaller ones', () => {
  it('duplicate agency ids in sop.yaml: an error at the second id', async () => {
    const files = edit(base(), 'sop.yaml', (s) => s.replace('  - id: unicef', '  - id: dsd'));
    const line = (files['sop.yaml'] as string).split('\n').lastIndexOf('  - id: dsd') + 1;
    const ds = await check(files);
    expect(ds.filter((d) => d.rule === 'agency-duplicate')).toMatchObject([{ severity: 'error', file: 'sop.yaml', line, column: 9, message: expect.stringMatching(/the agency id "dsd" is used twice in sop.yaml: agencies\[1\] \(line 14\) and agencies\[2\]/) }]);
  });

  it('impossible calendar dates: the reason, not "write YYYY-MM-DD"', async () => {
    const { dateProblem } = await import('../../src/diag/dates.js');
    expect(dateProblem('2026-02-28')).toBeUndefined();
    expect(dateProblem('2028-02-29')).toBeUndefined();
    expect(dateProblem('2026-02-31')).toBe('"2026-02-31" is not a date: February 2026 has 28 days');
    expect(dateProblem('2026-13-01')).toBe('"2026-13-01" is not a date: there is no month 13');
    expect(dateProblem('1/2/2026')).toMatch(/not a date written YYYY-MM-DD/);
    // an endorsement and a service's last_verified go through the same schema message
    const files = edit(base(), 'sop.yaml', (s) => s.replace('date: 2026-10-03', 'date: 2026-02-30'));
    const dir = await writeFixture(files);
    const err = (await loadSop(dir).catch((e: unknown) => e)) as SopkitError;
    expect(err.diagnostic.message).toMatch(/agencies\[2\]\.endorsement\.date "2026-02-30" is not a date: February 2026 has 28 days/);
  });

  it('i18n sync refuses a translation whose front-matter is not valid YAML, at its line (exit 1), and writes nothing', async () => {
    const { syncTranslation } = await import('../../src/cli/commands/i18n.js');
    const files = edit(base(), 'sections/en/01-eligibility.md', (s) => s.replace('title: Eligibility criteria', 'title: [Eligibility criteria'));
    const dir = await writeFixture(files);
    const err = (await syncTranslation(dir, 'sections/en/01-eligibility.md', ['ar', 'en']).catch((e: unknown) => e)) as SopkitError;
    expect(err).toBeInstanceOf(SopkitError);
    expect(err.exitCode).toBe(1);
    const line = (files['sections/en/01-eligibility.md'] as string).split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    expect(err.diagnostic).toMatchObject({ file: 'sections/en/01-eligibility.md', line, column: 8 });
    expect(err.diagnostic.message).toMatch(/was not synced/);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(`${dir}/sections/en/01-eligibility.md`, 'utf8')).toBe(files['sections/en/01-eligibility.md']);
  });

  it('diff of a version with itself and a review dated after today are usage errors (exit 2)', async () => {
    const { diffAction } = await import('../../src/cli/commands/diff.js');
    const same = (await diffAction('2.1', '2.1', { dir: '.' }).catch((e: unknown) => e)) as SopkitError;
    expect(same.exitCode).toBe(2);
    expect(same.diagnostic.message).toMatch(/"2\.1" was given twice/);
    const { reviewAction } = await import('../../src/cli/commands/review.js');
    const dir = await writeFixture(base());
    const flags = { objectivesMet: 'yes', contextChanged: 'no', impractical: 'no' } as const;
    const future = (await reviewAction(dir, { ...flags, date: '2026-11-26', today: '2026-11-25' }).catch((e: unknown) => e)) as SopkitError;
    expect(future.exitCode).toBe(2);
    expect(future.diagnostic.message).toMatch(/2026-11-26 is after today \(2026-11-25\)/);
    const impossible = (await reviewAction(dir, { ...flags, date: '2026-02-31', today: '2026-11-25' }).catch((e: unknown) => e)) as SopkitError;
    expect(impossible.exitCode).toBe(2);
    expect(impossible.diagnostic.message).toMatch(/February 2026 has 28 days/);
  });
});
