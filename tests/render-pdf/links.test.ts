import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildPdfs } from '../../src/build/pdfs.js';
import { externalUri, percentEncode } from '../../src/layout/index.js';
import { section, sopWith } from '../layout/sop-fixture.js';
import { missingTool } from '../helpers/tools.js';

const run = promisify(execFile);

type Rect = [number, number, number, number];
interface Annot { page: number; uri?: string; dest: boolean; rect: Rect }
interface Word { page: number; str: string; x0: number; x1: number; y: number }

/** Link annotations as pdf-lib reads them (URI string bytes exactly as written). */
async function linkAnnots(bytes: Uint8Array): Promise<Annot[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: Annot[] = [];
  doc.getPages().forEach((p, page) => {
    const annots = p.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) return;
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookup(i, PDFDict);
      if (a.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const rect = (a.lookup(PDFName.of('Rect'), PDFArray).asArray() as Array<{ asNumber(): number }>).map((n) => n.asNumber()) as Rect;
      const action = a.lookup(PDFName.of('A'));
      let uri: string | undefined;
      if (action instanceof PDFDict) {
        expect(action.lookup(PDFName.of('S'))).toBe(PDFName.of('URI'));
        const s = action.lookup(PDFName.of('URI'), PDFString);
        uri = new TextDecoder('latin1').decode(s.asBytes());
      }
      out.push({ page, uri, dest: a.has(PDFName.of('Dest')), rect });
    }
  });
  return out;
}

/**
 * Words with their boxes, as poppler's pdftotext finds them (pdf.js joins a whole line
 * into one item, too coarse to tell link text from its neighbours). Right-to-left words
 * come out in visual order: `text` puts their letters back in logical order.
 */
async function words(bytes: Uint8Array): Promise<Word[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-links-words-'));
  const file = path.join(dir, 'in.pdf');
  await writeFile(file, bytes);
  const { stdout } = await run('pdftotext', ['-bbox', file, '-']);
  const out: Word[] = [];
  let page = -1;
  let height = 0;
  for (const m of stdout.matchAll(/<page width="[\d.]+" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1]) {
      page++;
      height = Number(m[1]);
      continue;
    }
    const str = m[6]!.replace(/&amp;/g, '&');
    if (!/[\p{L}\p{N}]/u.test(str)) continue; // marks and punctuation alone
    const rtl = /[\u0600-\u06ff]/.test(str);
    // pdftotext's y runs down from the top; annotations' up from the bottom.
    out.push({ page, str: rtl ? [...str].reverse().join('') : str, x0: Number(m[2]), x1: Number(m[4]), y: height - (Number(m[3]) + Number(m[5])) / 2 });
  }
  return out;
}

const letters = (s: string) => s.replace(/[^\p{L}\p{N}@.]+/gu, '');
const mid = (w: Word) => (w.x0 + w.x1) / 2;
const within = (w: Word, a: Annot) => a.page === w.page && mid(w) > a.rect[0] && mid(w) < a.rect[2] && w.y > a.rect[1] && w.y < a.rect[3];

/** The words whose middle lies inside one of the link's areas, checking each lies wholly inside. */
function wordsIn(ws: Word[], areas: Annot[]): string[] {
  const hit = ws.filter((w) => areas.some((a) => within(w, a)));
  for (const w of hit) {
    const a = areas.find((r) => within(w, r))!;
    expect(w.x0, w.str).toBeGreaterThanOrEqual(a.rect[0] - 1);
    expect(w.x1, w.str).toBeLessThanOrEqual(a.rect[2] + 1);
  }
  return hit.map((w) => letters(w.str)).filter(Boolean).sort();
}

/** The words of a link's text, as `wordsIn` returns them. */
const textWords = (text: string) => text.split(/\s+/).map(letters).filter(Boolean).sort();

const longEn = 'the interagency referral pathway maintained by the protection working group with every partner and service listed by district and camp';
// No marks (shadda, tanween): pdftotext splits a word at them, which would blur the word comparison.
const longAr = 'مسار الإحالة المشترك بين الوكالات الذي يحدثه فريق عمل الحماية مع جميع الشركاء والخدمات مرتبة حسب المنطقة والمخيم';

describe('external links', () => {
  it.skipIf(missingTool('pdftotext'))('makes http, https and mailto links clickable in Arabic and English, and nothing else', async () => {
    const en = `## Links\n\nRead [the guidelines](https://example.org/cpcm/guidelines?lang=en) or write to <cp.unit@dsd.example.org> today.\n\n` +
      `A [bracketed](https://example.org/a_(b)\\c) address.\n\n` +
      `Never [run this](javascript:alert(1)) nor [open that](file:///etc/passwd) nor [the annex](annexes/forms.pdf) here.\n\n` +
      `See [${longEn}](http://example.org/pathway) now.\n`;
    const ar = `## روابط\n\nاقرأ [الإرشادات](https://example.org/دليل/الحماية?س=١) أو راسل [وحدة الحماية](mailto:cp.unit@dsd.example.org) اليوم.\n\n` +
      `لا [تشغل هذا](javascript:alert(1)) ولا [تفتح ذاك](file:///etc/passwd) هنا.\n\nانظر [${longAr}](https://وزارة.example/مسار) الآن.\n`;
    const model = await sopWith({
      'sections/en/03-purpose-scope.md': section('purpose-scope', 'Purpose', en),
      'sections/ar/03-purpose-scope.md': section('purpose-scope', 'الهدف', ar),
    });
    const out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-links-'));
    await buildPdfs(model, out);
    const byUri = (list: Annot[], uri: string) => list.filter((a) => a.uri === uri);

    const enBytes = await readFile(path.join(out, 'pdf/sop-v2.1-en.pdf'));
    const enAll = await linkAnnots(enBytes);
    const enLinks = enAll.filter((a) => a.uri);
    const enWords = await words(enBytes);
    expect([...new Set(enLinks.map((a) => a.uri))].sort()).toEqual(
      ['http://example.org/pathway', 'https://example.org/a_(b)/c', 'https://example.org/cpcm/guidelines?lang=en', 'mailto:cp.unit@dsd.example.org']);
    // Only the contents line jumps inside the document; the unsafe and relative links open nothing.
    expect(enAll.filter((a) => !a.uri).every((a) => a.dest)).toBe(true);
    expect(enAll.filter((a) => !a.uri && a.page === enLinks[0]!.page)).toEqual([]);
    const guide = byUri(enLinks, 'https://example.org/cpcm/guidelines?lang=en');
    expect(guide).toHaveLength(1);
    expect(wordsIn(enWords, guide)).toEqual(textWords('the guidelines'));
    expect(wordsIn(enWords, byUri(enLinks, 'mailto:cp.unit@dsd.example.org'))).toEqual(textWords('cp.unit@dsd.example.org'));
    // The long link wraps: one area per line, on different baselines, all of its words and no other covered.
    const wrapped = byUri(enLinks, 'http://example.org/pathway');
    expect(wrapped.length).toBeGreaterThanOrEqual(2);
    expect(new Set(wrapped.map((a) => a.rect[1])).size).toBe(wrapped.length);
    expect(wordsIn(enWords, wrapped)).toEqual(textWords(longEn));
    // The unsafe links still print.
    expect(enWords.map((w) => w.str)).toContain('run');

    const arBytes = await readFile(path.join(out, 'pdf/sop-v2.1-ar.pdf'));
    const arAll = await linkAnnots(arBytes);
    const arLinks = arAll.filter((a) => a.uri);
    const arWords = await words(arBytes);
    const arGuide = 'https://example.org/%D8%AF%D9%84%D9%8A%D9%84/%D8%A7%D9%84%D8%AD%D9%85%D8%A7%D9%8A%D8%A9?%D8%B3=%D9%A1';
    const ministry = 'https://xn--mgbexc3i.example/%D9%85%D8%B3%D8%A7%D8%B1';
    expect([...new Set(arLinks.map((a) => a.uri))].sort()).toEqual([arGuide, ministry, 'mailto:cp.unit@dsd.example.org'].sort());
    expect(arAll.filter((a) => !a.uri && a.page === arLinks[0]!.page)).toEqual([]);
    expect(wordsIn(arWords, byUri(arLinks, arGuide))).toEqual(textWords('الإرشادات'));
    expect(wordsIn(arWords, byUri(arLinks, 'mailto:cp.unit@dsd.example.org'))).toEqual(textWords('وحدة الحماية'));
    const arWrapped = byUri(arLinks, ministry);
    expect(arWrapped.length).toBeGreaterThanOrEqual(2);
    expect(new Set(arWrapped.map((a) => a.rect[1])).size).toBe(arWrapped.length);
    expect(wordsIn(arWords, arWrapped)).toEqual(textWords(longAr));
    expect(arWords.map((w) => w.str)).toContain('تشغل');
  });
});

describe('externalUri', () => {
  it('keeps ASCII addresses, percent-encodes the rest, refuses other schemes', () => {
    expect(externalUri('https://example.org/a?b=c#d')).toBe('https://example.org/a?b=c#d');
    expect(externalUri('HTTPS://Example.org/A%20B')).toBe('https://example.org/A%20B');
    expect(externalUri('https://example.org/دليل')).toBe('https://example.org/%D8%AF%D9%84%D9%8A%D9%84');
    expect(externalUri('mailto:علي@example.org')).toBe('mailto:%D8%B9%D9%84%D9%8A@example.org');
    expect(externalUri('mailto:a@example.org?subject=طلب إحالة')).toMatch(/^mailto:a@example\.org\?subject=[A-Za-z0-9%]+$/);
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'annexes/a.pdf', '../x', '//example.org/x', 'data:text/html,x', 'http://'])
      expect(externalUri(bad), bad).toBeUndefined();
    expect(percentEncode('a b%zz%41')).toBe('a%20b%25zz%41');
  });
});
