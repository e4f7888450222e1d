import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, ROOT, sopkit } from './cli.js';

vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

describe('the example SOP (sop-sources/)', () => {
  it('passes `sopkit check sop-sources --today 2026-11-25`, and the report is byte-identical run to run', () => {
    const a = sopkit(['check', 'sop-sources', '--today', '2026-11-25', '--format', 'json'], ROOT);
    expect(a.code, a.stdout).toBe(0);
    const report = JSON.parse(a.stdout) as { summary: { errors: number }; diagnostics: { rule: string }[] };
    expect(report.summary.errors).toBe(0);
    const b = sopkit(['check', 'sop-sources', '--today', '2026-11-25', '--format', 'json'], ROOT);
    expect(b.stdout).toBe(a.stdout);
  });
});
