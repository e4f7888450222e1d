/**
 * `build --only docx` on the example: the Word files carry Word's own structures (bidi
 * paragraphs and rtl runs for Arabic, heading styles with outline levels, footnotes,
 * PAGE/NUMPAGES fields, the version in every header) and read back (mammoth) with the
 * source words in order. Two builds are byte-identical.
 */
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/document/index.js';
import { markdownWords } from '../../src/verify/source-words.js';
import { toWords, wordOrderScore } from '../../src/verify/word-order.js';
import { buildDocx } from '../../src/word/export/build.js';
import { JSZip } from '../../src/vendor/zip.js';
import { mammoth } from '../../src/vendor/word-import.js';
import { ROOT, ensureBuilt, sopkit } from '../cli/cli.js';

let dir: string;
let cli: { code: number | null; stdout: string; stderr: string };

async function parts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const out: Record<string, string> = {};
  for (const n of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(n)) out[n] = await zip.file(n)!.async('string');
  return out;
}

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-docx-'));
  await cp(path.join(ROOT, 'sop-sources'), dir, { recursive: true });
  cli = sopkit(['build', dir, '--only', 'docx', '--quiet'], dir);
}, 120_000);

describe('build --only docx (the example)', () => {
  it('writes the SOP per language and every Markdown annex', async () => {
    expect(cli.code, cli.stderr).toBe(0);
    const names = (await readdir(path.join(dir, 'dist/docx'))).sort();
    expect(names).toContain('sop-v2.1-ar.docx');
    expect(names).toContain('sop-v2.1-en.docx');
    // 9 Markdown annexes per language (annexes/<lang>/*.md), annex 2 is a PDF.
    expect(names.filter((n) => /^annex-\d+-v2\.1-(ar|en)\.docx$/.test(n))).toHaveLength(18);
    expect(names).not.toContain('annex-2-v2.1-ar.docx');
  });

  it('Arabic: bidi paragraphs, rtl runs, right-to-left tables, Arabic and Latin fonts named', async () => {
    const p = await parts(path.join(dir, 'dist/docx/sop-v2.1-ar.docx'));
    const doc = p['word/document.xml']!;
    const paragraphs = doc.match(/<w:p>|<w:p /g)!.length;
    const bidi = doc.match(/<w:bidi\/>/g)!.length;
    expect(bidi / paragraphs).toBeGreaterThan(0.9);
    expect(doc).toMatch(/<w:rPr><w:rtl\/><\/w:rPr><w:t xml:space="preserve">[\u0600-\u06FF]/);
    expect(doc).toContain('<w:bidiVisual/>');
    // Logical order: the text is stored as typed, never reversed.
    expect(doc).toContain('الأساس القانوني والمؤسسي');
    expect(p['word/styles.xml']).toContain('w:cs="Noto Naskh Arabic"');
    expect(p['word/styles.xml']).toContain('w:ascii="Noto Sans"');
    const en = await parts(path.join(dir, 'dist/docx/sop-v2.1-en.docx'));
    expect(en['word/document.xml']).not.toContain('<w:bidi/>');
    expect(en['word/document.xml']).not.toContain('<w:rtl/>');
  });

  it('numbered headings in Heading 1 with an outline level; footnotes as Word footnotes; links', async () => {
    const p = await parts(path.join(dir, 'dist/docx/sop-v2.1-en.docx'));
    const doc = p['word/document.xml']!;
    const h1 = [...doc.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)/g)].map((t) => t[1]).join(''));
    expect(h1[0]).toMatch(/^1\. /);
    expect(h1.some((t) => /^8\. Eligibility/.test(t))).toBe(true);
    expect(p['word/styles.xml']).toMatch(/w:styleId="Heading1".*?<w:outlineLvl w:val="0"\/>/s);
    expect(doc).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(p['word/footnotes.xml']).toMatch(/<w:footnote w:id="1">/);
    expect(doc).toMatch(/<w:hyperlink [^>]*r:id="rIdS1"/);
    expect(p['word/_rels/document.xml.rels']).toMatch(/Id="rIdS1"[^>]*TargetMode="External"/);
  });

  it('every header part has the title, version and date; every footer the PAGE and NUMPAGES fields', async () => {
    for (const f of ['sop-v2.1-en.docx', 'sop-v2.1-ar.docx', 'annex-1-v2.1-en.docx']) {
      const p = await parts(path.join(dir, 'dist/docx', f));
      const headers = Object.keys(p).filter((n) => /^word\/header\d*\.xml$/.test(n));
      const footers = Object.keys(p).filter((n) => /^word\/footer\d*\.xml$/.test(n));
      expect(headers.length, f).toBeGreaterThan(0);
      for (const h of headers) {
        const text = [...p[h]!.matchAll(/<w:t[^>]*>([^<]*)/g)].map((m) => m[1]).join('');
        if (f.includes('-ar')) expect(text, f).toContain('الإصدار ٢٫١ — ٢٢ نوفمبر ٢٠٢٦');
        else if (f.startsWith('annex')) expect(text, f).toMatch(/^Annex 1 — CPCM SOP — Wadi Al-Noor v2\.1 — 22 November 2026$/);
        else expect(text, f).toBe('CPCM SOP — Wadi Al-Noor — Version 2.1 — 22 November 2026');
      }
      for (const ft of footers) {
        expect(p[ft], f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
        expect(p[ft], f).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      }
      expect(p['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T00:00:00Z</dcterms:created>');
    }
  });

  it('reads back with mammoth: component titles in order and ≥ 98 % of the source words in order, both languages', async () => {
    const { document } = await loadDocument(dir);
    for (const lang of document.languages) {
      const buffer = await readFile(path.join(dir, `dist/docx/sop-v2.1-${lang.lang}.docx`));
      const text = (await mammoth.extractRawText({ buffer })).value;
      let at = -1;
      for (const c of lang.components) {
        const i = text.indexOf(c.title, at + 1);
        expect(i, `${lang.lang}: ${c.title}`).toBeGreaterThan(at);
        at = i;
      }
      const source = lang.components.flatMap((c) => c.sections.flatMap((s) => markdownWords(s.tree)));
      const score = wordOrderScore(source, toWords(text));
      expect(score.fraction, lang.lang).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('each flowchart is a picture (PNG drawn by the PDF renderer) described by its text version, which follows as text', async () => {
    for (const lang of ['en', 'ar']) {
      const file = path.join(dir, `dist/docx/sop-v2.1-${lang}.docx`);
      const p = await parts(file);
      const doc = p['word/document.xml']!;
      const zip = await JSZip.loadAsync(await readFile(file));
      // Both charts of the example (eligibility in section 8, case steps in 11) start at their directive's bookmark.
      for (const [key, line] of lang === 'en' ? [['08_eligibility', 32], ['11_case_management_process', 10]] : [['08_eligibility', 31], ['11_case_management_process', 9]]) {
        const at = doc.indexOf(`w:name="sop_s_${lang}_${key}_L${line}"`);
        expect(at, `${lang} ${key}`).toBeGreaterThan(0);
        const para = doc.slice(at, doc.indexOf('</w:p>', at));
        expect(para, `${lang} ${key}`).toContain('<w:drawing>');
      }
      const pictures = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>.*?<wp:docPr id="(\d+)" name="([^"]*)" descr="([^"]*)"/gs)];
      expect(pictures.length, lang).toBeGreaterThanOrEqual(2);
      // Word wants every drawing's id distinct.
      expect(new Set(pictures.map((m) => m[3])).size, lang).toBe(pictures.length);
      for (const m of pictures) {
        // At most the text block: 470.6 pt wide, 697.9 pt tall (EMU: 12 700 a point).
        expect(Number(m[1]) / 12700, lang).toBeLessThanOrEqual(470.7);
        expect(Number(m[2]) / 12700, lang).toBeLessThanOrEqual(698);
        expect(m[5]!.length, lang).toBeGreaterThan(200);
      }
      // The description is the text version printed below the picture: an arrow of the eligibility tree.
      const arrow = lang === 'en' ? 'Is the person under 18, or could they be a child? — Yes — ' : 'هل الشخص دون ١٨ عامًا، أو قد يكون طفلًا؟ — نعم — ';
      expect(pictures.some((m) => m[5]!.includes(arrow)), lang).toBe(true);
      expect(doc.split(arrow).length - 1, lang).toBeGreaterThanOrEqual(2);
      const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
      expect(media.length, lang).toBeGreaterThanOrEqual(2);
      for (const n of media) {
        const bytes = await zip.file(n)!.async('uint8array');
        expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), n).toBe('PNG');
        // Drawn at 200 dpi: a chart column wide is more than 1 000 pixels across.
        expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(16), n).toBeGreaterThan(1000);
      }
    }
  });

  it('is deterministic: the CLI and a second in-process build write the same bytes', async () => {
    const { model } = await loadDocument(dir);
    const out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-docx2-'));
    const written = await buildDocx(model, out);
    expect(written.length).toBe(20);
    for (const f of written) {
      const a = await readFile(path.join(dir, 'dist', f));
      const b = await readFile(path.join(out, f));
      expect(Buffer.compare(a, b), f).toBe(0);
    }
  });
});
