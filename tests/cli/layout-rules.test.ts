import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, ROOT, sopkit } from './cli.js';

vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

interface Report {
  diagnostics: { rule: string; severity: string; file?: string; line?: number; message: string }[];
}

async function exampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-layout-rules-'));
  await cp(path.join(ROOT, 'sop-sources'), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
  return dir;
}

describe('check rules that lay the document out', () => {
  it('counts body pages with the real layout (page-budget) and skips it with --no-layout', async () => {
    const dir = await exampleCopy();
    // A hard limit below the example's length turns the page budget into an error at sop.yaml.
    const sop = await readFile(path.join(dir, 'sop.yaml'), 'utf8');
    await writeFile(path.join(dir, 'sop.yaml'), `${sop}page_limits: { soft: 10, hard: 20 }\n`);
    const r = sopkit(['check', dir, '--today', '2026-11-25', '--format', 'json'], ROOT);
    const budget = (JSON.parse(r.stdout) as Report).diagnostics.filter((d) => d.rule === 'page-budget');
    expect(r.code).toBe(1);
    expect(budget.map((d) => d.severity)).toEqual(['error', 'error']);
    expect(budget[0]!.message).toMatch(/over the hard limit of 20/);
    expect(budget[0]!.file).toMatch(/sop\.yaml$/);
    const fast = sopkit(['check', dir, '--today', '2026-11-25', '--format', 'json', '--no-layout'], ROOT);
    expect((JSON.parse(fast.stdout) as Report).diagnostics.filter((d) => d.rule === 'page-budget')).toEqual([]);
  });

  it('reports an urgent-action card whose contacts cannot fit (poster-fit) at the data file', async () => {
    const dir = await exampleCopy();
    const file = path.join(dir, 'data', 'urgent-action.yaml');
    const yaml = await readFile(file, 'utf8');
    const extra = Array.from({ length: 40 }, (_, i) => `  - name: { ar: "جهة اتصال إضافية رقم ${i + 1} للحالات العاجلة", en: "Additional urgent contact number ${i + 1}" }\n    phone: "+964 750 000 ${String(1000 + i)}"\n    hours: { ar: "على مدار الساعة", en: "24/7" }\n`).join('');
    await writeFile(file, yaml.replace(/^contacts:\n/m, `contacts:\n${extra}`));
    const r = sopkit(['check', dir, '--today', '2026-11-25', '--format', 'json'], ROOT);
    const fit = (JSON.parse(r.stdout) as Report).diagnostics.filter((d) => d.rule === 'poster-fit' && d.severity === 'error');
    expect(r.code).toBe(1);
    expect(fit.length).toBeGreaterThan(0);
    expect(fit[0]!.file).toMatch(/data\/urgent-action\.yaml$/);
    expect(fit[0]!.line).toBeGreaterThan(1);
  });
  it('reports a data file that breaks its schema once, without laying posters out from it', async () => {
    const dir = await exampleCopy();
    const file = path.join(dir, 'data', 'eligibility.yaml');
    // A number where the Arabic title belongs: the schema says so; the posters used to crash on it.
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title:\n  ar: .*$/m, 'title:\n  ar: 42'));
    const r = sopkit(['check', dir, '--today', '2026-11-25', '--format', 'json'], ROOT);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const all = (JSON.parse(r.stdout) as Report).diagnostics;
    expect(all.filter((d) => d.severity === 'error').map((d) => [d.rule, d.file])).toEqual([['schema', 'data/eligibility.yaml']]);
    expect(all.filter((d) => /could not be laid out/.test(d.message))).toEqual([]);
  });
});
