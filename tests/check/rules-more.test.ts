import { readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useMemoStore } from '../../src/cache/memo.js';
import { addMonths, foldForMatch } from '../../src/check/index.js';
import { PDFDocument } from 'pdf-lib';
import { baseFiles, check, checkRule, ELIGIBILITY_YAML, manifest, section, synced } from './fixture.js';

const base = () => synced(baseFiles());

describe('component-steps', () => {
  it('matches Arabic headings whatever their diacritics and alef forms', async () => {
    expect(foldForMatch('إغْلاقُ الحالة')).toContain(foldForMatch('اغلاق'));
    expect(foldForMatch('Follow-up')).toBe(foldForMatch('follow up'));
    const files = base();
    files['sections/ar/02-case-management-process.md'] = (files['sections/ar/02-case-management-process.md'] as string).replace('## إغلاق الحالة', '## إغْلاقُ الحالة');
    expect(await checkRule('component-steps', files)).toEqual([]);
  });
});

describe('component-placeholder', () => {
  it('is a warning in a component the context does not require', async () => {
    const files = synced({
      ...baseFiles(),
      'sections/ar/03-definitions.md': section({ component: 'definitions', title: 'تعاريف' }, 'TODO(sopkit) اكتب تعاريف المصطلحات الرئيسية المستخدمة في هذه الإجراءات هنا.'),
      'sections/en/03-definitions.md': section({ component: 'definitions', title: 'Definitions' }, 'Case management is a way of organising and carrying out work to address the needs of a child.'),
    });
    const found = await checkRule('component-placeholder', files);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'sections/ar/03-definitions.md', line: 6, severity: 'warning' });
  });
});

describe('review-overdue', () => {
  it('is not overdue on the due date itself, and is the day after', async () => {
    const files = { ...base(), 'sop.yaml': manifest({ last: '2026-05-25' }) };
    expect(await checkRule('review-overdue', files, { today: '2026-11-25' })).toEqual([]);
    expect(await checkRule('review-overdue', files, { today: '2026-11-26' })).toHaveLength(1);
  });
  it('adds months with the month end clamped', () => {
    expect(addMonths({ y: 2026, m: 8, d: 31 }, 6)).toBe('2027-02-28');
    expect(addMonths({ y: 2026, m: 11, d: 15 }, 3)).toBe('2027-02-15');
  });
});

describe('translation-stale', () => {
  it('is an error with --strict', async () => {
    const files = synced({ ...baseFiles(), 'sections/en/01-eligibility.md': (baseFiles()['sections/en/01-eligibility.md'] as string).replace('---\n', '---\nsource_fingerprint: sha256-0000000000000000\n') });
    const [d] = await checkRule('translation-stale', files, { strict: true });
    expect(d?.severity).toBe('error');
  });
  it('becomes stale when the source text changes after syncing', async () => {
    const files = base();
    files['sections/ar/01-eligibility.md'] = `${files['sections/ar/01-eligibility.md'] as string}\nفقرة جديدة أضيفت بعد الترجمة.\n`;
    expect(await checkRule('translation-stale', files)).toHaveLength(1);
  });
});

describe('annex-numbering', () => {
  it('reports a number used twice, counting PDF annexes in every language', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const files = synced({
      ...base(),
      'annexes/ar/01-forms.md': '---\nannex: 1\ntitle: النماذج\n---\n\nنماذج إدارة الحالة المشتركة.\n',
      'annexes/en/01-forms.md': '---\nannex: 1\ntitle: Forms\n---\n\nThe common case management forms.\n',
      'annexes/01-dpia.yaml': 'annex: 1\ntitle: { en: DPIA }\n',
      'annexes/01-dpia.pdf': await doc.save(),
    });
    const found = await checkRule('annex-numbering', files);
    expect(found.map((d) => d.message)).toEqual(['annex 1 is used twice: annexes/ar/01-forms.md and annexes/01-dpia.yaml', 'annex 1 is used twice: annexes/en/01-forms.md and annexes/01-dpia.yaml']);
    expect(found[0]).toMatchObject({ file: 'annexes/01-dpia.yaml', line: 1 });
  });
});

describe('annex-pdf', () => {
  it('reports a file that is not a PDF and a damaged PDF', async () => {
    const files = { ...base(), 'annexes/01-a.yaml': 'annex: 1\ntitle: { en: A }\n', 'annexes/01-a.pdf': 'hello', 'annexes/02-b.yaml': 'annex: 2\ntitle: { en: B }\nfile: b.pdf\n', 'annexes/b.pdf': '%PDF-1.7\ngarbage' };
    const found = await checkRule('annex-pdf', files);
    expect(found.map((d) => [d.file, d.line, d.message.split(' (')[0]])).toEqual([
      ['annexes/01-a.yaml', 1, 'annexes/01-a.pdf is not a PDF file'],
      ['annexes/02-b.yaml', 3, 'annexes/b.pdf is damaged and cannot be opened'],
    ]);
  });

  it('reports the same through the memo store: stored on the first check, read back (not parsed) on the second', async () => {
    const files = { ...base(), 'annexes/02-b.yaml': 'annex: 2\ntitle: { en: B }\nfile: b.pdf\n', 'annexes/b.pdf': '%PDF-1.7\ngarbage' };
    const cold = await checkRule('annex-pdf', files);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-memo-annex-'));
    try {
      useMemoStore(dir, 'engine-a');
      expect(await checkRule('annex-pdf', files)).toEqual(cold);
      const stored = readdirSync(path.join(dir, 'annex-pdf'));
      expect(stored).toHaveLength(1);
      // A hit is what the file says: a planted verdict proves the second check read it.
      writeFileSync(path.join(dir, 'annex-pdf', stored[0]!), JSON.stringify({ kind: 'encrypted', message: 'is planted', hint: 'h' }));
      expect((await checkRule('annex-pdf', files)).map((d) => d.message)).toEqual(['annexes/b.pdf is planted']);
      // Other bytes, another entry: a valid verdict again.
      expect(await checkRule('annex-pdf', { ...files, 'annexes/b.pdf': '%PDF-1.7\nother garbage' })).toHaveLength(1);
      expect(readdirSync(path.join(dir, 'annex-pdf'))).toHaveLength(2);
    } finally {
      useMemoStore(undefined);
    }
  });
});

describe('endorsement-pending', () => {
  it('never reports on a draft, and never as an error', async () => {
    const agencies = `  - id: dsd\n    name: { en: DSD }\n    endorsement: null`;
    expect(await checkRule('endorsement-pending', { ...base(), 'sop.yaml': manifest({ agencies }) })).toEqual([]);
    const found = await checkRule('endorsement-pending', { ...base(), 'sop.yaml': manifest({ agencies, status: 'final' }) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', message: 'DSD (dsd) has not endorsed it yet: the SOP is final at version 1.0' });
  });
});

describe('directive', () => {
  it('reports a data file that does not exist and data a directive cannot show', async () => {
    const files = synced(baseFiles());
    delete files['data/eligibility.yaml'];
    const found = await checkRule('directive', files);
    expect(found[0]?.message).toBe('"::flowchart{data=eligibility}" refers to data/eligibility.yaml, which does not exist');
    const wrong = base();
    wrong['sections/ar/01-eligibility.md'] = (wrong['sections/ar/01-eligibility.md'] as string).replace('data=eligibility', 'data=eligibilty');
    expect((await checkRule('directive', wrong))[0]?.message).toMatch(/cannot show data "eligibilty" — did you mean "eligibility"\?/);
  });
});

describe('data-reference', () => {
  it('checks agency ids in services and urgent-action contacts, not provider names', async () => {
    const services = `last_verified: 2026-11-01
services:
  - { id: a, sector: cp, agency: unicf, name: { en: A }, location: { en: X }, contact: { phone: "+000 1" } }
  - { id: b, sector: health, agency: Al-Amal Clinic, name: { en: B }, location: { en: X }, contact: { phone: "+000 2" } }
`;
    const urgent = `triggers: [{ en: Abuse }]\nactions: [{ en: Call }]\ncontacts:\n  - { name: { en: Hotline }, agency: dsdd, phone: "+000 3" }\n`;
    const found = await checkRule('data-reference', { ...base(), 'data/services.yaml': services, 'data/urgent-action.yaml': urgent });
    expect(found.map((d) => [d.file, d.line, d.message])).toEqual([
      ['data/services.yaml', 3, 'data/services.yaml: agency "unicf" is not an agency in sop.yaml — did you mean "unicef"?'],
      ['data/urgent-action.yaml', 4, 'data/urgent-action.yaml: agency "dsdd" is not an agency in sop.yaml — did you mean "dsd"?'],
    ]);
  });
});

describe('link-broken', () => {
  it('reports a missing section file and a missing same-file anchor', async () => {
    const files = base();
    files['sections/en/01-eligibility.md'] = `${files['sections/en/01-eligibility.md'] as string}\n[a](#critera) [b](09-nothing.md) [c](https://example.org/x#y)\n`;
    const found = await checkRule('link-broken', files);
    expect(found.map((d) => d.message)).toEqual([
      'the link "#critera" points at the heading "#critera", which does not exist in sections/en/01-eligibility.md — did you mean "#criteria"?',
      'the link "09-nothing.md" points at sections/en/09-nothing.md, which does not exist',
    ]);
  });
});

describe('data-flow', () => {
  it('reports a loop and a node with no way to an outcome', async () => {
    const looped = ELIGIBILITY_YAML.replace('    - { from: risk, to: no }\n', '    - { from: risk, to: no }\n    - { from: risk, to: start }\n');
    const found = await checkRule('data-flow', { ...base(), 'data/eligibility.yaml': looped });
    expect(found.map((d) => [d.line, d.message])).toEqual([[14, 'data/eligibility.yaml: the eligibility flow loops: start → risk → start']]);
    const stuck = ELIGIBILITY_YAML.replace('    - { from: risk, to: yes }\n    - { from: risk, to: no }\n', '');
    const found2 = await checkRule('data-flow', { ...base(), 'data/eligibility.yaml': stuck });
    expect(found2.map((d) => d.message)).toEqual(['data/eligibility.yaml: from node "start" no outcome can be reached', 'data/eligibility.yaml: from node "risk" no outcome can be reached']);
  });
  it('checks case-steps: dangling next, and steps that never reach the end', async () => {
    const steps = (next: string) => `steps:
  - { id: identification, title: { en: Identification }, key_actions: [{ en: Register }] }
  - { id: follow-up, title: { en: Follow-up }, key_actions: [{ en: Visit }], next: [${next}] }
  - { id: closure, title: { en: Closure }, key_actions: [{ en: Close }] }
`;
    expect(await checkRule('data-flow', { ...base(), 'data/case-steps.yaml': steps('identification, closure') })).toEqual([]);
    const dangling = await checkRule('data-flow', { ...base(), 'data/case-steps.yaml': steps('closur') });
    expect(dangling.map((d) => [d.line, d.message])).toEqual([[3, 'data/case-steps.yaml: step "follow-up" is followed by "closur", which is not a step — did you mean "closure"?']]);
    const loop = await checkRule('data-flow', { ...base(), 'data/case-steps.yaml': steps('identification') });
    expect(loop.map((d) => d.message)).toEqual(['data/case-steps.yaml: from step "identification" the process can never reach its end', 'data/case-steps.yaml: from step "follow-up" the process can never reach its end']);
  });
});

describe('section-language', () => {
  it('ignores acronyms, code and URLs in an Arabic section', async () => {
    const files = base();
    files['sections/ar/01-eligibility.md'] = `${files['sections/ar/01-eligibility.md'] as string}\nيستخدم الفريق نظام CPIMS+ وبرنامج UNICEF وUNHCR وGBV، انظر https://example.org/very/long/english/path/about/case/management وأيضًا \`some code in english that is long\`.\n`;
    expect(await checkRule('section-language', files)).toEqual([]);
  });
});

describe('page-budget', () => {
  const counter = (n: number) => async () => n;
  it('is skipped without a page counter, quiet under 30 pages', async () => {
    expect(await checkRule('page-budget', base())).toEqual([]);
    expect(await checkRule('page-budget', base(), { countBodyPages: counter(30) })).toEqual([]);
  });
  it('warns over 30 pages and errors over the hard limit, per language', async () => {
    const warn = await checkRule('page-budget', base(), { countBodyPages: counter(31) });
    expect(warn.map((d) => [d.severity, d.file, d.line, d.message])).toEqual([
      ['warning', 'sop.yaml', 7, 'the ar body is 31 pages; the guidance recommends at most 30'],
      ['warning', 'sop.yaml', 7, 'the en body is 31 pages; the guidance recommends at most 30'],
    ]);
    const err = await checkRule('page-budget', base(), { countBodyPages: async (_m, lang) => (lang === 'en' ? 61 : 12) });
    expect(err.map((d) => [d.severity, d.message])).toEqual([['error', 'the en body is 61 pages, over the hard limit of 60 for context "emergency"']]);
  });
  it('takes the hard limit of the context from the profile', async () => {
    const files = { ...base(), 'sop.yaml': manifest({ context: 'development' }) };
    const found = await check(files, { countBodyPages: async () => 41 });
    expect(found.filter((d) => d.rule === 'page-budget').map((d) => d.message)).toContain('the ar body is 41 pages, over the hard limit of 40 for context "development"');
  });
});

describe('the layout measures (page-budget, diagram-fit)', () => {
  it('page-budget: a language whose pages cannot be counted is one warning, and the next language is still counted', async () => {
    const found = await checkRule('page-budget', base(), {
      countBodyPages: async (_m, lang) => {
        if (lang === 'ar') throw new Error('no font');
        return 31;
      },
    });
    expect(found.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'the body pages in ar could not be counted: no font'],
      ['warning', 'the en body is 31 pages; the guidance recommends at most 30'],
    ]);
  });
  it('diagram-fit: reports what the layout found in each language; a layout that throws is an internal error, not a warning', async () => {
    const fit = (langs: string[]) => async (_m: unknown, lang: string) => {
      if (!langs.includes(lang)) throw new Error('elk failed');
      return [{ rule: 'diagram-fit', severity: 'warning' as const, message: `too wide in ${lang}`, file: 'data/eligibility.yaml', line: 1, column: 1 }];
    };
    expect((await checkRule('diagram-fit', base())).length).toBe(0);
    expect((await checkRule('diagram-fit', base(), { diagramFit: fit(['ar', 'en']) })).map((d) => d.message)).toEqual(['too wide in ar', 'too wide in en']);
    const crashed = await check(base(), { diagramFit: fit(['ar']) });
    expect(crashed.filter((d) => d.rule === 'diagram-fit').map((d) => d.message)).toEqual(['too wide in ar']);
    expect(crashed.filter((d) => d.rule === 'internal-error').map((d) => d.message)).toEqual(['the check "diagram-fit" failed inside sopkit: elk failed']);
  });
});

describe('a rule that crashes', () => {
  it('becomes one internal-error diagnostic and the other rules still run', async () => {
    const { runRules } = await import('../../src/check/index.js');
    const { loadSop } = await import('../../src/model/index.js');
    const { writeFixture } = await import('./fixture.js');
    const dir = await writeFixture(base());
    const { model, diagnostics } = await loadSop(dir);
    const boom = { id: 'boom', severity: 'error' as const, description: '', help: '', run: () => { throw new Error('kaput'); } };
    const ok = { id: 'ok', severity: 'warning' as const, description: '', help: '', run: (_c: unknown, r: (d: never) => void) => r({ rule: 'ok', severity: 'warning', message: 'still here' } as never) };
    const out = await runRules(model, diagnostics, { today: '2026-11-25' }, [boom, ok]);
    expect(out.map((d) => d.rule).sort()).toEqual(['internal-error', 'ok']);
  });
});

describe('a language with no sections at all', () => {
  it('is reported once by the loader, not once per component and file', async () => {
    const files = synced(baseFiles());
    for (const k of Object.keys(files)) if (k.startsWith('sections/en/')) delete files[k];
    const found = await check(files);
    expect(found.map((d) => d.rule)).toEqual(['language-folder-missing']);
  });
});

describe('loader problems', () => {
  it('a file without front-matter gets one message, not one per required key', async () => {
    const files = synced(baseFiles());
    files['sections/ar/01-eligibility.md'] = 'نص بلا ترويسة.\n';
    const found = (await check(files)).filter((d) => d.file === 'sections/ar/01-eligibility.md' && (d.rule === 'schema' || d.rule === 'front-matter-missing'));
    expect(found.map((d) => [d.rule, d.line])).toEqual([['front-matter-missing', 1]]);
  });
});

describe('data-reference: duplicate service ids', () => {
  it('reports the second one', async () => {
    const services = `last_verified: 2026-11-01
services:
  - { id: a, sector: cp, agency: dsd, name: { en: A }, location: { en: X }, contact: { phone: "+000 1" } }
  - { id: a, sector: health, agency: dsd, name: { en: B }, location: { en: X }, contact: { phone: "+000 2" } }
`;
    const found = await checkRule('data-reference', { ...base(), 'data/services.yaml': services });
    expect(found.map((d) => [d.line, d.message])).toEqual([[4, 'data/services.yaml: the service id "a" is used twice']]);
  });
});
