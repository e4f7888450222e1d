import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageHeader } from '../../src/i18n/index.js';
import type { Manifest } from '../../src/model/types.js';
import { classifyPdf, formatVerifyPretty, verifyPdfs } from '../../src/verify/index.js';
import { manifestYaml, writeFixture } from '../helpers/fixture.js';
import { makePdf } from './helpers.js';

// The manifest of fixture.ts: version 1.0, 2026-11-01, titles "Test SOP" / "إجراءات".
const manifest = { title: { ar: 'إجراءات', en: 'Test SOP' }, version: '1.0', date: '2026-11-01', languages: ['ar', 'en'] } as unknown as Manifest;
const en = pageHeader(manifest, 'en');
const annex1 = pageHeader(manifest, 'en', 1);

async function sopWith(files: Record<string, string | Uint8Array>): Promise<string> {
  return writeFixture({ 'sop.yaml': manifestYaml(), ...files });
}

describe('verify', () => {
  it('knows what the header is (so the doctored cases below test something)', () => {
    expect(en).toEqual({ title: 'Test SOP', stamp: 'Version 1.0 — 1 November 2026' });
    expect(annex1.title).toBe('Annex 1 — Test SOP v1.0');
  });

  it('passes a 3-page PDF with the header on every page', async () => {
    const pdf = await makePdf([1, 2, 3].map((n) => ({ header: [en.title, en.stamp], body: [`Body text of page ${n}.`] })));
    const dir = await sopWith({ 'dist/pdf/sop-v1.0-en.pdf': pdf });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatchObject({ file: 'dist/pdf/sop-v1.0-en.pdf', kind: 'sop', langs: ['en'], pages: 3, passed: true, failures: [], notes: [] });
    expect(r.sopDir).toBe('.');
  });

  it('fails and names page 2 when page 2 has no header', async () => {
    const pdf = await makePdf([
      { header: [en.title, en.stamp], body: ['one'] },
      { body: ['two: the header was forgotten here'] },
      { header: [en.title, en.stamp], body: ['three'] },
    ]);
    const dir = await sopWith({ 'dist/pdf/sop-v1.0-en.pdf': pdf });
    const r = await verifyPdfs('dist/pdf/sop-v1.0-en.pdf', { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.files[0]!.pages).toBe(3);
    expect(r.files[0]!.failures.map((f) => f.page)).toEqual([2]);
    expect(r.files[0]!.failures[0]!.missing).toEqual(['title', 'stamp']);
    const text = formatVerifyPretty(r);
    expect(text).toContain('page 2 of dist/pdf/sop-v1.0-en.pdf has no header');
    expect(text).toContain('"Version 1.0 — 1 November 2026"');
  });

  it('says which part is missing: a page with the title but an old stamp', async () => {
    const pdf = await makePdf([
      { header: [en.title, en.stamp] },
      { header: [en.title, 'Version 0.9 — 1 November 2026'] },
    ]);
    const dir = await sopWith({ 'dist/pdf/sop-v1.0-en.pdf': pdf });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.files[0]!.failures).toHaveLength(1);
    expect(r.files[0]!.failures[0]!.message).toBe('page 2 of dist/pdf/sop-v1.0-en.pdf has no version stamp "Version 1.0 — 1 November 2026"');
  });

  it('accepts a header found lower on the page, but reports where', async () => {
    const pdf = await makePdf([{ body: [en.title, en.stamp] }]);
    const dir = await sopWith({ 'dist/posters/card-en.pdf': pdf });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.files[0]!.kind).toBe('poster');
    expect(r.files[0]!.notes[0]!.message).toContain('outside the top 15% of the page');
  });

  it('tolerates spacing and line breaks inside the header text', async () => {
    const pdf = await makePdf([{ header: ['Test   SOP', 'Version 1.0 —', '1 November 2026'] }]);
    const dir = await sopWith({ 'dist/pdf/sop-v1.0-en.pdf': pdf });
    expect((await verifyPdfs('dist', { cwd: dir })).exitCode).toBe(0);
  });

  it('checks annex pages against the annex header', async () => {
    const good = await makePdf([{ header: [annex1.title, annex1.stamp] }]);
    const sopHeaderOnly = await makePdf([{ header: [en.title, en.stamp] }]);
    const dir = await sopWith({ 'dist/pdf/annex-1-v1.0-en.pdf': good, 'dist/pdf/annex-2-v1.0-en.pdf': sopHeaderOnly });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.files.map((f) => [f.file, f.passed])).toEqual([
      ['dist/pdf/annex-1-v1.0-en.pdf', true],
      ['dist/pdf/annex-2-v1.0-en.pdf', false],
    ]);
    expect(r.files[1]!.failures[0]!.message).toContain('has no annex header "Annex 2 — Test SOP v1.0"');
  });

  it('accepts SOP and annex headers in a pack', async () => {
    const pdf = await makePdf([{ header: [en.title, en.stamp] }, { header: [annex1.title, annex1.stamp] }, { body: ['nothing'] }]);
    const dir = await sopWith({
      'dist/pdf/pack-v1.0-en.pdf': pdf,
      'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\n\n# Forms\n',
    });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.files[0]!.failures.map((f) => f.page)).toEqual([3]);
  });

  it('does not let an annex page of a pack pass on the SOP header', async () => {
    // An annex page whose header names the annex but is worded differently, and carries
    // the SOP title and stamp inside it: still not the annex header.
    const pdf = await makePdf([{ header: [en.title, en.stamp] }, { header: [`Annex 1 — ${en.title} — ${en.stamp}`] }]);
    const dir = await sopWith({
      'dist/pdf/pack-v1.0-en.pdf': pdf,
      'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\n\n# Forms\n',
    });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.files[0]!.failures.map((f) => f.message)).toEqual(['page 2 of dist/pdf/pack-v1.0-en.pdf has no annex header "Annex 1 — Test SOP v1.0"']);
  });

  it('uses --lang and --annex for a file whose name says nothing', async () => {
    const pdf = await makePdf([{ header: [annex1.title, annex1.stamp] }]);
    const dir = await sopWith({ 'out/scan.pdf': pdf });
    expect((await verifyPdfs('out/scan.pdf', { cwd: dir, lang: 'en', annex: 1 })).exitCode).toBe(0);
    expect((await verifyPdfs('out/scan.pdf', { cwd: dir, lang: 'en' })).exitCode).toBe(1);
  });

  it('rejects a --lang the SOP does not have', async () => {
    const pdf = await makePdf([{ header: [en.title, en.stamp] }]);
    const dir = await sopWith({ 'dist/pdf/sop-v1.0-en.pdf': pdf });
    await expect(verifyPdfs('dist', { cwd: dir, lang: 'fr' })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('not one of this SOP') });
  });

  it('finds the SOP folder from --dir when the PDFs are elsewhere', async () => {
    const pdf = await makePdf([{ header: [en.title, en.stamp] }]);
    const sop = await sopWith({});
    const elsewhere = await writeFixture({ 'sop-v1.0-en.pdf': pdf });
    const r = await verifyPdfs(path.join(elsewhere, 'sop-v1.0-en.pdf'), { cwd: elsewhere, dir: sop });
    expect(r.exitCode).toBe(0);
    await expect(verifyPdfs('sop-v1.0-en.pdf', { cwd: elsewhere })).rejects.toThrow(/cannot tell which SOP/);
  });

  it('exits 2 with a hint for a file that is not a PDF, and still checks the others', async () => {
    const pdf = await makePdf([{ header: [en.title, en.stamp] }]);
    const dir = await sopWith({ 'dist/pdf/sop-v1.0-en.pdf': pdf, 'dist/pdf/sop-v1.0-ar.pdf': 'this is not a PDF', 'dist/pdf/annex-1-v1.0-en.pdf': (pdf as Uint8Array).subarray(0, 400) });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.exitCode).toBe(2);
    const byName = Object.fromEntries(r.files.map((f) => [f.file, f]));
    expect(byName['dist/pdf/sop-v1.0-ar.pdf']!.error!.message).toContain('is not a PDF file');
    expect(byName['dist/pdf/sop-v1.0-ar.pdf']!.error!.hint).toBeTruthy();
    expect(byName['dist/pdf/annex-1-v1.0-en.pdf']!.error!.message).toContain('cannot be read as a PDF');
    expect(byName['dist/pdf/sop-v1.0-en.pdf']!.passed).toBe(true);
    expect(formatVerifyPretty(r)).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects a missing target and an empty folder as unusable input', async () => {
    const dir = await sopWith({ 'dist/.keep': '' });
    await expect(verifyPdfs('nope.pdf', { cwd: dir })).rejects.toMatchObject({ exitCode: 2 });
    await expect(verifyPdfs('dist', { cwd: dir })).rejects.toThrow(/no PDF files/);
  });

  it('reports a PDF named for another version without releases/ to compare with', async () => {
    const pdf = await makePdf([{ header: [en.title, en.stamp] }]);
    const dir = await sopWith({ 'dist/pdf/sop-v0.9-en.pdf': pdf });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.files[0]!.problems[0]).toContain('named for version 0.9');
  });

  it('writes JSON with every failing page', async () => {
    const pdf = await makePdf([{ body: ['x'] }, { body: ['y'] }]);
    const dir = await sopWith({ 'dist/pdf/sop-v1.0-en.pdf': pdf });
    const { formatVerifyJson } = await import('../../src/verify/index.js');
    const json = JSON.parse(formatVerifyJson(await verifyPdfs('dist', { cwd: dir })));
    expect(json.exitCode).toBe(1);
    expect(json.files[0].failures.map((f: { page: number }) => f.page)).toEqual([1, 2]);
    expect(await readFile(path.join(dir, 'sop.yaml'), 'utf8')).toContain('version'); // fixture untouched
  });
});

describe('classifyPdf', () => {
  it('reads kind, language, annex and version from build names', () => {
    expect(classifyPdf('dist/pdf/sop-v2.1-ar.pdf')).toEqual({ kind: 'sop', version: '2.1', lang: 'ar' });
    expect(classifyPdf('dist/pdf/annex-1-v2.1-en.pdf')).toEqual({ kind: 'annex', annex: 1, version: '2.1', lang: 'en' });
    expect(classifyPdf('dist/pdf/annex-2-v2.1.pdf')).toEqual({ kind: 'annex', annex: 2, version: '2.1' });
    expect(classifyPdf('dist\\pdf\\pack-v2.1-ar.pdf')).toEqual({ kind: 'pack', version: '2.1', lang: 'ar' });
    expect(classifyPdf('dist/posters/urgent-action-card-ar.pdf')).toEqual({ kind: 'poster', lang: 'ar' });
    expect(classifyPdf('elsewhere/notes.pdf')).toEqual({ kind: 'unknown' });
  });
});

describe('verify after a release (dist/ holds the release, not the draft)', () => {
  // Regression: after `release 1.1`, posters (no version in their names) and the redline
  // carry 1.1 while sop.yaml still names the draft; verify compared them with the draft.
  const released = { ...manifest, version: '1.1', date: '2026-11-26' } as Manifest;
  const rel = pageHeader(released, 'en');

  it('checks posters against the version in dist/build.json and a redline against version B', async () => {
    const poster = await makePdf([{ header: [rel.title, rel.stamp], body: ['poster'] }]);
    const dir = await sopWith({
      'releases/1.1/sop.yaml': manifestYaml({ version: '"1.1"', date: '2026-11-26' }),
      'dist/build.json': '{ "version": "1.1", "date": "2026-11-26" }\n',
      'dist/posters/urgent-card-a6-en.pdf': poster,
      'dist/report/diff-1.0-1.1.pdf': poster,
    });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.files.map((f) => [f.file, f.passed])).toEqual([
      ['dist/posters/urgent-card-a6-en.pdf', true],
      ['dist/report/diff-1.0-1.1.pdf', true],
    ]);
    expect(classifyPdf('dist/report/diff-1.0-1.1.pdf')).toEqual({ kind: 'sop', version: '1.1' });
  });

  it('still fails a poster that carries the draft header when dist/ holds 1.1', async () => {
    const stale = await makePdf([{ header: [en.title, en.stamp], body: ['poster'] }]);
    const dir = await sopWith({
      'releases/1.1/sop.yaml': manifestYaml({ version: '"1.1"', date: '2026-11-26' }),
      'dist/build.json': '{ "version": "1.1", "date": "2026-11-26" }\n',
      'dist/posters/urgent-card-a6-en.pdf': stale,
    });
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.files[0]!.failures[0]!.message).toMatch(/page 1 of dist\/posters\/urgent-card-a6-en\.pdf has no version stamp "Version 1\.1 — 26 November 2026"/);
  });
});
