import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedParagraphs, compareSnapshots, loadSnapshot, redlineSpans, renderRedlinePdf } from '../../src/diff/index.js';
import { pageText, readPdfText } from '../../src/verify/extract.js';
import { checkTags, readTaggedPdf, roleCounts } from '../../src/verify/index.js';
import { builtCli, sopkit } from './cli.js';
import { copyExample, remember, removeTempDirs } from './tree.js';
import { missingTool } from '../helpers/tools.js';

const run = promisify(execFile);
const ADDED = 'Eligibility is checked once more whenever the family changes its registered address.';

let main: string;
beforeAll(async () => {
  main = await builtCli();
});
afterAll(removeTempDirs);

describe('redline paragraphs and marks', () => {
  it('keeps changed paragraphs and folds unchanged ones to one "…"', () => {
    const out = changedParagraphs([
      { op: 'equal', text: 'One.\n\nTwo.\n\nThree ' },
      { op: 'insert', text: 'new ' },
      { op: 'equal', text: 'end.\n\nFour.' },
    ]);
    expect(out).toEqual([null, [{ op: 'equal', text: 'Three ' }, { op: 'insert', text: 'new ' }, { op: 'equal', text: 'end.' }], null]);
  });

  it('marks words only, and keeps a space between a glued deletion and insertion', () => {
    const spans = redlineSpans([{ op: 'equal', text: 'the ' }, { op: 'delete', text: 'child.' }, { op: 'insert', text: 'children. ' }], 10);
    expect(spans.map((s) => s.text)).toEqual(['the ', 'child.', ' ', 'children.', ' ']);
    expect(spans[1]!.style.color).not.toEqual(spans[3]!.style.color);
    expect(spans[0]!.style.color).toEqual(spans[2]!.style.color);
  });
});

describe.sequential('sopkit diff writes the redline as a PDF', () => {
  let dir: string;
  let pdf: Uint8Array;

  it('releases 1.0, appends a sentence, releases 1.1, and diff 1.0 1.1 writes diff-1.0-1.1.pdf', async () => {
    dir = await copyExample();
    const r0 = await sopkit(main, ['release', '1.0', '--date', '2026-11-25', '--no-build', '--dir', dir]);
    expect(r0.code, r0.stdout + r0.stderr).toBe(0);
    const en = path.join(dir, 'sections/en/08-eligibility.md');
    await writeFile(en, `${(await readFile(en, 'utf8')).trimEnd()}\n\n${ADDED}\n`);
    const r1 = await sopkit(main, ['release', '1.1', '--date', '2026-11-26', '--no-build', '--dir', dir]);
    expect(r1.code, r1.stdout + r1.stderr).toBe(0);
    const out = remember(await mkdtemp(path.join(os.tmpdir(), 'sopkit-diffpdf-')));
    const d = await sopkit(main, ['diff', '1.0', '1.1', '--dir', dir, '--out', out]);
    expect(d.code, d.stdout + d.stderr).toBe(0);
    pdf = new Uint8Array(await readFile(path.join(out, 'diff-1.0-1.1.pdf')));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // Beside the HTML, and byte-identical when written again.
    await readFile(path.join(out, 'diff-1.0-1.1.html'));
    const again = remember(await mkdtemp(path.join(os.tmpdir(), 'sopkit-diffpdf-')));
    expect((await sopkit(main, ['diff', '1.0', '1.1', '--dir', dir, '--out', again])).code).toBe(0);
    expect(Buffer.compare(Buffer.from(pdf), await readFile(path.join(again, 'diff-1.0-1.1.pdf')))).toBe(0);
  });

  it('holds the inserted words, and the header on every page', async () => {
    const pages = await readPdfText(pdf, 'diff-1.0-1.1.pdf');
    expect(pages.length).toBeGreaterThan(0);
    const all = pages.map(pageText).join('\n').replace(/\s+/g, ' ');
    for (const w of ADDED.replace(/\.$/, '').split(' ')) expect(all).toContain(w);
    // The data changes section and the sections list are there too.
    expect(all).toContain('Data files and sop.yaml');
    expect(all).toContain('Renamed and moved sections');
    for (const p of pages) {
      const text = pageText(p).replace(/\s+/g, ' ');
      expect(text, `page ${p.number}`).toContain('Redline 1.0 to 1.1');
      expect(text, `page ${p.number}`).toMatch(/1\.1/);
    }
  });

  it('is a tagged PDF: headings, paragraphs, every text tagged or an artifact (verify --tags)', async () => {
    const tagged = await readTaggedPdf(pdf);
    expect(checkTags(tagged).map((f) => f.message)).toEqual([]);
    expect(tagged.lang).toBe('ar');
    expect([...roleCounts(tagged).keys()]).toEqual(expect.arrayContaining(['Document', 'Sect', 'H1', 'H2', 'H3', 'P']));
    // The running header is an artifact on every page.
    expect(tagged.pages.filter((p) => !p.artifacts.join('').includes('Redline 1.0 to 1.1')).map((p) => p.number)).toEqual([]);
  });

  // Both looked up, so that each missing one is named.
  it.skipIf([missingTool('qpdf'), missingTool('pdftoppm')].some(Boolean))('is clean for qpdf --check and renders with pdftoppm', async () => {
    const out = remember(await mkdtemp(path.join(os.tmpdir(), 'sopkit-diffpdf-')));
    const file = path.join(out, 'diff.pdf');
    await writeFile(file, pdf);
    const q = await run('qpdf', ['--check', file]);
    expect(q.stdout).toContain('No syntax or stream encoding errors');
    await run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', file, path.join(out, 'page')]);
    if (process.env.SOPKIT_KEEP_REDLINE_PNG) await run('cp', [path.join(out, 'page-1.png'), process.env.SOPKIT_KEEP_REDLINE_PNG]);
  });
});

describe('a long redline', () => {
  it('runs over several pages, each with the header, and prints data changes as sentences', async () => {
    const a = await copyExample();
    const b = await copyExample();
    // Two whole sections removed: every paragraph of both is a deletion.
    await rm(path.join(b, 'sections/en/08-eligibility.md'));
    await rm(path.join(b, 'sections/ar/09-prioritisation.md'));
    const file = path.join(b, 'data/prioritisation.yaml');
    const doc = parseDocument(await readFile(file, 'utf8'));
    const levels = doc.get('levels') as { items: { get(k: string): unknown; setIn(p: string[], v: unknown): void; getIn(p: string[]): unknown }[] };
    const medium = levels.items.find((l) => l.get('id') === 'medium')!;
    medium.setIn(['response_time', 'hours'], Number(medium.getIn(['response_time', 'hours'])) - 24);
    await writeFile(file, doc.toString({ lineWidth: 0 }));
    const sa = await loadSnapshot(a, 'draft');
    const sb = await loadSnapshot(b, 'draft');
    const c = compareSnapshots({ ...sa.snapshot, label: '1.0' }, { ...sb.snapshot, label: '1.1' });
    const bytes = await renderRedlinePdf(c, sb.snapshot.model);
    if (process.env.SOPKIT_KEEP_REDLINE_PDF) await writeFile(process.env.SOPKIT_KEEP_REDLINE_PDF, bytes);
    const pages = await readPdfText(bytes, 'long.pdf');
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(pageText(p).replace(/\s+/g, ' '), `page ${p.number}`).toContain('Redline 1.0 to 1.1');
    const all = pages.map(pageText).join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('data/prioritisation.yaml');
    expect(all).toMatch(/hours changed from \d+ to \d+/);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(await renderRedlinePdf(c, sb.snapshot.model)))).toBe(0);
  });
});
