import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postersCommand } from '../../src/cli/commands/posters.js';
import { loadSop } from '../../src/model/index.js';
import { composePosters } from '../../src/posters/build.js';
import { buildPosters, imposeCards, PAPER } from '../../src/posters/index.js';
import { missingTool } from '../helpers/tools.js';
import { copyExample } from './fixture.js';
import { removeCopies } from './fixture.js';

afterAll(removeCopies);

const MM = 72 / 25.4;
let dir: string;
let outDir: string;
let files: string[];

beforeAll(async () => {
  dir = await copyExample();
  const before = process.exitCode;
  await postersCommand().exitOverride().parseAsync([dir, '--quiet'], { from: 'user' });
  expect(process.exitCode).toBe(0);
  process.exitCode = before;
  outDir = path.join(dir, 'dist', 'posters');
  files = (await readdir(outDir)).sort();
}, 300_000);

async function pdf(name: string): Promise<PDFDocument> {
  return PDFDocument.load(await readFile(path.join(outDir, name)));
}

/** Decoded content streams of a page, concatenated. */
function pageContent(doc: PDFDocument, index: number): string {
  const page = doc.getPage(index);
  const contents = page.node.get(PDFName.of('Contents'));
  const refs: PDFRef[] = contents instanceof PDFArray ? contents.asArray() as PDFRef[] : [contents as PDFRef];
  return refs.map((r) => {
    const s = doc.context.lookup(r) as PDFRawStream;
    const filter = s.dict.get(PDFName.of('Filter'));
    const bytes = s.getContents();
    return Buffer.from(filter ? inflateSync(bytes) : bytes).toString('latin1');
  }).join('\n');
}

describe('sopkit posters on the example SOP', () => {
  it('writes every poster, card and pocket guide in every language, and nothing else', () => {
    const expected: string[] = [];
    for (const l of ['ar', 'en']) {
      expected.push(`urgent-card-a6-${l}.pdf`, `urgent-card-4up-a4-${l}.pdf`, `pocket-guide-a4-${l}.pdf`);
      for (const s of ['a3', 'a2']) for (const p of ['eligibility', 'case-steps', 'pathways', 'prioritisation']) expected.push(`${p}-${s}-${l}.pdf`);
    }
    for (const p of ['eligibility', 'case-steps', 'pathways', 'prioritisation']) expected.push(`${p}-a2-bilingual.pdf`);
    expect(files).toEqual(expected.sort());
    // The staging folder was renamed into place, not left behind.
    expect(existsSync(path.join(dir, 'dist'))).toBe(true);
  });

  it('uses the right paper sizes', async () => {
    const near = (a: number, b: number) => Math.abs(a - b) < 0.5;
    const size = async (f: string) => (await pdf(f)).getPage(0).getSize();
    const a3 = await size('eligibility-a3-en.pdf');
    expect(near(a3.width, 297 * MM) && near(a3.height, 420 * MM)).toBe(true);
    const a2 = await size('prioritisation-a2-bilingual.pdf');
    expect(near(a2.width, 420 * MM) && near(a2.height, 594 * MM)).toBe(true);
    const a6 = await pdf('urgent-card-a6-ar.pdf');
    expect(a6.getPageCount()).toBe(2);
    expect(near(a6.getPage(0).getWidth(), 105 * MM) && near(a6.getPage(0).getHeight(), 148 * MM)).toBe(true);
    const guide = await pdf('pocket-guide-a4-en.pdf');
    expect(guide.getPageCount() % 2).toBe(0);
    expect(near(guide.getPage(0).getWidth(), 210 * MM)).toBe(true);
  });

  it('draws the crop marks of the 4-up sheet where the imposition puts them (read back from the PDF)', async () => {
    const doc = await pdf('urgent-card-4up-a4-en.pdf');
    expect(doc.getPageCount()).toBe(2);
    const H = PAPER.a4.height;
    const re = /q\n0 0 0 RG\n0\.25 w\n0 J 0 j\n([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S\nQ/g;
    const drawn = [...pageContent(doc, 0).matchAll(re)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
    const expected = imposeCards(PAPER.a4, PAPER.a6).front.marks.map((m) => [m.from.x, H - m.from.y, m.to.x, H - m.to.y]);
    expect(drawn.length).toBe(expected.length);
    for (const e of expected) {
      expect(drawn.some((d) => d.every((v, i) => Math.abs(v - e[i]!) < 0.01)), `mark ${e.join(' ')}`).toBe(true);
    }
    // The back carries no marks.
    expect([...pageContent(doc, 1).matchAll(re)]).toHaveLength(0);
  });

  it('is byte-for-byte reproducible', async () => {
    const { model } = await loadSop(dir);
    const again = path.join(dir, 'again');
    await buildPosters(model, again);
    for (const f of ['urgent-card-4up-a4-ar.pdf', 'eligibility-a3-ar.pdf', 'pocket-guide-a4-en.pdf', 'pathways-a2-bilingual.pdf']) {
      const a = await readFile(path.join(outDir, f));
      const b = await readFile(path.join(again, 'posters', f));
      expect(Buffer.compare(a, b), f).toBe(0);
    }
    const text = (await readFile(path.join(outDir, 'eligibility-a3-en.pdf'))).toString('latin1');
    expect(text).not.toMatch(/\/tmp|sopkit-posters-/);
    // Dates come from the SOP's date, never the clock.
    const doc = await PDFDocument.load(await readFile(path.join(outDir, 'eligibility-a3-en.pdf')), { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });

  it.skipIf(missingTool('qpdf'))('passes qpdf --check', () => {
    for (const f of files) execFileSync('qpdf', ['--check', path.join(outDir, f)], { stdio: 'pipe' });
  });
});

describe('Letter paper', () => {
  it('switches to Tabloid and ANSI C posters and quarter-Letter cards on Letter sheets', async () => {
    const d = await copyExample(async (x) => {
      const p = path.join(x, 'sop.yaml');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(p, (await readFile(p, 'utf8')).replace(/^paper: A4$/m, 'paper: Letter'));
    });
    const { model } = await loadSop(d);
    expect(model.manifest.paper).toBe('Letter');
    const { scenes } = await composePosters(model);
    const names = scenes.map((s) => s.file);
    expect(names).toContain('eligibility-tabloid-en.pdf');
    expect(names).toContain('prioritisation-ansi-c-bilingual.pdf');
    expect(names).toContain('urgent-card-quarter-letter-ar.pdf');
    expect(names).toContain('urgent-card-4up-letter-ar.pdf');
    const sheet = scenes.find((s) => s.file === 'urgent-card-4up-letter-ar.pdf')!.scene.pages[0]!;
    expect([sheet.width, sheet.height]).toEqual([612, 792]);
  }, 120_000);
});

describe('failures and partial data', () => {
  it('a source error stops before writing: the previous dist/posters stays as it was', async () => {
    const d = await copyExample();
    const { model } = await loadSop(d);
    await buildPosters(model, path.join(d, 'dist'));
    const before = (await readdir(path.join(d, 'dist', 'posters'))).sort();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(d, 'data', 'urgent-action.yaml'), 'triggers: [unclosed\n');
    const saved = process.exitCode;
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => { errors.push(String(s)); return true; }) as typeof process.stderr.write;
    try {
      await postersCommand().exitOverride().parseAsync([d, '--quiet'], { from: 'user' });
    } finally {
      process.stderr.write = write;
    }
    expect(process.exitCode).toBe(1);
    process.exitCode = saved;
    expect(errors.join('')).toMatch(/data\/urgent-action\.yaml:\d+/);
    expect(errors.join('')).toMatch(/nothing was written/);
    expect((await readdir(path.join(d, 'dist', 'posters'))).sort()).toEqual(before);
    expect((await readdir(path.join(d, 'dist'))).filter((f) => f.includes('staging'))).toEqual([]);
  }, 120_000);

  it('an SOP without pathways data prints everything else', async () => {
    const d = await copyExample(async (x) => {
      const { rm } = await import('node:fs/promises');
      await rm(path.join(x, 'data', 'pathways.yaml'));
    });
    const { model } = await loadSop(d);
    expect(model.data.pathways).toBeUndefined();
    const { scenes } = await composePosters(model);
    const names = scenes.map((s) => s.file);
    expect(names.some((n) => n.startsWith('pathways-'))).toBe(false);
    expect(names).toContain('pocket-guide-a4-en.pdf');
    expect(names).toContain('urgent-card-4up-a4-ar.pdf');
  }, 120_000);
});
