import { describe, expect, it } from 'vitest';
import { loadSop, SopkitError } from '../../src/index.js';
import { manifestYaml, writeFixture } from '../helpers/fixture.js';

const section = (component: string, title: string, body = 'Text.\n') => `---\ncomponent: ${component}\ntitle: ${title}\n---\n${body}`;

describe('loadSop', () => {
  it('loads manifest, sections per language, data and annexes with positions', async () => {
    const dir = await writeFixture({
      'sop.yaml': manifestYaml(),
      'sections/ar/03-purpose-scope.md': section('purpose-scope', 'الهدف والنطاق', '## مقدمة\n\nنص.\n'),
      'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose and scope', '## Intro\n\nText.\n'),
      'data/services.yaml': 'last_verified: 2026-11-01\nservices:\n  - id: a\n    sector: cp\n    agency: unicef\n    name: { ar: أ, en: A }\n    location: { ar: أ, en: A }\n    contact: { phone: "+1 555" }\n',
      'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\nBody\n',
    });
    const { model, diagnostics } = await loadSop(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.sections.map((s) => `${s.lang}/${s.name}`)).toEqual(['ar/03-purpose-scope.md', 'en/03-purpose-scope.md']);
    const en = model.sections[1]!;
    expect(en.component).toBe('purpose-scope');
    expect(en.bodyLine).toBe(5);
    expect(en.positions.at('/title')).toMatchObject({ file: 'sections/en/03-purpose-scope.md', line: 3, column: 8 });
    expect(model.data.services!.positions.at('/services/0/contact/phone')).toMatchObject({ line: 8 });
    expect(model.annexes[0]).toMatchObject({ kind: 'markdown-annex', number: 1, title: 'Forms' });
    expect(model.profile.components).toHaveLength(18);
  });

  it('refuses a folder without sop.yaml with a hint (exit 2)', async () => {
    const dir = await writeFixture({ 'README.md': 'x' });
    const err = await loadSop(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SopkitError);
    expect((err as SopkitError).exitCode).toBe(2);
    expect((err as SopkitError).diagnostic.message).toMatch(/no sop\.yaml/);
    expect((err as SopkitError).diagnostic.hint).toMatch(/sopkit init/);
  });

  it('reports malformed YAML in sop.yaml at its line', async () => {
    const dir = await writeFixture({ 'sop.yaml': 'title: { en: x\nversion: "1.0"\n' });
    const err = (await loadSop(dir).catch((e: unknown) => e)) as SopkitError;
    expect(err.diagnostic).toMatchObject({ rule: 'yaml-syntax', file: 'sop.yaml' });
    expect(err.diagnostic.line).toBeGreaterThanOrEqual(1);
  });

  it('words schema errors for people and points at the value', async () => {
    const dir = await writeFixture({ 'sop.yaml': manifestYaml({ version: '2.1', status: 'finall' }) });
    const err = (await loadSop(dir).catch((e: unknown) => e)) as SopkitError;
    const version = err.diagnostics.find((d) => d.message.includes('version'))!;
    expect(version).toMatchObject({ file: 'sop.yaml', line: 2, column: 10 });
    expect(version.message).toMatch(/must be text, not the number 2\.1/);
    expect(version.hint).toMatch(/quotes/);
    const status = err.diagnostics.find((d) => d.message.includes('status'))!;
    expect(status.hint).toBe('Did you mean "final"?');
  });

  it('reports a broken section front-matter at file:line without throwing', async () => {
    const dir = await writeFixture({
      'sop.yaml': manifestYaml({ languages: '[en]' }),
      'sections/en/03-purpose-scope.md': '---\ncomponent: purpose-scope\ntitle: [unclosed\n---\nBody\n',
    });
    const { diagnostics } = await loadSop(dir);
    const d = diagnostics.find((x) => x.rule === 'yaml-syntax')!;
    expect(d.file).toBe('sections/en/03-purpose-scope.md');
    expect(d.line).toBeGreaterThanOrEqual(2);
    expect(d.line).toBeLessThanOrEqual(3);
  });

  it('reports a non-UTF-8 file with the line of the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('---\ncomponent: purpose-scope\ntitle: T\n---\nline five\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const dir = await writeFixture({ 'sop.yaml': manifestYaml({ languages: '[en]' }), 'sections/en/03-purpose-scope.md': bytes });
    const { diagnostics } = await loadSop(dir);
    expect(diagnostics.find((d) => d.rule === 'file-encoding')).toMatchObject({ file: 'sections/en/03-purpose-scope.md', line: 6, column: 5 });
  });

  it('refuses a 50 MB file without reading it', async () => {
    const dir = await writeFixture({ 'sop.yaml': manifestYaml({ languages: '[en]' }), 'sections/en/03-big.md': Buffer.alloc(50 * 1024 * 1024, 0x61) });
    const { diagnostics } = await loadSop(dir);
    expect(diagnostics.find((d) => d.rule === 'file-too-large')?.message).toMatch(/50\.0 MB/);
  });
});
