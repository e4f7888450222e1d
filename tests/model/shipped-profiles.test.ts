import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceText } from '../../src/fs/index.js';
import { parseYamlWithPositions } from '../../src/model/index.js';
import { shippedProfileValue } from '../../src/model/shipped-profiles.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { writeShippedProfiles } from '../../src/tooling/shipped-profiles.js';

let tmp: string;
let file: string;
let profiles: string[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sopkit-profiles-'));
  ({ file, profiles } = await writeShippedProfiles(tmp));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('shipped profiles parsed at build time', () => {
  it('give exactly what parsing the YAML gives (values and key order)', async () => {
    expect(profiles).toContain('profiles/cpcm-interagency.yaml');
    for (const rel of profiles) {
      const read = await readSourceText(TEMPLATES_DIR, rel);
      if (!read.ok) throw new Error(rel);
      const parsed = parseYamlWithPositions(read.text, rel).value;
      const built = shippedProfileValue(rel, read.text, file);
      expect(built, rel).toStrictEqual(parsed);
      expect(JSON.stringify(built)).toBe(JSON.stringify(parsed));
      // A fresh object each time: one model's changes never show in another's.
      expect(shippedProfileValue(rel, read.text, file)).not.toBe(built);
    }
  });

  it('are not used when the profile text changed since the build, or without the file', async () => {
    const rel = 'profiles/cpcm-interagency.yaml';
    const text = (await readFile(path.join(TEMPLATES_DIR, rel), 'utf8')).replace(/\r\n?/g, '\n');
    expect(shippedProfileValue(rel, text, file)).toBeDefined();
    expect(shippedProfileValue(rel, `${text}# edited\n`, file)).toBeUndefined();
    expect(shippedProfileValue('profiles/other.yaml', text, file)).toBeUndefined();
    expect(shippedProfileValue(rel, text, path.join(tmp, 'missing.json'))).toBeUndefined();
  });
});
