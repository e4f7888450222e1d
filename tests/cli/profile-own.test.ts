import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFixture } from '../check/fixture.js';
import { missingTool } from '../helpers/tools.js';
import { ensureBuilt, sopkit } from './cli.js';
import { filesUnder } from '../helpers/files.js';

// init, check and build of a whole SOP of a family sopkit has never seen: several node processes.
vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

interface Report { diagnostics: { rule: string; severity: string; file: string; line?: number; message: string }[] }

/**
 * Issue 13, done-when 2: a profile a user writes from scratch (five components, two
 * contexts of its own, a required topic), with no code change: init copies it into the
 * SOP folder, check enforces it at file:line, build prints it.
 */
const PROFILE = `id: school-meals
title: { en: School-meals delivery SOP, ar: إجراءات تشغيل التغذية المدرسية }
placeholder_marker: "TODO(sopkit)"
contexts:
  rural: { en: Rural districts, ar: المناطق الريفية }
  urban: { en: Urban districts, ar: المناطق الحضرية }
required:
  rural: [1, 3, 4]
  urban: all
review:
  interval_months: 12
topics:
  - id: food-safety
    title: { en: Food safety, ar: سلامة الغذاء }
    keywords: { en: [food safety, hygiene], ar: [سلامة الغذاء, النظافة] }
components:
  - n: 1
    id: purpose
    title: { en: Purpose and scope, ar: الغرض والنطاق }
  - n: 2
    id: roles
    title: { en: Roles of schools and suppliers, ar: أدوار المدارس والموردين }
  - n: 3
    id: delivery
    title: { en: Delivery procedure, ar: إجراءات التوريد }
    steps:
      - id: ordering
        title: { en: Ordering, ar: الطلب }
        keywords: { en: [ordering], ar: [الطلب] }
      - id: receipt
        title: { en: Receipt and storage, ar: الاستلام والتخزين }
        keywords: { en: [receipt], ar: [الاستلام] }
  - n: 4
    id: sign-off
    generated: signatures
    title: { en: Sign-off, ar: التوقيعات }
  - n: 5
    id: forms
    annex_container: true
    title: { en: Forms, ar: النماذج }
`;

function check(repo: string): Report & { code: number | null } {
  const r = sopkit(['check', 'meals', '--today', '2026-11-25', '--format', 'json'], repo);
  return { ...(JSON.parse(r.stdout) as Report), code: r.code };
}

/** The same family with init templates of its own, in a folder beside the profile file. */
const WITH_TEMPLATES = `${PROFILE}init:
  templates: meals-templates
`;
const TEMPLATES: Record<string, string> = {
  'family/school-meals.yaml': WITH_TEMPLATES,
  // Purpose: its own text in both languages.
  'family/meals-templates/sections/en/purpose.md': '## Why schools serve meals\n\nThe meals programme feeds every pupil once a school day. TODO(sopkit) Name the districts.\n',
  'family/meals-templates/sections/ar/purpose.md': '## لماذا تقدم المدارس الوجبات\n\nيقدم برنامج التغذية وجبة لكل تلميذ في كل يوم دراسي. TODO(sopkit) سمّ المناطق.\n',
  // Delivery, English only: its steps repeat through {{#steps}}; Arabic falls back to the generic template.
  'family/meals-templates/sections/en/delivery.md': '## {{n}}. {{title}}\n\nTrucks unload before the first lesson.\n\n{{#steps}}\n### {{step_title}}\n\nTODO(sopkit) Who does it, and by when.\n\n{{/steps}}\n',
  'family/meals-templates/data/services.yaml': '# TODO(sopkit) the suppliers\nlast_verified: {{date}}\nsectors:\n  food: { en: Food supply, ar: توريد الغذاء }\nservices:\n  - id: bakery\n    sector: food\n    agency: lead-agency\n    name: { en: District bakery, ar: مخبز المنطقة }\n    location: { en: "TODO(sopkit) address", ar: "TODO(sopkit) العنوان" }\n    contact: { phone: "+000 000 0000" }\n',
  'family/meals-templates/annexes/en/01-menu.md': '---\nannex: 1\nkind: menu\ntitle: Weekly menu\n---\n\n## Weekly menu\n\nLentil soup on Mondays. TODO(sopkit) the other days.\n',
  'family/meals-templates/annexes/ar/01-menu.md': '---\nannex: 1\nkind: menu\ntitle: قائمة الطعام الأسبوعية\n---\n\n## قائمة الطعام الأسبوعية\n\nشوربة العدس يوم الاثنين. TODO(sopkit) باقي الأيام.\n',
};

/** Every placeholder of the scaffold written over (the profile file left as it is). */
async function writeOverPlaceholders(dir: string, files: string[]): Promise<void> {
  for (const f of files.filter((x) => /\.(md|ya?ml)$/.test(x) && !x.startsWith('profiles/'))) {
    const p = path.join(dir, f);
    await writeFile(p, (await readFile(p, 'utf8')).replace(/TODO\(sopkit\) ?/g, ''));
  }
}

describe('a profile written by a user, in the SOP folder', () => {
  it('refuses a profile file with a schema error, at its line, and writes nothing', async () => {
    const repo = await writeFixture({ 'bad.yaml': PROFILE.replace('  rural: [1, 3, 4]', '  rural: one') });
    const r = sopkit(['init', 'meals', '--profile', './bad.yaml'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:8:\d+/);
    expect(await readdir(repo)).toEqual(['bad.yaml']);
  });

  it('init --profile PATH, check (placeholders, then a missing component and topic at file:line), build', async () => {
    const repo = await writeFixture({ 'school-meals.yaml': PROFILE });
    const init = sopkit(['init', 'meals', '--profile', './school-meals.yaml', '--languages', 'ar,en', '--context', 'urban', '--date', '2026-11-20'], repo);
    expect(init.code, init.stderr).toBe(0);
    const dir = path.join(repo, 'meals');
    const files = (await filesUnder(dir)).filter((f) => !f.startsWith('.sopkit/'));
    expect(files).toEqual([
      '.gitignore', 'profiles/school-meals.yaml',
      'sections/ar/01-purpose.md', 'sections/ar/02-roles.md', 'sections/ar/03-delivery.md', 'sections/ar/04-sign-off.md', 'sections/ar/05-forms.md',
      'sections/en/01-purpose.md', 'sections/en/02-roles.md', 'sections/en/03-delivery.md', 'sections/en/04-sign-off.md', 'sections/en/05-forms.md',
      'sop.yaml',
    ]);
    expect(await readFile(path.join(dir, 'profiles/school-meals.yaml'), 'utf8')).toBe(PROFILE);
    const sop = await readFile(path.join(dir, 'sop.yaml'), 'utf8');
    expect(sop).toMatch(/^profile: school-meals$/m);
    expect(sop).toMatch(/^context: urban$/m);
    expect(sop).toMatch(/^ {2}interval_months: 12$/m);

    // Fresh: only placeholders.
    expect([...new Set(check(repo).diagnostics.map((d) => d.rule))]).toEqual(['component-placeholder']);

    // Every placeholder written over: no error at all.
    await writeOverPlaceholders(dir, files);
    const clean = check(repo);
    expect(clean.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(clean.code).toBe(0);

    // Build: both PDFs (the cover names the profile's context) and the site.
    const build = sopkit(['build', 'meals', '--quiet'], repo);
    expect(build.code, build.stderr).toBe(0);
    const built = await filesUnder(path.join(dir, 'dist'));
    expect(built).toEqual(expect.arrayContaining(['pdf/sop-v0.1-ar.pdf', 'pdf/sop-v0.1-en.pdf', 'site/0.1/ar/index.html', 'site/0.1/en/index.html']));
    const html = await readFile(path.join(dir, 'dist/site/0.1/en/index.html'), 'utf8');
    expect(html).toContain('School-meals delivery SOP');
    expect(html).toContain('Receipt and storage');
    if (!missingTool('pdftotext')) {
      const en = spawnSync('pdftotext', [path.join(dir, 'dist/pdf/sop-v0.1-en.pdf'), '-'], { encoding: 'utf8' }).stdout;
      expect(en).toContain('Context: Urban districts');
      expect(en).toContain('Food safety');
      expect(en).not.toMatch(/child protection|CPCM|Protracted|Emergency/i);
    }

    // A required component removed (urban requires all five) and the topic's heading renamed.
    await rm(path.join(dir, 'sections/ar/02-roles.md'));
    await rm(path.join(dir, 'sections/en/02-roles.md'));
    const delivery = path.join(dir, 'sections/ar/03-delivery.md');
    await writeFile(delivery, (await readFile(delivery, 'utf8')).replace('### سلامة الغذاء', '### ملاحظات'));
    const broken = check(repo);
    expect(broken.code).toBe(1);
    const errors = broken.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.rule, d.file, d.line, d.message])).toEqual([
      ['component-missing', 'sop.yaml', 11, 'component 2 (Roles of schools and suppliers) is missing in ar'],
      ['component-missing', 'sop.yaml', 11, 'component 2 (Roles of schools and suppliers) is missing in en'],
      ['topic-missing', 'sop.yaml', 12, 'the ar SOP does not cover the topic "Food safety": no heading contains "سلامة الغذاء" or "النظافة"'],
    ]);
    // In the rural context, component 2 is not required: only the topic remains.
    await writeFile(path.join(dir, 'sop.yaml'), (await readFile(path.join(dir, 'sop.yaml'), 'utf8')).replace('context: urban', 'context: rural'));
    expect(check(repo).diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['topic-missing']);
  });

  it('brings its own init templates (sections, data, annex) from a folder beside it; profiles --dir lists it; check and build use them', async () => {
    const repo = await writeFixture(TEMPLATES);
    const init = sopkit(['init', 'meals', '--profile', 'family/school-meals.yaml', '--languages', 'ar,en', '--context', 'urban', '--date', '2026-11-20'], repo);
    expect(init.code, init.stderr).toBe(0);
    const dir = path.join(repo, 'meals');
    const files = (await filesUnder(dir)).filter((f) => !f.startsWith('.sopkit/'));
    expect(files.filter((f) => f.startsWith('data/') || f.startsWith('annexes/'))).toEqual(['annexes/ar/01-menu.md', 'annexes/en/01-menu.md', 'data/services.yaml']);
    const read = (f: string) => readFile(path.join(dir, f), 'utf8');
    expect(await read('sections/en/01-purpose.md')).toContain('The meals programme feeds every pupil once a school day.');
    expect(await read('sections/ar/01-purpose.md')).toContain('يقدم برنامج التغذية وجبة لكل تلميذ');
    // Its own delivery template, steps expanded; the Arabic one (no template) is the generic scaffold with the steps too.
    const delivery = await read('sections/en/03-delivery.md');
    expect(delivery).toContain('## 3. Delivery procedure\n\nTrucks unload before the first lesson.\n\n### Ordering\n');
    expect(delivery).toContain('### Receipt and storage\n');
    expect(await read('sections/ar/03-delivery.md')).toMatch(/### الطلب\n[\s\S]*### الاستلام والتخزين\n/);
    // Components without a template of their own: the generic scaffold.
    expect(await read('sections/en/02-roles.md')).toContain('TODO(sopkit) Write component 2 (Roles of schools and suppliers) here');
    expect(await read('data/services.yaml')).toContain('last_verified: 2026-11-20');

    // The SOP folder's own profile, listed first, with where it comes from and what it holds.
    const listed = sopkit(['profiles', '--dir', 'meals'], repo);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^school-meals +School-meals delivery SOP \| إجراءات تشغيل التغذية المدرسية\n {4}from +meals\/profiles\/school-meals\.yaml \(sop\.yaml uses it\)\n {4}contexts +rural \(Rural districts \| المناطق الريفية\), urban \(Urban districts \| المناطق الحضرية\)\n {4}components +5\n/);
    expect(listed.stdout).toMatch(/^cpcm-interagency +.*\n {4}from +shipped\n/m);

    // Fresh: only placeholders.
    expect([...new Set(check(repo).diagnostics.map((d) => d.rule))]).toEqual(['component-placeholder']);
    await writeOverPlaceholders(dir, files);
    const clean = check(repo);
    expect(clean.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const build = sopkit(['build', 'meals', '--quiet'], repo);
    expect(build.code, build.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'dist/site/0.1/en/index.html'), 'utf8');
    expect(html).toContain('The meals programme feeds every pupil once a school day.');
    expect(html).toContain('Trucks unload before the first lesson.');
    expect(html).toContain('Lentil soup on Mondays.');
    expect(await readFile(path.join(dir, 'dist/site/0.1/ar/index.html'), 'utf8')).toContain('يقدم برنامج التغذية وجبة لكل تلميذ');
    if (!missingTool('pdftotext')) {
      const en = spawnSync('pdftotext', [path.join(dir, 'dist/pdf/sop-v0.1-en.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      expect(en).toContain('The meals programme feeds every pupil once a school day.');
      expect(en).toContain('Context: Urban districts');
      // The annex template, as its own PDF.
      expect(spawnSync('pdftotext', [path.join(dir, 'dist/pdf/annex-1-v0.1-en.pdf'), '-'], { encoding: 'utf8' }).stdout).toContain('Lentil soup on Mondays.');
    }

    // A required component and the topic's heading gone: errors at file:line.
    await rm(path.join(dir, 'sections/en/01-purpose.md'));
    await rm(path.join(dir, 'sections/ar/01-purpose.md'));
    const ar = path.join(dir, 'sections/ar/03-delivery.md');
    await writeFile(ar, (await readFile(ar, 'utf8')).replace('### سلامة الغذاء', '### ملاحظات'));
    const broken = check(repo);
    expect(broken.code).toBe(1);
    expect(broken.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, d.file, d.line])).toEqual([
      ['component-missing', 'sop.yaml', 11],
      ['component-missing', 'sop.yaml', 11],
      ['topic-missing', 'sop.yaml', 12],
    ]);
  });

  it('refuses templates outside the profile\'s folder, and a template that names no component, writing nothing', async () => {
    const up = await writeFixture({ ...TEMPLATES, 'family/school-meals.yaml': WITH_TEMPLATES.replace('templates: meals-templates', 'templates: ../elsewhere'), 'elsewhere/sections/en/purpose.md': 'x\n' });
    const r = sopkit(['init', 'meals', '--profile', 'family/school-meals.yaml'], up);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^family\/school-meals\.yaml:\d+:14 +error +the templates folder "\.\.\/elsewhere" \(init\.templates\) is not inside the folder of family\/school-meals\.yaml/m);
    expect(r.stderr).toMatch(/hint: /);
    const typo = await writeFixture({ ...TEMPLATES, 'family/meals-templates/sections/en/purpse.md': 'x\n' });
    const t = sopkit(['init', 'meals', '--profile', 'family/school-meals.yaml'], typo);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('the template family/meals-templates/sections/en/purpse.md names no component of profile school-meals');
    expect(await readdir(up)).toEqual(['elsewhere', 'family']);
    expect(await readdir(typo)).toEqual(['family']);
  });
});
