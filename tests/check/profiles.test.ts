import { describe, expect, it } from 'vitest';
import { hasKeyword } from '../../src/check/keywords.js';
import { groupComponents } from '../../src/document/components.js';
import { contextName } from '../../src/i18n/context-name.js';
import { loadSop, type Profile } from '../../src/model/index.js';
import { componentBlocks } from '../../src/site/index.js';
import { baseFiles, check, checkRule, manifest, MINI_PROFILE, section, synced, writeFixture, type Files } from './fixture.js';

/**
 * What a profile carries instead of code (issue 13): its contexts, the roles of its
 * components, page limits, review interval and questions, service sectors, and keywords
 * matched as whole words.
 */

/** The mini profile with its `required` replaced by two contexts of its own. */
function twoContexts(profile = MINI_PROFILE): string {
  return profile
    .replace(/required:\n(  .*\n)+/, 'contexts:\n  field: { en: Field office, ar: مكتب ميداني }\n  capital: { en: Capital }\nrequired:\n  field: [1, 2]\n  capital: all\n')
    .replace(/page_limits: .*\n/, '');
}

describe('contexts belong to the profile', () => {
  it('accepts a context the profile lists, though no other profile knows it', async () => {
    const files = synced({ ...baseFiles(), 'profiles/mini.yaml': twoContexts(), 'sop.yaml': manifest({ context: 'field' }) });
    const d = await check(files);
    expect(d.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('refuses a context the profile does not list, at its line, with the profile\'s list', async () => {
    const dir = await writeFixture({ ...baseFiles(), 'profiles/mini.yaml': twoContexts(), 'sop.yaml': manifest({ context: 'emergency' }) });
    const err = await loadSop(dir).then(() => undefined, (e: { diagnostics: { message: string; line?: number; file?: string }[] }) => e);
    expect(err?.diagnostics[0]).toMatchObject({ file: 'sop.yaml', line: 7, message: 'sop.yaml: context must be one of field, capital, not "emergency"' });
  });

  it('prints the profile\'s label, in the page language, else another', () => {
    const p = { contexts: { field: { en: 'Field office', ar: 'مكتب ميداني' }, capital: { en: 'Capital' } } };
    expect(contextName(p, 'field', 'ar')).toBe('مكتب ميداني');
    expect(contextName(p, 'field', 'en')).toBe('Field office');
    expect(contextName(p, 'capital', 'ar', ['en'])).toBe('Capital');
    // A profile without labels keeps sopkit's catalogue (older SOP-folder profiles).
    expect(contextName({}, 'protracted', 'en')).toBe('Protracted crisis');
  });
});

describe('a broken profile in the SOP folder', () => {
  const loadError = async (profile: string) => {
    const dir = await writeFixture(synced({ ...baseFiles(), 'profiles/mini.yaml': profile }));
    return loadSop(dir).then(() => undefined, (e: { diagnostics: { message: string; line?: number; column?: number; hint?: string }[] }) => e.diagnostics[0]);
  };

  it('a context\'s required list that is neither "all" nor a list: one message naming both forms, at its value, with a hint', async () => {
    expect(await loadError(MINI_PROFILE.replace('protracted: all', 'protracted: every'))).toMatchObject({
      line: 6, column: 15, message: 'profile mini: required.protracted must be "all" or a list (lines starting with "- "), not "every"', hint: 'Write "all" or a list (lines starting with "- ") here.',
    });
    // A list with a bad item: the item is the problem, not the list.
    expect(await loadError(MINI_PROFILE.replace('protracted: all', 'protracted: [1, x]'))).toMatchObject({ line: 6, column: 19, message: 'profile mini: required.protracted[2] must be a whole number, not "x"' });
  });
});

describe('component roles are flags', () => {
  const signOff = (profile: string) => profile.replace('    id: signatures\n    generated: true', '    id: sign-off\n    generated: signatures');

  it('the signature page is the component flagged generated: signatures, whatever its id (PDF and site)', async () => {
    const dir = await writeFixture(synced({ ...baseFiles(), 'profiles/mini.yaml': signOff(MINI_PROFILE) }));
    const { model } = await loadSop(dir);
    const pdf = groupComponents(model, 'en').find((g) => g.id === 'sign-off');
    expect(pdf?.sections[0]?.body).toBe('::signatures\n');
    const site = componentBlocks(model, 'en').find((b) => b.id === 'sign-off');
    expect(site?.generated).toBe('signatures');
  });

  const attachments = (flag: string) => MINI_PROFILE.replace('emergency: [1, 2]', 'emergency: [1, 2, 5]') + `  - n: 5\n    id: attachments\n${flag}    title: { en: Attachments, ar: المرفقات }\n`;
  const annex = (lang: string) => `---\nannex: 1\ntitle: ${lang === 'ar' ? 'نموذج' : 'Form'}\n---\n\n${lang === 'ar' ? 'نص النموذج.' : 'The form.'}\n`;

  it('annex files satisfy the component flagged annex_container, and only that one', async () => {
    const files = (flag: string): Files => synced({ ...baseFiles(), 'profiles/mini.yaml': attachments(flag), 'annexes/ar/01-form.md': annex('ar'), 'annexes/en/01-form.md': annex('en') });
    expect(await checkRule('component-missing', files('    annex_container: true\n'))).toEqual([]);
    expect((await checkRule('component-missing', files(''))).map((d) => d.message)).toEqual([
      'component 5 (Attachments) is missing in ar',
      'component 5 (Attachments) is missing in en',
    ]);
  });
});

describe('page limits and review come from the profile', () => {
  it('a profile without page limits has no page budget', async () => {
    const files = synced({ ...baseFiles(), 'profiles/mini.yaml': twoContexts(), 'sop.yaml': manifest({ context: 'field' }) });
    expect(await checkRule('page-budget', files, { countBodyPages: async () => 500 })).toEqual([]);
    // The mini profile's own limits (30, hard 60 in emergency) still apply to it.
    const own = await checkRule('page-budget', synced(baseFiles()), { countBodyPages: async () => 500 });
    expect(own.map((d) => d.severity)).toEqual(['error', 'error']);
  });

  const noInterval = (files: Files) => ({ ...files, 'sop.yaml': String(files['sop.yaml']).replace('  interval_months: 6\n', '') });

  it('the review interval is sop.yaml\'s, else the profile\'s, else not checked', async () => {
    const old = { last: '2026-01-10' };
    const yearly = MINI_PROFILE + 'review:\n  interval_months: 12\n  questions:\n    - { id: still_needed, text: { en: Is the mechanism still needed? } }\n';
    expect(await checkRule('review-overdue', noInterval(synced({ ...baseFiles(), 'sop.yaml': manifest(old), 'profiles/mini.yaml': yearly })))).toEqual([]);
    const quarterly = yearly.replace('interval_months: 12', 'interval_months: 3');
    const late = await checkRule('review-overdue', noInterval(synced({ ...baseFiles(), 'sop.yaml': manifest(old), 'profiles/mini.yaml': quarterly })));
    expect(late.map((d) => d.message)).toEqual(['the review is overdue: last review 2026-01-10 + 3 months = due 2026-04-10, and today is 2026-11-25']);
    expect(late[0]!.hint).toContain('(answer: Is the mechanism still needed?)');
    expect(await checkRule('review-overdue', noInterval(synced({ ...baseFiles(), 'sop.yaml': manifest(old) })))).toEqual([]);
  });
});

describe('service sectors come from the profile', () => {
  const services = (sector: string) => `last_verified: 2026-10-01\nservices:\n  - { id: s1, sector: ${sector}, agency: dsd, name: { en: Cash transfers }, location: { en: Capital }, contact: { phone: "+1 555 0100" } }\n`;
  const profile = MINI_PROFILE + 'service_sectors: [social-assistance, employment]\n';

  it('accepts the profile\'s sectors and refuses others at file:line', async () => {
    expect((await check(synced({ ...baseFiles(), 'profiles/mini.yaml': profile, 'data/services.yaml': services('social-assistance') }))).filter((d) => d.rule === 'schema')).toEqual([]);
    const bad = (await check(synced({ ...baseFiles(), 'profiles/mini.yaml': profile, 'data/services.yaml': services('cp') }))).filter((d) => d.rule === 'schema');
    expect(bad).toMatchObject([{ file: 'data/services.yaml', line: 3, message: 'data/services.yaml: services[1].sector must be one of social-assistance, employment, not "cp"' }]);
  });
});

describe('keywords match whole words', () => {
  it('Arabic: not inside a longer word; joined prefixes و ف ب ك ل and ال allowed', () => {
    expect(hasKeyword('دور البنك المركزي', ['المركز'], 'ar')).toBe(false);
    expect(hasKeyword('دور المركز', ['المركز'], 'ar')).toBe(true);
    expect(hasKeyword('الوزارة والمركز', ['المركز'], 'ar')).toBe(true);
    expect(hasKeyword('التبعية للمركز', ['المركز'], 'ar')).toBe(true);
    expect(hasKeyword('وبالمركز', ['المركز'], 'ar')).toBe(true);
    expect(hasKeyword('مركزية القرار', ['مركز'], 'ar')).toBe(false);
    expect(hasKeyword('والتنفيذ', ['تنفيذ'], 'ar')).toBe(true);
    expect(hasKeyword('لتنفيذ الخطة', ['تنفيذ'], 'ar')).toBe(true);
    expect(hasKeyword('إغلاق الحالة', ['اغلاق'], 'ar')).toBe(true);
  });

  it('English: not inside a longer word; hyphen and space alike', () => {
    expect(hasKeyword('Case planning', ['plan'], 'en')).toBe(false);
    expect(hasKeyword('The case plan', ['plan'], 'en')).toBe(true);
    expect(hasKeyword('Follow-up and review', ['follow up'], 'en')).toBe(true);
  });

  it('topic-missing: «المركز» is not found in «المركزي»; diacritics and alef forms are folded away', async () => {
    const profile = MINI_PROFILE + 'topics:\n  - id: centre\n    title: { en: The centre, ar: المركز }\n    keywords: { en: [centre], ar: [المركز] }\n';
    const files = (heading: string) => {
      const f = baseFiles();
      f['profiles/mini.yaml'] = profile;
      f['sections/ar/02-case-management-process.md'] = String(f['sections/ar/02-case-management-process.md']).replace(/\n## [^\n]*\n/, `\n## ${heading}\n`);
      f['sections/en/02-case-management-process.md'] = String(f['sections/en/02-case-management-process.md']).replace(/\n## [^\n]*\n/, '\n## The centre\n');
      return synced(f);
    };
    expect((await checkRule('topic-missing', files('دور البنك المركزي'))).map((d) => d.message)).toEqual(['the ar SOP does not cover the topic "The centre": no heading contains "المركز"']);
    expect(await checkRule('topic-missing', files('دَوْرُ المَرْكَز'))).toEqual([]);
    expect(await checkRule('topic-missing', files('دور ٱلمركز'))).toEqual([]);
  });

  it('component-steps no longer counts a keyword inside a longer word', async () => {
    const files = baseFiles();
    files['profiles/mini.yaml'] = MINI_PROFILE.replace('ar: [إغلاق, اغلاق]', 'ar: [المركز]');
    files['sections/ar/02-case-management-process.md'] = section({ component: 'case-management-process', title: 'عملية إدارة الحالة' }, '## التقييم\n\nنص.\n\n## دور البنك المركزي\n\nنص.\n');
    const d = await checkRule('component-steps', synced(files));
    expect(d.map((x) => x.message)).toEqual(['component 2 (The case management process) in ar does not cover the step "Case closure": no heading contains "المركز"']);
  });
});

/** Every shipped profile's step titles contain one of the step's keywords (so its scaffold passes component-steps). */
describe('shipped profiles', () => {
  it('each step title matches its own keywords in each language', async () => {
    const { loadProfile, shippedProfileIds } = await import('../../src/model/index.js');
    for (const id of await shippedProfileIds()) {
      const p: Profile = await loadProfile('', id, { shippedOnly: true });
      for (const c of p.components) {
        for (const s of c.steps ?? []) {
          for (const [lang, words] of Object.entries(s.keywords)) {
            expect(hasKeyword(s.title[lang] ?? '', words, lang), `${id} ${c.id} ${s.id} ${lang}`).toBe(true);
          }
        }
      }
      // Topics too: init writes each topic's title as its heading.
      for (const t of p.topics ?? []) {
        for (const [lang, words] of Object.entries(t.keywords)) {
          expect(hasKeyword(t.title[lang] ?? '', words, lang), `${id} topic ${t.id} ${lang}`).toBe(true);
        }
      }
    }
  });
});

/** Seed 000 asks of the CPCM profile (issue 13, item 4). */
describe('cpcm-interagency: what seed 000 asks', () => {
  it('60 pages only in a development context, 30 elsewhere', async () => {
    const { loadProfile } = await import('../../src/model/index.js');
    const p = await loadProfile('', 'cpcm-interagency', { shippedOnly: true });
    expect(p.page_limits).toEqual({ soft: 30, hard: { emergency: 30, protracted: 30, development: 60 } });
  });

  const services = (date: string) => `last_verified: ${date}\nservices:\n  - { id: s1, sector: cp, agency: dsd, name: { en: Case management }, location: { en: Capital }, contact: { phone: "+1 555 0100" } }\n`;

  it('a service map verified longer ago than the review interval is a warning at its last_verified line', async () => {
    // The fixture's sop.yaml reviews every 6 months; today is 2026-11-25.
    expect(await checkRule('services-stale', synced({ ...baseFiles(), 'data/services.yaml': services('2026-05-25') }))).toEqual([]);
    const stale = await checkRule('services-stale', synced({ ...baseFiles(), 'data/services.yaml': services('2026-05-24') }));
    expect(stale).toMatchObject([{ severity: 'warning', file: 'data/services.yaml', line: 1, message: 'data/services.yaml: the service map was last verified on 2026-05-24, more than 6 months (the review interval) before today (2026-11-25)' }]);
  });
});

describe('early review: an answer that calls for revising the SOP', () => {
  const questions = MINI_PROFILE + 'review:\n  questions:\n    - { id: objectives_met, early_review_if: false, text: { en: Are the objectives met? } }\n    - { id: context_changed, text: { en: Has the context changed? } }\n';
  // sop.yaml date is 2026-10-01 (the fixture's).
  const withHistory = (entries: string) => ({ ...synced({ ...baseFiles(), 'profiles/mini.yaml': questions }), 'sop.yaml': manifest().replace('  interval_months: 6\n', `  interval_months: 6\n  history:\n${entries}`) });

  it('warns at the latest such review when the SOP is not dated after it', async () => {
    const d = await checkRule('review-early', withHistory('    - { date: 2026-09-01, objectives_met: true, context_changed: false }\n    - { date: 2026-10-05, objectives_met: false, context_changed: true }\n'));
    expect(d).toMatchObject([{ severity: 'warning', file: 'sop.yaml', line: 15, message: 'the review of 2026-10-05 answered "Are the objectives met? no", "Has the context changed? yes": revise the SOP now, not at the next scheduled review (sop.yaml date 2026-10-01 is not after it)' }]);
  });

  it('is quiet when no answer calls for it, or the SOP was revised after the review', async () => {
    expect(await checkRule('review-early', withHistory('    - { date: 2026-09-01, objectives_met: true, context_changed: false }\n'))).toEqual([]);
    expect(await checkRule('review-early', withHistory('    - { date: 2026-09-01, objectives_met: true, context_changed: true }\n'))).toEqual([]);
  });

  it('records answers to any profile\'s questions (sop.yaml accepts their ids)', async () => {
    const { planReview } = await import('../../src/release/index.js');
    const plan = planReview(manifest(), { date: '2026-11-20', answers: { structures_working: true, flows_working: false } });
    expect(plan.text).toContain('  history:\n    - date: 2026-11-20\n      structures_working: true\n      flows_working: false\n');
    expect(await checkRule('schema', { ...synced(baseFiles()), 'sop.yaml': plan.text })).toEqual([]);
    // An answer is yes or no; notes stay text.
    const dir = await writeFixture({ ...synced(baseFiles()), 'sop.yaml': plan.text.replace('flows_working: false', 'flows_working: maybe') });
    const err = await loadSop(dir).then(() => undefined, (e: { diagnostics: { message: string; line?: number }[] }) => e);
    expect(err?.diagnostics[0]).toMatchObject({ line: 16, message: 'sop.yaml: review.history[1].flows_working must be true or false, not "maybe"' });
  });
});

describe('cpcm-interagency requires the exit strategy (seed 000)', () => {
  it('the example has it; without the heading, each language is an error at sop.yaml\'s profile line', async () => {
    const { cp, mkdtemp, readFile, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const { checkSop } = await import('../../src/check/index.js');
    const example = new URL('../../sop-sources/', import.meta.url).pathname;
    expect((await checkSop(example, { today: '2026-11-25' })).diagnostics.filter((d) => d.rule === 'topic-missing')).toEqual([]);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-exit-'));
    for (const name of ['sop.yaml', 'sections', 'annexes', 'data']) await cp(path.join(example, name), path.join(dir, name), { recursive: true });
    for (const [lang, heading] of [['en', ', and the exit strategy'], ['ar', '، واستراتيجية الخروج']] as const) {
      const f = path.join(dir, `sections/${lang}/01-existing-system.md`);
      await writeFile(f, (await readFile(f, 'utf8')).replace(heading, ''));
    }
    const d = (await checkSop(dir, { today: '2026-11-25' })).diagnostics.filter((x) => x.rule === 'topic-missing');
    expect(d.map((x) => [x.severity, x.file, x.line, x.message])).toEqual([
      ['error', 'sop.yaml', 17, 'the ar SOP does not cover the topic "Exit strategy": no heading contains "استراتيجية الخروج" or "الخروج"'],
      ['error', 'sop.yaml', 17, 'the en SOP does not cover the topic "Exit strategy": no heading contains "exit strategy" or "exit"'],
    ]);
  });
});

describe('recommended annexes by kind', () => {
  const profile = MINI_PROFILE + 'recommended_annexes:\n  - { kind: dpia, title: { en: Data-protection impact assessment } }\n  - { kind: me-tools, title: { en: M&E tools } }\n';
  const annex = (kind: string) => `---\nannex: 1\n${kind}title: Form\n---\n\nThe form.\n`;

  it('a recommended kind no annex has is information at sop.yaml\'s profile line; an annex with that kind satisfies it', async () => {
    const files = (kind: string): Files => synced({ ...baseFiles(), 'profiles/mini.yaml': profile, 'annexes/ar/01-form.md': annex(kind), 'annexes/en/01-form.md': annex(kind) });
    const none = await checkRule('annex-recommended', files(''));
    expect(none.map((d) => [d.severity, d.file, d.line, d.message])).toEqual([
      ['info', 'sop.yaml', 8, 'no annex of kind "dpia" (Data-protection impact assessment), which the profile mini recommends'],
      ['info', 'sop.yaml', 8, 'no annex of kind "me-tools" (M&E tools), which the profile mini recommends'],
    ]);
    expect((await checkRule('annex-recommended', files('kind: dpia\n'))).map((d) => d.message)).toEqual(['no annex of kind "me-tools" (M&E tools), which the profile mini recommends']);
  });

  it('a profile can require an annex kind (severity: error): missing, it is an error', async () => {
    const required = profile.replace('title: { en: Data-protection impact assessment } }', 'title: { en: Data-protection impact assessment }, severity: error }');
    const d = await checkRule('annex-recommended', synced({ ...baseFiles(), 'profiles/mini.yaml': required }));
    expect(d.map((x) => [x.severity, x.line, x.message])).toEqual([
      ['error', 8, 'no annex of kind "dpia" (Data-protection impact assessment), which the profile mini requires'],
      ['info', 8, 'no annex of kind "me-tools" (M&E tools), which the profile mini recommends'],
    ]);
  });
});
