import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useMemoStore } from '../../src/cache/memo.js';
import { parseYamlWithPositions, type ParsedYaml } from '../../src/model/yaml.js';
import { splitFrontMatter } from '../../src/model/front-matter.js';

const EXAMPLE = fileURLToPath(new URL('../../sop-sources/', import.meta.url));

/** Every YAML of the example as the loader parses it: sop.yaml, the data files, each section's front-matter. */
function parses(): Array<() => ParsedYaml> {
  const out: Array<() => ParsedYaml> = [];
  for (const f of ['sop.yaml', ...readdirSync(path.join(EXAMPLE, 'data')).map((d) => `data/${d}`)]) {
    const text = readFileSync(path.join(EXAMPLE, f), 'utf8');
    out.push(() => parseYamlWithPositions(text, f));
  }
  for (const lang of ['en', 'ar']) {
    for (const s of readdirSync(path.join(EXAMPLE, 'sections', lang))) {
      const file = `sections/${lang}/${s}`;
      const text = readFileSync(path.join(EXAMPLE, file), 'utf8');
      out.push(() => {
        const r = splitFrontMatter(text, file);
        return { value: r.frontMatter, positions: r.positions, diagnostics: r.diagnostics };
      });
    }
  }
  return out;
}

/** What a consumer can see of a parse: the value, and every key's and value's position. */
function seen(p: ParsedYaml) {
  const m = p.positions as unknown as { values: Map<string, unknown>; keys: Map<string, unknown> };
  return { value: p.value, values: [...m.values], keys: [...m.keys], diagnostics: p.diagnostics, missing: p.positions.at('/no/such/key'), keyAt: p.positions.keyAt('/nope') };
}

describe('kept YAML parses (src/cache/memo.ts)', () => {
  afterEach(() => useMemoStore(undefined));

  it('a parse read back from the store is the parse: values, positions, fallbacks', async () => {
    const runs = parses();
    const fresh = runs.map((r) => seen(r()));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-memo-yaml-'));
    useMemoStore(dir, 'engine-a');
    const stored = runs.map((r) => seen(r())); // misses: parsed and kept
    expect(readdirSync(path.join(dir, 'yaml')).length).toBe(runs.length);
    const read = runs.map((r) => seen(r())); // hits
    expect(stored).toStrictEqual(fresh);
    expect(read).toStrictEqual(fresh);
    // The hits came from the files: damage them all and the parse runs again, same result.
    for (const f of readdirSync(path.join(dir, 'yaml'))) writeFileSync(path.join(dir, 'yaml', f), '{"value":');
    expect(runs.map((r) => seen(r()))).toStrictEqual(fresh);
  });

  it('keeps only clean parses of plain JSON data, and a file name or line offset of its own', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-memo-yaml-'));
    useMemoStore(dir, 'engine-a');
    const kept = () => readdirSync(path.join(dir, 'yaml')).length;
    parseYamlWithPositions('a: 1\nb: [x, y]\n', 'a.yaml');
    expect(kept()).toBe(1);
    expect(parseYamlWithPositions('a: 1\nb: [x, y]\n', 'b.yaml', 3).positions.at('/b/1')).toEqual({ file: 'b.yaml', line: 5, column: 8 });
    expect(kept()).toBe(2);
    const broken = parseYamlWithPositions('a: [1, 2\n', 'c.yaml');
    expect(broken.diagnostics).toHaveLength(1);
    expect(parseYamlWithPositions('a: .nan\nb: -0\n', 'd.yaml').value).toEqual({ a: NaN, b: -0 });
    expect(kept()).toBe(2);
    expect(parseYamlWithPositions('a: [1, 2\n', 'c.yaml')).toStrictEqual(broken);
  });
});
