import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { baseFiles, MINI_PROFILE, writeFixture } from '../check/fixture.js';
import { missingTool } from '../helpers/tools.js';
import { ensureBuilt, sopkit } from './cli.js';
import { filesUnder } from '../helpers/files.js';

// init, check (with its layout rules) and build of a whole SOP: several node processes.
vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

interface Report { diagnostics: { rule: string; severity: string; file: string; message: string }[]; summary: { errors: number } }

describe('sopkit profiles and init --profile', () => {
  it('lists the shipped profiles with their titles, as a command and as init --list-profiles', async () => {
    const repo = await writeFixture({});
    const r = sopkit(['profiles'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^coordination-manual +Operational manual of a social-protection coordination mechanism \| الدليل التشغيلي لآلية تنسيق الحماية الاجتماعية$/m);
    expect(r.stdout).toMatch(/^cpcm-interagency +Inter-agency CPCM SOP \(minimum components\)/m);
    expect(sopkit(['init', '--list-profiles'], repo).stdout).toBe(r.stdout);
  });

  it('profiles DIR lists the SOP folder\'s own profiles first; a broken one is an error at file:line:column with a hint, exit 2', async () => {
    const repo = await writeFixture(Object.fromEntries(Object.entries(baseFiles()).map(([f, t]) => [`sop/${f}`, t])));
    const r = sopkit(['profiles', 'sop'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^mini +Mini checklist\n {4}from +sop\/profiles\/mini\.yaml \(sop\.yaml uses it\)\n {4}contexts +emergency, protracted, development\n {4}components +\d+\n {4}posters +.*\(the default list: the profile has no posters:\)\n/);
    expect(r.stdout).toMatch(/^coordination-manual +.*\n {4}from +shipped\n/m);
    // --dir is the same; run inside the SOP folder, the argument can be left out.
    expect(sopkit(['profiles', '--dir', 'sop'], repo).stdout).toBe(r.stdout);
    expect(sopkit(['profiles'], path.join(repo, 'sop')).stdout).toBe(r.stdout.replace(/sop\/profiles\//g, 'profiles/'));

    await writeFile(path.join(repo, 'sop/profiles/mini.yaml'), MINI_PROFILE.replace(/^title:/m, 'titel:'));
    const broken = sopkit(['profiles', 'sop'], repo);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^sop\/profiles\/mini\.yaml:1:1 +error +profile mini: the key "title" is missing .*\n +hint: Add a line "title: …"/);
    // A file whose id is not its name: every message would name a profile nobody can find.
    await writeFile(path.join(repo, 'sop/profiles/mini.yaml'), MINI_PROFILE.replace(/^id: mini$/m, 'id: tiny'));
    expect(sopkit(['profiles', 'sop'], repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^sop\/profiles\/mini\.yaml:1:5 +error +profiles\/mini\.yaml says id: tiny, but its file name makes it profile "mini".*\n +hint: /) });
    expect(sopkit(['profiles', 'nope'], repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/the folder "nope" does not exist/) });
  });

  it('refuses an unknown profile, and a context the profile does not have, with exit 2 and nothing written', async () => {
    const repo = await writeFixture({});
    expect(sopkit(['init', 'x', '--profile', 'nope'], repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--profile must be one of coordination-manual, cpcm-interagency, not "nope"/) });
    expect(sopkit(['init', 'x', '--profile', 'coordination-manual', '--context', 'emergency'], repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--context must be one of centralised, decentralised/) });
    expect(await readdir(repo)).toEqual([]);
  });

  it('init --profile coordination-manual scaffolds only its own files; check finds only placeholders, then 0 errors; build prints its title and context', async () => {
    const repo = await writeFixture({});
    const init = sopkit(['init', 'manual', '--profile', 'coordination-manual', '--languages', 'ar,en', '--date', '2026-11-20'], repo);
    expect(init.code, init.stderr).toBe(0);
    const dir = path.join(repo, 'manual');
    const files = await filesUnder(dir);
    // Its data files and annex, none of the CPCM ones.
    expect(files.filter((f) => f.startsWith('data/'))).toEqual(['data/organigram.yaml', 'data/referral-loop.yaml', 'data/relationships.yaml', 'data/services.yaml']);
    expect(files.filter((f) => f.startsWith('annexes/'))).toEqual(['annexes/ar/01-terms-of-reference.md', 'annexes/en/01-terms-of-reference.md']);
    expect(files.filter((f) => f.startsWith('sections/en/'))).toHaveLength(15);
    const sop = await readFile(path.join(dir, 'sop.yaml'), 'utf8');
    expect(sop).toMatch(/^profile: coordination-manual$/m);
    expect(sop).toMatch(/^context: centralised$/m);

    // Fresh: only placeholders (no rule error caused by the scaffold itself).
    const fresh = sopkit(['check', 'manual', '--today', '2026-11-25', '--format', 'json'], repo);
    const freshReport = JSON.parse(fresh.stdout) as Report;
    expect([...new Set(freshReport.diagnostics.map((d) => d.rule))]).toEqual(['component-placeholder']);

    // With every placeholder written over, the whole check (layout rules included) has no error.
    for (const f of files.filter((x) => /\.(md|ya?ml)$/.test(x))) {
      const p = path.join(dir, f);
      await writeFile(p, (await readFile(p, 'utf8')).replace(/TODO\(sopkit\) ?/g, ''));
    }
    const written = sopkit(['check', 'manual', '--today', '2026-11-25', '--format', 'json'], repo);
    const report = JSON.parse(written.stdout) as Report;
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(written.code).toBe(0);

    const build = sopkit(['build', 'manual', '--quiet'], repo);
    expect(build.code, build.stderr).toBe(0);
    const dist = path.join(dir, 'dist');
    const built = await filesUnder(dist);
    expect(built).toEqual(expect.arrayContaining(['pdf/sop-v0.1-ar.pdf', 'pdf/sop-v0.1-en.pdf', 'site/index.html', 'site/0.1/en/index.html', 'site/0.1/ar/index.html']));

    // Its own posters (the organigram, the referral loop, Table 1): generic kinds its profile lists; no CPCM poster.
    // The pocket guide is the profile's too (`pocket_guide:`): the referral loop (no complaints card scaffolded).
    expect(built.filter((f) => f.startsWith('posters/'))).toEqual([
      'posters/organigram-a2-ar.pdf', 'posters/organigram-a2-bilingual.pdf', 'posters/organigram-a2-en.pdf', 'posters/organigram-a3-ar.pdf', 'posters/organigram-a3-en.pdf',
      'posters/pocket-guide-a4-ar.pdf', 'posters/pocket-guide-a4-en.pdf',
      'posters/referral-loop-a2-ar.pdf', 'posters/referral-loop-a2-bilingual.pdf', 'posters/referral-loop-a2-en.pdf', 'posters/referral-loop-a3-ar.pdf', 'posters/referral-loop-a3-en.pdf',
      'posters/relationships-a2-ar.pdf', 'posters/relationships-a2-en.pdf', 'posters/relationships-a3-ar.pdf', 'posters/relationships-a3-en.pdf',
    ]);
    const html = await readFile(path.join(dist, 'site/0.1/en/index.html'), 'utf8');
    expect(html).toContain('Operational manual of the social-protection coordination mechanism');
    // The context, in the profile's words, under the title (as on the PDF cover).
    expect(html).toContain('<p class="sop-context">Context: Centralised delivery (a national agency)</p>');
    expect(await readFile(path.join(dist, 'site/0.1/ar/index.html'), 'utf8')).toContain('<p class="sop-context">السياق: تنفيذ مركزي (من خلال وكالة وطنية)</p>');
    // The organigram (an SVG drawn from data/organigram.yaml) and Table 1 (data/relationships.yaml).
    expect(html).toMatch(/<svg[^>]*>[\s\S]*National social protection council/);
    expect(html).toMatch(/<table class="data-table">[\s\S]*Networking[\s\S]*Integration[\s\S]*Requires moderate time and trust/);
    expect(html).not.toMatch(/child protection|CPCM|Protracted crisis/i);

    if (missingTool('pdftotext')) return;
    const text = (f: string) => spawnSync('pdftotext', [path.join(dist, 'pdf', f), '-'], { encoding: 'utf8' }).stdout;
    const en = text('sop-v0.1-en.pdf');
    expect(en).toContain('Context: Centralised delivery (a national agency)');
    expect(en).toContain('Operational manual of the social-');
    expect(en).not.toMatch(/child protection|CPCM|Emergency|Protracted/i);
    const ar = text('sop-v0.1-ar.pdf');
    expect(ar).toContain('تنفيذ مركزي (من خلال وكالة وطنية)');
    // Nothing on any page, PDF or poster or site page, names CPCM, child protection or a
    // CPCM context, in English or Arabic. (Case management is the module's own term for
    // the social-protection referral system, §6-1-2: component 13 uses it.)
    const CPCM_EN = /child[- ]protection|CPCM|Emergency|Protracted/i;
    const CPCM_AR = /حماية الطفل|حماية الأطفال|طوارئ|الطوارئ|أزمة طويلة الأمد/;
    for (const f of built.filter((x) => x.endsWith('.pdf'))) {
      const t = spawnSync('pdftotext', [path.join(dist, f), '-'], { encoding: 'utf8' }).stdout;
      expect(t.length, f).toBeGreaterThan(100);
      expect(t, f).not.toMatch(CPCM_EN);
      expect(t, f).not.toMatch(CPCM_AR);
    }
    for (const f of built.filter((x) => x.endsWith('.html'))) {
      const t = (await readFile(path.join(dist, f), 'utf8')).replace(/<[^>]*>/g, ' ');
      expect(t, f).not.toMatch(CPCM_EN);
      expect(t, f).not.toMatch(CPCM_AR);
    }
    const poster = spawnSync('pdftotext', [path.join(dist, 'posters/relationships-a3-en.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(poster).toContain('Graded relationships');
    expect(poster).toContain('Requires moderate time and trust');
  });

  it('sopkit review asks the profile\'s own questions (--answer id=yes|no); an answer that calls for it brings the revision forward', async () => {
    const repo = await writeFixture({});
    expect(sopkit(['init', 'manual', '--profile', 'coordination-manual', '--languages', 'en', '--date', '2026-11-20'], repo).code).toBe(0);
    const review = (...answers: string[]) => sopkit(['review', 'manual', '--date', '2026-11-21', '--today', '2026-11-25', ...answers.flatMap((a) => ['--answer', a])], repo);
    expect(review('structures_working=yes')).toMatchObject({ code: 2, stderr: expect.stringMatching(/mandates_changed, flows_working are not answered/) });
    expect(review('structures_working=yes', 'mandates_changed=yes', 'flows_working=yes', 'objectives_met=yes')).toMatchObject({ code: 2, stderr: expect.stringMatching(/the profile has no review question "objectives_met"/) });
    const ok = review('structures_working=yes', 'mandates_changed=yes', 'flows_working=yes');
    expect(ok.code, ok.stderr).toBe(0);
    expect(await readFile(path.join(repo, 'manual/sop.yaml'), 'utf8')).toMatch(/- date: 2026-11-21\n {6}structures_working: true\n {6}mandates_changed: true\n {6}flows_working: true\n/);
    const r = sopkit(['check', 'manual', '--today', '2026-11-25', '--no-layout', '--format', 'json'], repo);
    const early = (JSON.parse(r.stdout) as Report).diagnostics.filter((d) => d.rule === 'review-early');
    expect(early.map((d) => d.message)).toEqual(['the review of 2026-11-21 answered "Have mandates, members or programmes changed? yes": revise the SOP now, not at the next scheduled review (sop.yaml date 2026-11-20 is not after it)']);
  });
});
