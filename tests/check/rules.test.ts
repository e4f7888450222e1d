import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diag/index.js';
import { baseFiles, checkRule, ELIGIBILITY_YAML, manifest, section, synced, type Files } from './fixture.js';

/**
 * Each rule: a passing fixture (no message of that rule) and a failing one whose first
 * message is at a known file and line. Fixtures are the clean base SOP with one change.
 */
interface Case {
  rule: string;
  pass: () => Files | Promise<Files>;
  fail: () => Files | Promise<Files>;
  file: string;
  line: number;
  message: RegExp;
  severity?: Diagnostic['severity'];
}

const base = () => synced(baseFiles());
const without = (files: Files, ...names: string[]) => Object.fromEntries(Object.entries(files).filter(([k]) => !names.includes(k)));
const edit = (files: Files, name: string, f: (s: string) => string): Files => ({ ...files, [name]: f(files[name] as string) });

const SERVICES = `last_verified: 2026-11-01
services:
  - id: cp-dsd
    sector: cp
    agency: dsd
    name: { en: DSD case management }
    location: { en: Al-Noor city }
    contact: { phone: "+000 111 222" }
`;
const PATHWAYS = (service: string) => `pathways:
  - id: neglect
    concern: { en: Neglect }
    steps:
      - service: cp-dsd
        action: { en: Refer }
      - service: ${service}
        action: { en: Follow up }
`;

async function pdfBytes(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return doc.save({ useObjectStreams: false });
}

const ANNEX = (n: number, title: string) => `---\nannex: ${n}\ntitle: ${title}\n---\n\n${title.match(/[a-z]/i) ? 'The common case management forms used by every agency are listed here with their purpose.' : 'نماذج إدارة الحالة المشتركة التي تستخدمها جميع الوكالات مع الغرض من كل نموذج.'}\n`;

const cases: Case[] = [
  {
    rule: 'schema',
    pass: base,
    fail: () => edit(base(), 'sections/ar/01-eligibility.md', (s) => s.replace('owner: dsd', 'owner: dsd\nownr: dsd')),
    file: 'sections/ar/01-eligibility.md', line: 5, message: /unknown key "ownr"/,
  },
  {
    rule: 'component-missing',
    pass: base,
    fail: () => without(base(), 'sections/ar/01-eligibility.md', 'sections/en/01-eligibility.md'),
    file: 'sop.yaml', line: 7, message: /^component 1 \(Eligibility criteria and flowchart\) is missing in ar$/,
  },
  {
    rule: 'component-unknown',
    pass: base,
    fail: () => edit(base(), 'sections/ar/01-eligibility.md', (s) => s.replace('component: eligibility', 'component: eligibilty')),
    file: 'sections/ar/01-eligibility.md', line: 2, message: /unknown component "eligibilty".*did you mean "eligibility"\?/,
  },
  {
    rule: 'component-duplicate',
    pass: () => synced({
      ...base(),
      'sections/ar/03-eligibility-more.md': section({ component: 'eligibility', title: 'تتمة', order: 2 }, 'يُحال الطفل إلى الخدمات المتخصصة عند الحاجة بعد موافقة الأسرة والطفل.'),
      'sections/en/03-eligibility-more.md': section({ component: 'eligibility', title: 'More', order: 2 }, 'The child is referred to specialised services when needed, with consent.'),
    }),
    fail: () => synced({
      ...base(),
      'sections/ar/03-eligibility-more.md': section({ component: 'eligibility', title: 'تتمة' }, 'يُحال الطفل إلى الخدمات المتخصصة عند الحاجة بعد موافقة الأسرة والطفل.'),
      'sections/en/03-eligibility-more.md': section({ component: 'eligibility', title: 'More' }, 'The child is referred to specialised services when needed, with consent.'),
    }),
    file: 'sections/ar/03-eligibility-more.md', line: 2, message: /component "eligibility" appears twice in ar/,
  },
  {
    rule: 'component-empty',
    pass: base,
    fail: () => synced({ ...baseFiles(), 'sections/ar/01-eligibility.md': section({ component: 'eligibility', title: 'معايير', owner: 'dsd' }, '## المعايير') }),
    file: 'sections/ar/01-eligibility.md', line: 7, message: /is empty: component 1/,
  },
  {
    rule: 'component-placeholder',
    pass: base,
    fail: () => synced({ ...baseFiles(), 'sections/ar/01-eligibility.md': section({ component: 'eligibility', title: 'معايير', owner: 'dsd' }, '## المعايير\n\nTODO(sopkit) اكتب هنا معايير الأهلية التي اتفقت عليها الوكالات في ورشة العمل.') }),
    file: 'sections/ar/01-eligibility.md', line: 9, message: /component 1 \(Eligibility criteria and flowchart\) still has placeholder text \(1× TODO\(sopkit\)\)/,
    severity: 'error',
  },
  {
    rule: 'component-steps',
    pass: base,
    fail: () => synced(edit(baseFiles(), 'sections/en/02-case-management-process.md', (s) => s.replace('## Case closure', '## Ending'))),
    file: 'sections/en/02-case-management-process.md', line: 3, message: /in en does not cover the step "Case closure": no heading contains "closure" or "closing"/,
  },
  {
    rule: 'review-overdue',
    pass: base,
    fail: () => ({ ...base(), 'sop.yaml': manifest({ last: '2026-04-01' }) }),
    file: 'sop.yaml', line: 11, message: /review is overdue: last review 2026-04-01 \+ 6 months = due 2026-10-01, and today is 2026-11-25/,
  },
  {
    rule: 'translation-missing',
    pass: base,
    fail: () => without(base(), 'sections/en/02-case-management-process.md'),
    file: 'sections/ar/02-case-management-process.md', line: 1, message: /has no en version: sections\/en\/02-case-management-process.md is missing/,
  },
  {
    rule: 'translation-stale',
    pass: base,
    fail: () => synced({ ...baseFiles(), 'sections/en/01-eligibility.md': (baseFiles()['sections/en/01-eligibility.md'] as string).replace('---\n', '---\nsource_fingerprint: sha256-0000000000000000\n') }),
    file: 'sections/en/01-eligibility.md', line: 2, message: /is stale: sections\/ar\/01-eligibility.md changed/,
    severity: 'warning',
  },
  {
    rule: 'translation-not-synced',
    pass: base,
    fail: baseFiles,
    file: 'sections/en/01-eligibility.md', line: 1, message: /is not synced with sections\/ar\/01-eligibility.md/,
    severity: 'warning',
  },
  {
    rule: 'annex-numbering',
    pass: () => synced({ ...base(), 'annexes/ar/01-forms.md': ANNEX(1, 'النماذج'), 'annexes/en/01-forms.md': ANNEX(1, 'Forms'), 'annexes/ar/02-tools.md': ANNEX(2, 'الأدوات'), 'annexes/en/02-tools.md': ANNEX(2, 'Tools') }),
    fail: () => synced({ ...base(), 'annexes/ar/01-forms.md': ANNEX(1, 'النماذج'), 'annexes/en/01-forms.md': ANNEX(1, 'Forms'), 'annexes/ar/02-tools.md': ANNEX(3, 'الأدوات'), 'annexes/en/02-tools.md': ANNEX(2, 'Tools') }),
    file: 'annexes/ar/02-tools.md', line: 2, message: /annex numbers in ar are not consecutive: annexes\/ar\/02-tools.md is annex 3, but annex 2 is missing/,
  },
  {
    rule: 'annex-pdf',
    pass: async () => ({ ...base(), 'annexes/01-dpia.yaml': 'annex: 1\ntitle: { en: DPIA, ar: تقييم الأثر }\n', 'annexes/01-dpia.pdf': await pdfBytes() }),
    fail: () => ({ ...base(), 'annexes/01-dpia.yaml': 'annex: 1\ntitle: { en: DPIA, ar: تقييم الأثر }\n' }),
    file: 'annexes/01-dpia.yaml', line: 1, message: /^annexes\/01-dpia.pdf does not exist$/,
  },
  {
    rule: 'endorsement-pending',
    pass: () => ({ ...base(), 'sop.yaml': manifest({ status: 'final' }) }),
    fail: () => ({ ...base(), 'sop.yaml': manifest({ status: 'final', version: '"1.1"' }).replace('version: "1.0", date: 2026-10-03', 'version: "1.1", date: 2026-10-03') }),
    file: 'sop.yaml', line: 16, message: /Directorate of Social Development \(dsd\) endorsed version 1.0 \(2026-10-02\), not this one: the SOP is final at version 1.1/,
    severity: 'warning',
  },
  {
    rule: 'directive',
    pass: base,
    fail: () => synced(edit(baseFiles(), 'sections/ar/01-eligibility.md', (s) => s.replace('::flowchart{', '::flowchrt{'))),
    file: 'sections/ar/01-eligibility.md', line: 11, message: /unknown directive "::flowchrt" — did you mean "::flowchart"\?/,
  },
  {
    rule: 'data-reference',
    pass: () => ({ ...base(), 'data/services.yaml': SERVICES, 'data/pathways.yaml': PATHWAYS('cp-dsd') }),
    fail: () => ({ ...base(), 'data/services.yaml': SERVICES, 'data/pathways.yaml': PATHWAYS('cp-dsdd') }),
    file: 'data/pathways.yaml', line: 7, message: /service "cp-dsdd" is not in data\/services.yaml — did you mean "cp-dsd"\?/,
  },
  {
    rule: 'owner-unknown',
    pass: base,
    fail: () => synced(edit(baseFiles(), 'sections/ar/01-eligibility.md', (s) => s.replace('owner: dsd', 'owner: dssd'))),
    file: 'sections/ar/01-eligibility.md', line: 4, message: /owner "dssd" of sections\/ar\/01-eligibility.md is not an agency in sop.yaml — did you mean "dsd"\?/,
  },
  {
    rule: 'link-broken',
    pass: () => synced(edit(baseFiles(), 'sections/en/01-eligibility.md', (s) => `${s}\nSee [assessment](02-case-management-process.md#assessment) and [criteria](#criteria).\n`)),
    fail: () => synced(edit(baseFiles(), 'sections/en/01-eligibility.md', (s) => `${s}\nSee [assessment](02-case-management-process.md#assesment).\n`)),
    file: 'sections/en/01-eligibility.md', line: 14, severity: 'warning', message: /points at the heading "#assesment", which does not exist in sections\/en\/02-case-management-process.md — did you mean "#assessment"\?/,
  },
  {
    rule: 'data-flow',
    pass: base,
    fail: () => ({ ...base(), 'data/eligibility.yaml': ELIGIBILITY_YAML.replace('{ from: risk, to: no }', '{ from: risk, to: noo }') }),
    file: 'data/eligibility.yaml', line: 13, message: /edge 3 goes to "noo", which is not a node — did you mean "no"\?/,
  },
  {
    rule: 'section-language',
    pass: base,
    fail: () => synced({ ...baseFiles(), 'sections/en/01-eligibility.md': baseFiles()['sections/ar/01-eligibility.md'] as string }),
    file: 'sections/en/01-eligibility.md', line: 7, message: /is in the "en" folder, but only 0% of its letters are Latin/,
    severity: 'warning',
  },
];

describe.each(cases)('rule $rule', (c) => {
  it('passes on its good fixture', async () => {
    expect(await checkRule(c.rule, await c.pass())).toEqual([]);
  });
  it('reports its bad fixture with file and line', async () => {
    const found = await checkRule(c.rule, await c.fail());
    expect(found.length).toBeGreaterThan(0);
    const d = found[0]!;
    expect(d).toMatchObject({ file: c.file, line: c.line, severity: c.severity ?? 'error' });
    expect(d.message).toMatch(c.message);
    expect(d.column).toBeGreaterThanOrEqual(1);
  });
});
