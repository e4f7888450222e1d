import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stampCommand } from '../../src/cli/commands/stamp.js';
import { buildPdfs } from '../../src/build/pdfs.js';
import { imageInfo } from '../../src/layout/image.js';
import { manifestYaml, writeFixture } from '../helpers/fixture.js';
import { section, sopWith } from '../layout/sop-fixture.js';
import { pdfLines } from './read-back.js';
import { ENCRYPTED_PDF } from '../fixtures/pdfs.js';

// A 12-pixel JPEG made with pdftoppm -jpeg.
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAMAAkDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3YxMbofvpNp+bbu/zxVmkwM5wM+tLQB//2Q==', 'base64');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = 0;
  try {
    await stampCommand().exitOverride().parseAsync(args, { from: 'user' });
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, out, err };
}

afterEach(() => {
  process.exitCode = 0;
});

describe('sopkit stamp', () => {
  it('writes a stamped copy and never touches the original', async () => {
    // stamp refuses an annex number the SOP does not have (issue 10): this SOP has annex 4
    const dir = await writeFixture({ 'sop.yaml': manifestYaml({ version: '"2.1"', date: '2026-11-22' }), 'annexes/en/04-forms.md': '---\nannex: 4\ntitle: Forms\n---\nBody\n' });
    const src = await PDFDocument.create();
    src.addPage([300, 400]);
    const input = path.join(dir, 'ext.pdf');
    const original = await src.save();
    await writeFile(input, original);
    const out = path.join(dir, 'stamped.pdf');
    const r = await run([input, '--annex', '4', '--dir', dir, '--lang', 'en', '--out', out]);
    expect(r.code).toBe(0);
    expect(Buffer.compare(await readFile(input), Buffer.from(original))).toBe(0);
    const pages = await pdfLines(await readFile(out));
    expect(pages[0]).toContain('Annex 4 — Test SOP v2.1 — 22 November 2026');
  });

  it('refuses a file that is not a PDF, an unknown language and overwriting the input (exit 2)', async () => {
    const dir = await writeFixture({ 'sop.yaml': manifestYaml(), 'notes.pdf': 'hello', 'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\nBody\n' });
    const notPdf = await run([path.join(dir, 'notes.pdf'), '--annex', '1', '--dir', dir]);
    expect(notPdf.code).toBe(2);
    expect(notPdf.err).toContain('is not a PDF');
    const src = await PDFDocument.create();
    src.addPage();
    await writeFile(path.join(dir, 'ok.pdf'), await src.save());
    const lang = await run([path.join(dir, 'ok.pdf'), '--annex', '1', '--dir', dir, '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.err).toContain('no language "fr"');
    const same = await run([path.join(dir, 'ok.pdf'), '--annex', '1', '--dir', dir, '--out', path.join(dir, 'ok.pdf')]);
    expect(same.code).toBe(2);
    const missing = await run([path.join(dir, 'none.pdf'), '--annex', '1', '--dir', dir]);
    expect(missing.code).toBe(2);
    await expect(stat(path.join(dir, 'notes-annex-1-v1.0.pdf'))).rejects.toThrow();
  });

  it('refuses an annex number the SOP does not have, naming the ones it has (exit 2)', async () => {
    const dir = await writeFixture({ 'sop.yaml': manifestYaml(), 'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\nBody\n' });
    const src = await PDFDocument.create();
    src.addPage();
    await writeFile(path.join(dir, 'ok.pdf'), await src.save());
    const r = await run([path.join(dir, 'ok.pdf'), '--annex', '99', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/has no annex 99 \(its annexes are 1\)/);
    expect(r.err).toContain('--annex 1');
    await expect(stat(path.join(dir, 'ok-annex-99-v1.0.pdf'))).rejects.toThrow();
  });

  it('refuses an encrypted PDF in sopkit\'s words, without pdf-lib\'s advice (exit 2)', async () => {
    const dir = await writeFixture({ 'sop.yaml': manifestYaml(), 'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\nBody\n', 'locked.pdf': ENCRYPTED_PDF });
    const r = await run([path.join(dir, 'locked.pdf'), '--annex', '1', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/password-protected/);
    expect(r.err).toMatch(/export an unprotected copy/i);
    expect(r.err).not.toMatch(/PDFDocument|ignoreEncryption/);
  });
});

describe('JPEG images', () => {
  it('reads JPEG sizes and embeds JPEG images', async () => {
    expect(imageInfo(JPEG)).toMatchObject({ format: 'jpeg' });
    const model = await sopWith({ 'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', '![photo](p.jpg)\n'), 'sections/en/p.jpg': JPEG });
    const out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-pdf-'));
    await buildPdfs(model, out);
    const doc = await PDFDocument.load(await readFile(path.join(out, 'pdf/sop-v2.1-en.pdf')), { updateMetadata: false });
    const objects = doc.context.enumerateIndirectObjects().map(([, o]) => o.toString());
    expect(objects.some((o) => o.includes('/Filter /DCTDecode'))).toBe(true);
  });
});
