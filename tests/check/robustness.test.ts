import { describe, expect, it } from 'vitest';
import { baseFiles, check, synced } from './fixture.js';

/** Rules never throw on content: odd shapes are reported by the schema check and skipped by the rules. */
describe('rules on malformed content', () => {
  const odd: Record<string, string> = {
    'data/eligibility.yaml': 'criteria: 3\nflow:\n  nodes: "none"\n  edges:\n    - 7\n    - { from: [a], to: { b: 1 } }\n',
    'data/case-steps.yaml': 'steps:\n  - "just text"\n  - { id: 5, next: "x" }\n  - { id: a, next: [1, null, a] }\n',
    'data/pathways.yaml': 'pathways: { a: 1 }\n',
    'data/services.yaml': 'services:\n  - null\n  - { agency: 42 }\n',
    'data/urgent-action.yaml': '- a\n- b\n',
    'data/prioritisation.yaml': '"text only"\n',
    'data/extra.yaml': 'anything: [1, 2]\n',
    'sections/ar/05-list.md': '---\n- a\n- b\n---\n\nنص عربي قصير.\n',
    'sections/ar/06-numbers.md': '---\ncomponent: 6\ntitle: 7\norder: "x"\nowner: [a]\n---\n\n::flowchart{data=}\n::flowchart{data}\n:::\n::\n[x]( )\n[y](#)\n',
    'sections/ar/07-nofm.md': 'لا يوجد ترويسة هنا.\n',
    'sections/en/08-empty.md': '',
    'annexes/ar/01-a.md': '---\nannex: "one"\ntitle: ا\n---\n',
    'annexes/zz.yaml': 'annex: -1\nfile: ../../etc/passwd.pdf\n',
  };
  it('report problems without an internal error', async () => {
    const found = await check({ ...synced(baseFiles()), ...odd });
    expect(found.filter((d) => d.rule === 'internal-error')).toEqual([]);
    expect(found.some((d) => d.rule === 'schema')).toBe(true);
    for (const d of found) {
      expect(typeof d.message).toBe('string');
      if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
    }
  });
  it('survive a manifest with odd but schema-valid values', async () => {
    const files = synced(baseFiles());
    files['sop.yaml'] = (files['sop.yaml'] as string).replace('interval_months: 6', 'interval_months: 36').replace('status: draft', 'status: final');
    const found = await check(files, { today: '1999-01-01', countBodyPages: async () => Number.NaN });
    expect(found.filter((d) => d.rule === 'internal-error')).toEqual([]);
  });
});
