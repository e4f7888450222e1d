import { describe, expect, it } from 'vitest';
import { changedUnits, compareSnapshots, renderChangelog, renderRedlineHtml, unitId, type Snapshot } from '../../src/diff/index.js';
import { fingerprintText, type Section, type SopModel } from '../../src/model/index.js';

const profile = {
  id: 'p',
  title: { en: 'P' },
  required: {},
  file: 'p.yaml',
  components: [
    { n: 8, id: 'eligibility', title: { en: 'Eligibility', ar: 'الأهلية' } },
    { n: 9, id: 'prioritisation', title: { en: 'Prioritisation', ar: 'الأولويات' } },
    { n: 10, id: 'urgent-action', title: { en: 'Urgent action', ar: 'الإجراء العاجل' } },
  ],
} as unknown as SopModel['profile'];

function section(lang: string, name: string, component: string, body: string): Section {
  return { kind: 'section', file: `sections/${lang}/${name}`, lang, name, component, title: component, frontMatter: { component, title: component }, body, bodyLine: 4, fingerprint: fingerprintText(body), positions: undefined as never };
}

function snapshot(label: string, sections: Section[], data: Record<string, unknown> = {}): Snapshot {
  const model = {
    root: '/x',
    manifestFile: 'sop.yaml',
    manifest: { version: label, date: '2026-11-01', languages: ['ar', 'en'], title: { en: 'T' }, agencies: [] },
    profile,
    sections,
    annexes: [],
    data: Object.fromEntries(Object.entries(data).map(([name, value]) => [name, { name, file: `data/${name}.yaml`, value, positions: undefined as never }])),
  } as unknown as SopModel;
  return { label, model, hashes: {} };
}

const ELIG = 'Children under 18 who face a protection risk are eligible.';
const PRIO = 'Every eligible case gets a risk level: high, medium or low.';

describe('compareSnapshots', () => {
  it('recognises a renamed file of the same component', () => {
    const a = snapshot('1.0', [section('en', '08-eligibility.md', 'eligibility', ELIG)]);
    const b = snapshot('1.1', [section('en', '08-who-is-eligible.md', 'eligibility', `${ELIG} Age may be unknown.`)]);
    const [u] = changedUnits(compareSnapshots(a, b));
    expect(u).toMatchObject({ status: 'renamed', before: { file: 'sections/en/08-eligibility.md' }, after: { file: 'sections/en/08-who-is-eligible.md' } });
    expect(u!.body.filter((r) => r.op === 'insert').map((r) => r.text.trim())).toEqual(['Age may be unknown.']);
  });

  it('recognises the same text moved to another component', () => {
    const a = snapshot('1.0', [section('ar', '09-prioritisation.md', 'prioritisation', PRIO)]);
    const b = snapshot('1.1', [section('ar', '10-urgent.md', 'urgent-action', PRIO)]);
    const c = compareSnapshots(a, b);
    expect(changedUnits(c).map((u) => [u.status, u.before?.component, u.after?.component])).toEqual([['moved', 'prioritisation', 'urgent-action']]);
  });

  it('reports added and removed sections when nothing pairs them', () => {
    const a = snapshot('1.0', [section('en', '08-eligibility.md', 'eligibility', ELIG)]);
    const b = snapshot('1.1', [section('en', '09-prioritisation.md', 'prioritisation', PRIO)]);
    expect(changedUnits(compareSnapshots(a, b)).map((u) => [unitId(u), u.status])).toEqual([
      ['eligibility', 'removed'],
      ['prioritisation', 'added'],
    ]);
  });

  it('lists per language and leaves untouched sections unchanged', () => {
    const a = snapshot('1.0', [section('ar', '08-e.md', 'eligibility', 'الأطفال دون الثامنة عشرة مؤهلون.'), section('en', '08-e.md', 'eligibility', ELIG)]);
    const b = snapshot('1.1', [section('ar', '08-e.md', 'eligibility', 'الأطفال دون الثامنة عشرة مؤهلون دائمًا.'), section('en', '08-e.md', 'eligibility', ELIG)]);
    const c = compareSnapshots(a, b);
    expect(c.units.map((u) => [u.lang, u.status])).toEqual([
      ['ar', 'changed'],
      ['en', 'unchanged'],
    ]);
  });

  it('accounts for files whose bytes changed but whose content did not', () => {
    const a = snapshot('1.0', [section('en', '08-e.md', 'eligibility', ELIG)]);
    const b = snapshot('1.1', [section('en', '08-e.md', 'eligibility', ELIG)]);
    a.hashes = { 'sections/en/08-e.md': 'aaa', 'sop.yaml': 'x' };
    b.hashes = { 'sections/en/08-e.md': 'bbb', 'sop.yaml': 'y' };
    const c = compareSnapshots(a, b);
    expect(changedUnits(c)).toEqual([]);
    expect(c.formatOnly).toEqual(['sections/en/08-e.md']);
  });

  it('compares data files by item id', () => {
    const a = snapshot('1.0', [], { services: { services: [{ id: 'clinic', hours: '8-16' }] } });
    const b = snapshot('1.1', [], { services: { services: [{ id: 'clinic', hours: '8-20' }, { id: 'shelter', hours: '24/7' }] } });
    expect(compareSnapshots(a, b).data).toMatchObject([{ name: 'services', status: 'changed', items: [{ item: 'services[clinic]', kind: 'changed' }, { item: 'services[shelter]', kind: 'added' }] }]);
  });

  it('renders a redline that cannot inject markup, with lang and dir per language', () => {
    const evil = '<script>alert(1)</script> <img src=x onerror=alert(2)>';
    const a = snapshot('1.0', [section('ar', '08-e.md', 'eligibility', 'نص قديم'), section('en', '08-e.md', 'eligibility', ELIG)]);
    const b = snapshot('1.1', [section('ar', '08-e.md', 'eligibility', `نص جديد ${evil}`), section('en', '08-e.md', 'eligibility', `${ELIG} ${evil}`)]);
    const c = compareSnapshots(a, b);
    const html = renderRedlineHtml(c, b.model);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<section class="lang" lang="ar" dir="rtl">');
    expect(html).toContain('<del>قديم</del> <ins>جديد');
    expect(renderChangelog(c, b.model)).toContain('### ar\n\n- 8. Eligibility (`eligibility`): changed (+');
  });
});
