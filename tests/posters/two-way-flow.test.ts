/**
 * The two-way-flow kind (issue 13): the coordination manual's §7-2-4 information flows and
 * §6-1 front/back-office pairs are printed from its profile's `posters:` list, with no
 * poster code of their own. Printed in every size and language, the text reads back
 * (pdftotext) in English and Arabic (Arabic-Indic digits), the first actor stands on the
 * start side (left in English, right in Arabic), and every line holds the poster minimum
 * (measured in the PDF with pdf.js like legibility.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import type { SopModel } from '../../src/model/types.js';
import { composePosters } from '../../src/posters/build.js';
import { renderScene } from '../../src/posters/render.js';
import { MIN_SIZE } from '../../src/posters/fit.js';
import { localized } from '../../src/i18n/index.js';
import type { TwoWayFlowData } from '../../src/document/data-types.js';
import { missingTool } from '../helpers/tools.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/examples/coordination-manual/', import.meta.url));
const NAMES = ['information-flows', 'front-back-office'];
const VARIANTS = ['a3-ar', 'a2-ar', 'a3-en', 'a2-en', 'a2-bilingual'];

let model: SopModel;
let out: string;
let files: string[];
let diagnostics: Awaited<ReturnType<typeof composePosters>>['diagnostics'];

beforeAll(async () => {
  model = (await loadSop(EXAMPLE)).model;
  const composed = await composePosters(model);
  diagnostics = composed.diagnostics;
  files = composed.scenes.map((s) => s.file);
  out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-two-way-'));
  for (const s of composed.scenes.filter((x) => NAMES.some((n) => x.file.startsWith(`${n}-`)))) {
    const bytes = await renderScene(s.scene, { title: s.scene.title, lang: s.scene.lang, date: '2026-11-20', version: '1.0', subject: 'two-way flow' });
    await writeFile(path.join(out, s.file), bytes);
  }
}, 300_000);

afterAll(() => rm(out, { recursive: true, force: true }));

/** Text without bidi controls and Arabic vowel marks, spaces collapsed. */
const norm = (s: string) => s.normalize('NFC').replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/[\u064B-\u065F\u0670]/g, '').replace(/\s+/g, ' ').trim();

const data = (name: string) => model.data[name]!.value as TwoWayFlowData;
const L = (v: unknown, lang: string) => norm(localized(v as never, lang, model.manifest.languages));

interface Run { str: string; size: number; x: number }

async function runs(file: string): Promise<Run[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(path.join(out, file))), verbosity: 0, isEvalSupported: false }).promise;
  const all: Run[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    for (const it of (await (await doc.getPage(p)).getTextContent()).items) {
      if (!('str' in it) || !it.str.trim()) continue;
      all.push({ str: norm(it.str), size: Math.hypot(it.transform[2] as number, it.transform[3] as number), x: it.transform[4] as number });
    }
  }
  await doc.destroy();
  return all;
}

describe('the two-way-flow posters of the coordination manual', () => {
  it('are printed from the profile list, in every size and language, with nothing that does not fit', () => {
    for (const n of NAMES) {
      expect(model.profile.posters?.find((p) => p.data === n)?.kind).toBe('two-way-flow');
      expect(files.filter((f) => f.startsWith(`${n}-`))).toEqual(VARIANTS.map((v) => `${n}-${v}.pdf`));
      expect(diagnostics.filter((d) => d.file === `data/${n}.yaml`)).toEqual([]);
    }
  });

  it.skipIf(missingTool('pdftotext'))('reads back every actor, topic, part and flow in English and in Arabic (Arabic-Indic digits)', () => {
    for (const n of NAMES) {
      for (const v of ['a3-en', 'a3-ar', 'a2-bilingual']) {
        const text = norm(spawnSync('pdftotext', [path.join(out, `${n}-${v}.pdf`), '-'], { encoding: 'utf8' }).stdout);
        const langs = v === 'a2-bilingual' ? ['ar', 'en'] : [v.slice(3)];
        for (const lang of langs) {
          const d = data(n);
          // Words, not whole texts: a wrapped cell's lines may be read back in another order
          // than written, and pdftotext sets Arabic punctuation apart from its word.
          const words = [d.first, d.second, ...d.rows.flatMap((r) => [r.topic, r.first, r.second, r.to_second, r.to_first])]
            .filter(Boolean).flatMap((t) => L(t, lang).split(/[\s:،,;/().]+/).filter(Boolean));
          const missing = words.filter((w) => !text.includes(w));
          expect(missing, `${n}-${v} (${lang})`).toEqual([]);
          // Rows are numbered in the language's digits.
          expect(text).toContain(lang === 'ar' ? '٤' : '4.');
        }
        if (v === 'a3-ar') expect(text, `${n}-${v}: Latin digits in the Arabic poster`).not.toMatch(/[0-9]/);
      }
    }
  });

  it('puts the first actor on the start side: left in English, right in Arabic', async () => {
    for (const n of NAMES) {
      for (const lang of ['en', 'ar']) {
        const all = await runs(`${n}-a3-${lang}.pdf`);
        const d = data(n);
        const xOf = (t: unknown) => {
          // A word of it found in one line of the poster only.
          const word = L(t, lang).split(' ').find((w) => all.filter((r) => r.str.includes(w)).length === 1);
          expect(word, L(t, lang)).toBeDefined();
          return all.find((r) => r.str.includes(word!))!.x;
        };
        const [a, b] = [xOf(d.rows[0]!.first), xOf(d.rows[0]!.second)];
        expect(lang === 'ar' ? a > b : a < b, `${n} ${lang}: first at ${a.toFixed(0)}, second at ${b.toFixed(0)}`).toBe(true);
      }
    }
  }, 120_000);

  it.each(NAMES.flatMap((n) => VARIANTS.map((v) => `${n}-${v}.pdf`)))('%s: every line is at least the poster minimum', async (file) => {
    const all = await runs(file);
    expect(all.length).toBeGreaterThan(20);
    const smallest = Math.min(...all.map((r) => r.size));
    expect(smallest, `${file}: smallest text ${smallest.toFixed(2)} pt`).toBeGreaterThanOrEqual(MIN_SIZE.poster - 0.01);
  }, 120_000);
});
