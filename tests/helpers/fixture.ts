import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Writes a throw-away folder from an inline object `{ 'a/b.md': 'text' }` and returns its path. */
export async function writeFixture(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
  return dir;
}

/** A small valid manifest; override any key. */
export function manifestYaml(overrides: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    title: '{ ar: "إجراءات", en: "Test SOP" }',
    version: '"1.0"',
    date: '2026-11-01',
    status: 'draft',
    context: 'emergency',
    profile: 'cpcm-interagency',
    languages: '[ar, en]',
    review: '{ last: 2026-10-01, interval_months: 6 }',
    agencies: '[{ id: unicef, name: { ar: "يونيسف", en: "UNICEF" } }]',
    ...overrides,
  };
  return Object.entries(base).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
}
