/**
 * The coordination manual's complaints-and-appeals card is a `contact-card` poster of its
 * profile: the card's own headings and band colour come from its data file, so nothing
 * on it says "Act now if" or "Emergency contacts (24/7)" (the CPCM card keeps that
 * wording by default: the CPCM example's outputs are byte-identical). Its pocket guide
 * gathers the referral loop and the card, as the profile's `pocket_guide:` says.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { composePosters } from '../../src/posters/build.js';
import { renderScene } from '../../src/posters/render.js';
import { label } from '../../src/i18n/index.js';
import { missingTool } from '../helpers/tools.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/examples/coordination-manual/', import.meta.url));

let out: string;
let composed: Awaited<ReturnType<typeof composePosters>>;

beforeAll(async () => {
  composed = await composePosters((await loadSop(EXAMPLE)).model);
  out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-card-'));
}, 300_000);

afterAll(() => rm(out, { recursive: true, force: true }));

async function text(file: string): Promise<string> {
  const s = composed.scenes.find((x) => x.file === file)!;
  const p = path.join(out, file);
  await writeFile(p, await renderScene(s.scene, { title: s.scene.title, lang: s.scene.lang, date: '2026-11-20', version: '1.0', subject: 'card' }));
  return spawnSync('pdftotext', [p, '-'], { encoding: 'utf8' }).stdout.replace(/[\u202A-\u202E]/g, '').replace(/\s+/g, ' ');
}

describe('the coordination contact card and pocket guide', () => {
  it('prints the card (both sides, 4-up) and the pocket guide in both languages, with nothing that does not fit', () => {
    const files = composed.scenes.map((s) => s.file);
    for (const lang of ['ar', 'en']) {
      expect(files).toContain(`grievance-card-a6-${lang}.pdf`);
      expect(files).toContain(`grievance-card-4up-a4-${lang}.pdf`);
      expect(files).toContain(`pocket-guide-a4-${lang}.pdf`);
    }
    expect(composed.diagnostics).toEqual([]);
  });

  it.skipIf(missingTool('pdftotext'))('uses the card’s own headings, never the urgent-action wording', async () => {
    const want = { en: ['Call or visit us if', 'What to do', 'Contacts', 'Grievance hotline (free)', '1550'], ar: ['اتصل بنا أو راجعنا إذا', 'ماذا تفعل', 'جهات الاتصال', '1550'] };
    for (const lang of ['en', 'ar'] as const) {
      const t = await text(`grievance-card-a6-${lang}.pdf`);
      for (const w of want[lang]) expect(t, `${lang}: ${w}`).toContain(w);
      for (const key of ['actNow', 'actions', 'contacts']) expect(t, `${lang}: ${key}`).not.toContain(label(key, lang));
    }
  });

  it.skipIf(missingTool('pdftotext'))('the pocket guide holds the referral loop and the card, and the card’s contacts on its back cover', async () => {
    const t = await text('pocket-guide-a4-en.pdf');
    for (const w of ['The referral and counter-referral loop', 'Complaints and appeals', 'Call or visit us if', 'Council Secretariat']) expect(t).toContain(w);
    expect(t).not.toContain(label('contacts', 'en'));
  });
});
