import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFNumber, StandardFonts, degrees } from 'pdf-lib';
import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { stampBytes } from '../../src/build/pdfs.js';
import { annexHeader } from '../../src/layout/index.js';
import { loadSop } from '../../src/model/index.js';
import { STAMP_STRIP } from '../../src/pdf/stamp.js';
import { verifyPdfs } from '../../src/verify/index.js';
import { manifestYaml, writeFixture } from '../helpers/fixture.js';

const W = 400;
const H = 500;

/** One page per rotation (`inherit`: set on the page tree, not the page), each with a line of body text. */
async function rotatedPdf(rotations: Array<number | 'inherit'>, inheritFrom = 90): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const r of rotations) {
    const page = doc.addPage([W, H]);
    page.drawText('Original body text', { x: 40, y: 250, size: 12, font });
    if (typeof r === 'number') page.node.set(PDFName.of('Rotate'), PDFNumber.of(r));
  }
  if (rotations.includes('inherit')) doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(inheritFrom));
  return doc.save();
}

const box = (doc: PDFDocument, i: number) =>
  (doc.getPage(i).node.lookup(PDFName.of('MediaBox'), PDFArray).asArray() as PDFNumber[]).map((n) => n.asNumber());

/** Header items as displayed (viewport applied): text, baseline y from the top, and whether it reads upright. */
async function displayedText(bytes: Uint8Array): Promise<Array<Array<{ str: string; y: number; upright: boolean }>>> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const vp = page.getViewport({ scale: 1 });
    const items = [];
    for (const it of (await page.getTextContent()).items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const m = Util.transform(vp.transform, it.transform) as number[];
      // Upright on screen: x runs right, y (device space, downwards) flipped, no shear.
      items.push({ str: it.str, y: m[5]!, upright: m[0]! > 0 && Math.abs(m[1]!) < 1e-6 && Math.abs(m[2]!) < 1e-6 && m[3]! < 0 });
    }
    pages.push(items);
  }
  await doc.destroy();
  return pages;
}

async function sopDir() {
  const dir = await writeFixture({ 'sop.yaml': manifestYaml({ version: '"2.1"', date: '2026-11-22' }) });
  return { dir, model: (await loadSop(dir)).model };
}

describe('stamping rotated pages', () => {
  it('puts the header at the displayed top, upright, for every /Rotate (own, inherited, normalised)', async () => {
    const rotations = [0, 90, 180, 270, -90, 450, 'inherit'] as const;
    const effective = [0, 90, 180, 270, 270, 90, 90];
    const { dir, model } = await sopDir();
    for (const lang of ['en', 'ar']) {
      const header = annexHeader(model, lang, 2);
      const stamped = await stampBytes(await rotatedPdf([...rotations]), header, lang);
      await mkdir(path.join(dir, 'dist/pdf'), { recursive: true });
      await writeFile(path.join(dir, `dist/pdf/annex-2-v2.1-${lang}.pdf`), stamped);

      // Geometry: the box grew by the strip on the side that is displayed on top.
      const doc = await PDFDocument.load(stamped);
      const S = STAMP_STRIP;
      const grown: Record<number, number[]> = { 0: [0, 0, W, H + S], 90: [-S, 0, W, H], 180: [0, -S, W, H], 270: [0, 0, W + S, H] };
      effective.forEach((r, i) => {
        expect(box(doc, i), `page ${i + 1} (/Rotate ${String(rotations[i])})`).toEqual(grown[r]);
        expect(doc.getPage(i).getRotation().angle).toBe(typeof rotations[i] === 'number' ? rotations[i] : 90);
      });

      // As displayed: the header is in the strip at the top and reads upright; the body keeps its place.
      const pages = await displayedText(stamped);
      pages.forEach((items, i) => {
        const head = items.filter((it) => it.y < S);
        expect(head.length, `page ${i + 1}`).toBeGreaterThan(0);
        expect(head.every((it) => it.upright), `page ${i + 1} header upright`).toBe(true);
        expect(head.map((it) => it.str).join(' ')).not.toContain('Original');
        expect(items.some((it) => it.str.includes('Original body text'))).toBe(true);
      });
    }
    // sopkit verify finds the annex header on every page, in both languages.
    const r = await verifyPdfs('dist', { cwd: dir });
    expect(r.files.map((f) => [f.file, f.pages, f.passed])).toEqual([
      ['dist/pdf/annex-2-v2.1-ar.pdf', rotations.length, true],
      ['dist/pdf/annex-2-v2.1-en.pdf', rotations.length, true],
    ]);
    expect(r.exitCode).toBe(0);
    // …in the header area (the top of the page as displayed), not elsewhere on the page.
    expect(r.files.flatMap((f) => f.notes)).toEqual([]);
  });

  it('keeps a crop box and grows it on the displayed top edge too', async () => {
    const src = await PDFDocument.create();
    const page = src.addPage([W, H]);
    page.setCropBox(20, 30, 300, 400);
    page.setRotation(degrees(270));
    const { model } = await sopDir();
    const doc = await PDFDocument.load(await stampBytes(await src.save(), annexHeader(model, 'en', 1), 'en'));
    const crop = (doc.getPage(0).node.lookup(PDFName.of('CropBox'), PDFArray).asArray() as PDFNumber[]).map((n) => n.asNumber());
    expect(crop).toEqual([20, 30, 320 + STAMP_STRIP, 430]);
    expect(box(doc, 0)).toEqual([0, 0, W + STAMP_STRIP, H]);
  });
});
