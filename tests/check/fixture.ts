import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { checkSop, type CheckOptions } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diag/index.js';
import { fingerprintText, splitFrontMatter } from '../../src/model/index.js';

/** A fixture SOP: relative path → file content (string or bytes). */
export type Files = Record<string, string | Uint8Array>;

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** Writes `files` into a fresh temp folder (the changesets habit: fixtures from inline objects). */
export async function writeFixture(files: Files): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-check-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
  return dir;
}

export function section(fm: Record<string, string | number>, body: string): string {
  const lines = Object.entries(fm).map(([k, v]) => `${k}: ${typeof v === 'string' && /[:#]/.test(v) ? JSON.stringify(v) : v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`;
}

/** A small checklist profile so fixtures stay short: 2 required components, one with steps. */
export const MINI_PROFILE = `id: mini
title: { en: Mini checklist }
placeholder_marker: "TODO(sopkit)"
required:
  emergency: [1, 2]
  protracted: all
  development: all
page_limits: { soft: 30, hard: { emergency: 60, protracted: 60, development: 40 } }
components:
  - n: 1
    id: eligibility
    title: { en: Eligibility criteria and flowchart, ar: معايير الأهلية ومخطط التدفق }
  - n: 2
    id: case-management-process
    title: { en: The case management process, ar: عملية إدارة الحالة }
    steps:
      - id: assessment
        title: { en: Assessment, ar: التقييم }
        keywords: { en: [assessment], ar: [التقييم] }
      - id: case-closure
        title: { en: Case closure, ar: اغلاق الحالة }
        keywords: { en: [closure, closing], ar: [إغلاق, اغلاق] }
  - n: 3
    id: definitions
    title: { en: Definitions of key terms, ar: تعاريف المصطلحات }
  - n: 4
    id: signatures
    generated: true
    title: { en: Signatures, ar: التوقيعات }
`;

export function manifest(over: Partial<Record<string, string>> = {}): string {
  const v = {
    status: 'draft',
    context: 'emergency',
    version: '"1.0"',
    last: '2026-10-01',
    agencies: `  - id: dsd
    name: { ar: مديرية التنمية الاجتماعية, en: Directorate of Social Development }
    endorsement: { version: "1.0", date: 2026-10-02 }
  - id: unicef
    name: { en: UNICEF }
    endorsement: { version: "1.0", date: 2026-10-03 }`,
    ...over,
  };
  return `title:
  ar: إجراءات العمل الموحدة
  en: Test SOP
version: ${v.version}
date: 2026-10-01
status: ${v.status}
context: ${v.context}
profile: mini
languages: [ar, en]
review:
  last: ${v.last}
  interval_months: 6
agencies:
${v.agencies}
`;
}

const AR_ELIG = `## المعايير

يكون الطفل مؤهلًا لإدارة الحالة عندما يتعرض لخطر جسيم أو أذى، ويحتاج إلى دعم منسق من أكثر من جهة.

::flowchart{data=eligibility}
`;
const EN_ELIG = `## Criteria

A child is eligible for case management when the child faces serious risk or harm and needs coordinated support from more than one agency.

::flowchart{data=eligibility}
`;
const AR_PROCESS = `## التقييم

يقيّم أخصائي الحالة احتياجات الطفل ونقاط القوة لديه خلال ثلاثة أيام من التسجيل، ويشرك الطفل والأسرة في ذلك.

## إغلاق الحالة

تُغلق الحالة عندما تتحقق أهداف خطة الحالة ويصبح الطفل آمنًا، بعد موافقة المشرف.
`;
const EN_PROCESS = `## Assessment

The caseworker assesses the child's needs and strengths within three days of registration, with the child and the family.

## Case closure

The case is closed when the goals of the case plan are met and the child is safe, after the supervisor agrees.
`;

export const ELIGIBILITY_YAML = `criteria:
  - id: risk
    text: { ar: خطر جسيم, en: Serious risk }
flow:
  nodes:
    - { id: start, type: start, label: { en: Concern reported } }
    - { id: risk, type: decision, label: { en: Serious risk? } }
    - { id: yes, type: outcome, label: { en: Eligible } }
    - { id: no, type: outcome, label: { en: Refer to services } }
  edges:
    - { from: start, to: risk }
    - { from: risk, to: yes }
    - { from: risk, to: no }
`;

/** A clean SOP under the mini profile: every rule passes on it. */
export function baseFiles(): Files {
  return {
    'sop.yaml': manifest(),
    'profiles/mini.yaml': MINI_PROFILE,
    'sections/ar/01-eligibility.md': section({ component: 'eligibility', title: 'معايير الأهلية', owner: 'dsd' }, AR_ELIG),
    'sections/en/01-eligibility.md': section({ component: 'eligibility', title: 'Eligibility criteria', owner: 'dsd' }, EN_ELIG),
    'sections/ar/02-case-management-process.md': section({ component: 'case-management-process', title: 'عملية إدارة الحالة' }, AR_PROCESS),
    'sections/en/02-case-management-process.md': section({ component: 'case-management-process', title: 'The case management process' }, EN_PROCESS),
    'data/eligibility.yaml': ELIGIBILITY_YAML,
  };
}

/**
 * Adds `source_fingerprint` to every translation (non-first language) that lacks one,
 * as `sopkit i18n sync` would: fixtures start synced unless a test says otherwise.
 */
export function synced(files: Files, source = 'ar'): Files {
  const out: Files = { ...files };
  for (const [rel, content] of Object.entries(files)) {
    const m = /^(sections|annexes)\/([^/]+)\/([^/]+\.md)$/.exec(rel);
    if (!m || m[2] === source || typeof content !== 'string' || content.includes('source_fingerprint')) continue;
    const src = files[`${m[1]}/${source}/${m[3]}`];
    if (typeof src !== 'string') continue;
    const fp = fingerprintText(splitFrontMatter(src, 'x').body);
    out[rel] = content.replace(/^---\n/, `---\nsource_fingerprint: ${fp}\n`);
  }
  return out;
}

export const TODAY = '2026-11-25';

export async function check(files: Files, options: Partial<CheckOptions> = {}): Promise<Diagnostic[]> {
  const dir = await writeFixture(files);
  const { diagnostics } = await checkSop(dir, { today: TODAY, ...options });
  return diagnostics;
}

export async function checkRule(rule: string, files: Files, options: Partial<CheckOptions> = {}): Promise<Diagnostic[]> {
  return (await check(files, options)).filter((d) => d.rule === rule);
}
