/**
 * The exported .docx opens in LibreOffice (headless conversion to PDF succeeds) and every
 * page of the result carries the running header and every flowchart picture at its size; saved again as .docx it keeps the source
 * bookmarks `sopkit comments` maps by. Skipped, with the reason, where
 * LibreOffice (soffice) or pdftotext is not installed.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { buildDocx } from '../../src/word/export/build.js';
import { JSZip } from '../../src/vendor/zip.js';
import { ROOT, ensureBuilt } from '../cli/cli.js';
import { missingTool } from '../helpers/tools.js';

// Skips (saying why) without LibreOffice or pdftotext; in CI a missing one fails the file.
const MISSING = missingTool('soffice') ?? missingTool('pdftotext') ?? missingTool('pdfimages') ?? '';

describe('the exported .docx in LibreOffice', () => {
  it.skipIf(!!MISSING)('converts to PDF without repair, the header on every page (en and ar)', async () => {
    ensureBuilt();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-lo-'));
    await cp(path.join(ROOT, 'sop-sources'), path.join(dir, 'sop'), { recursive: true });
    const { model } = await loadSop(path.join(dir, 'sop'));
    await buildDocx(model, path.join(dir, 'out'));
    for (const [lang, header] of [['en', 'Version 2.1 — 22 November 2026'], ['ar', 'وادي النور']] as const) {
      const lo = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), path.join(dir, `out/docx/sop-v2.1-${lang}.docx`)], { encoding: 'utf8', timeout: 240_000 });
      expect(lo.status, lo.stderr).toBe(0);
      expect(await readdir(path.join(dir, 'pdf'))).toContain(`sop-v2.1-${lang}.pdf`);
      const text = spawnSync('pdftotext', ['-layout', path.join(dir, `pdf/sop-v2.1-${lang}.pdf`), '-'], { encoding: 'utf8' }).stdout;
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages.length, lang).toBeGreaterThan(10);
      for (const [i, p] of pages.entries()) expect(p.split('\n').slice(0, 4).join('\n'), `${lang} page ${i + 1}`).toContain(header);
      // Every flowchart picture is drawn at its full height: each image is on a page of its
      // own when taller than half the text block (the Arabic eligibility tree is two such
      // pictures; a picture clipped to one line of text let both onto one page).
      const drawings = (await (await JSZip.loadAsync(await readFile(path.join(dir, `out/docx/sop-v2.1-${lang}.docx`)))).file('word/document.xml')!.async('string')).match(/<w:drawing>/g)!.length;
      const images = spawnSync('pdfimages', ['-list', path.join(dir, `pdf/sop-v2.1-${lang}.pdf`)], { encoding: 'utf8' }).stdout
        .split('\n').slice(2).map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image')
        .map((c) => ({ page: Number(c[0]), height: (Number(c[4]) / Number(c[13])) * 72 }));
      expect(images.length, lang).toBe(drawings);
      const tall = images.filter((im) => im.height > 700 / 2);
      expect(tall.length, lang).toBeGreaterThan(0);
      expect(new Set(tall.map((im) => im.page)).size, lang).toBe(tall.length);
    }
    // Saved again by LibreOffice as .docx, the file keeps every source bookmark `comments` maps by.
    const re = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(dir, 'resaved'), path.join(dir, 'out/docx/sop-v2.1-en.docx')], { encoding: 'utf8', timeout: 240_000 });
    expect(re.status, re.stderr).toBe(0);
    const names = async (f: string) => new Set([...(await (await JSZip.loadAsync(await readFile(f))).file('word/document.xml')!.async('string')).matchAll(/w:name="(sop_[^"]+)"/g)].map((m) => m[1]));
    const before = await names(path.join(dir, 'out/docx/sop-v2.1-en.docx'));
    const after = await names(path.join(dir, 'resaved/sop-v2.1-en.docx'));
    expect(before.size).toBeGreaterThan(300);
    expect([...before].filter((n) => !after.has(n))).toEqual([]);
  }, 600_000);
});
