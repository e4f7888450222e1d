import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { missingTool } from '../helpers/tools.js';
import { ensureBuilt, ROOT, sopkit } from './cli.js';
import { filesUnder } from '../helpers/files.js';

// check and build of a whole bilingual SOP: node processes and the typesetter.
vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

/** The second example (issue 13): a coordination operational manual beside the CPCM SOP. */
const EXAMPLE = path.join(ROOT, 'sop-sources/examples/coordination-manual');

describe('the example coordination manual (sop-sources/examples/coordination-manual)', () => {
  it('checks with no problem at all (layout rules included)', () => {
    const r = sopkit(['check', EXAMPLE, '--today', '2026-11-25', '--format', 'json'], ROOT);
    const report = JSON.parse(r.stdout) as { diagnostics: unknown[] };
    expect(report.diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('builds PDFs, site and the organigram, referral-loop, Table 1, two-way-flow and card posters and the pocket guide; the service map has the four social-protection sectors', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'sopkit-coord-'));
    const r = sopkit(['build', EXAMPLE, '--quiet', '-o', out], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const built = await filesUnder(out);
    expect(built).toEqual(expect.arrayContaining(['pdf/sop-v1.0-ar.pdf', 'pdf/sop-v1.0-en.pdf', 'site/1.0/ar/index.html', 'site/1.0/en/index.html']));
    expect(built.filter((f) => f.startsWith('posters/')).map((f) => f.replace(/-a[23]-.*$/, '')).filter((v, i, a) => a.indexOf(v) === i)).toEqual([
      'posters/front-back-office',
      'posters/grievance-card-4up-a4-ar.pdf', 'posters/grievance-card-4up-a4-en.pdf', 'posters/grievance-card-a6-ar.pdf', 'posters/grievance-card-a6-en.pdf',
      'posters/information-flows', 'posters/organigram',
      'posters/pocket-guide-a4-ar.pdf', 'posters/pocket-guide-a4-en.pdf',
      'posters/referral-loop', 'posters/relationships',
    ]);
    const site = (await Promise.all(built.filter((f) => f.endsWith('.html')).map((f) => readFile(path.join(out, f), 'utf8')))).join('\n');
    for (const sector of ['Social assistance', 'Social insurance', 'Employment services', 'Civil registration', 'المساعدة الاجتماعية', 'التأمين الاجتماعي', 'خدمات التوظيف', 'التسجيل المدني']) {
      expect(site).toContain(sector);
    }
    expect(site).toMatch(/<table class="focal-points">[\s\S]*Karim Bishara[\s\S]*mailto:secretariat@msa\.example/);
    expect(site.replace(/<[^>]*>/g, ' ')).not.toMatch(/child[- ]protection|CPCM|حماية الطفل/i);
    if (missingTool('pdftotext')) return;
    // Table cells start with a zero-width space in pdftotext's output: left out here.
    const en = spawnSync('pdftotext', [path.join(out, 'pdf/sop-v1.0-en.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\u200b/g, '');
    expect(en).toContain('Context: Centralised delivery (a national agency)');
    expect(en).toContain('Republic of Marjan');
    expect(en).toContain('Hana Al-Sayegh');
    // The focal points named in sop.yaml, on the signature page (seed 000).
    expect(en).toMatch(/SOP focal point\s+Ministry of Social Affairs\s+Karim Bishara\s+Coordinator of the Council Secretariat\s+\+999 21 550 190/);
    expect(en).toMatch(/National Employment Agency\s+Tariq Salem\s+\+999 21 770 310/);
    expect(en).not.toMatch(/child[- ]protection|CPCM|Protracted|Emergency/i);
  });
});
