import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

export const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));

const made: string[] = [];

/** Removes every folder `copyExample` made (call from `afterAll`). */
export async function removeCopies(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** A throw-away copy of the example SOP (sources only), optionally edited. */
export async function copyExample(edit?: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-posters-'));
  made.push(dir);
  // Sources only: others may be building into the example's dist/ at the same moment.
  const keep = new Set(['', 'sop.yaml', 'sections', 'annexes', 'data']);
  await cp(EXAMPLE, dir, { recursive: true, filter: (src) => keep.has(path.relative(EXAMPLE, src).split(path.sep)[0]!) });
  if (edit) await edit(dir);
  return dir;
}

/** Rewrites a YAML data file through `change` (comments are dropped; positions are those of the new text). */
export async function editYaml(dir: string, file: string, change: (value: any) => void): Promise<string> {
  const p = path.join(dir, file);
  const value = parse(await readFile(p, 'utf8'));
  change(value);
  const text = stringify(value, { lineWidth: 0 });
  await writeFile(p, text);
  return text;
}
