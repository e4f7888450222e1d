/**
 * Build step: parses the profiles shipped in templates/profiles/ into
 * lib/model/shipped-profiles.json (see src/model/shipped-profiles.ts for why). Only
 * profiles that parse and validate cleanly, and whose value survives JSON unchanged, are
 * written; any other is parsed at run time as before.
 */
import { readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { readSourceText } from '../fs/index.js';
import { SHIPPED_PROFILES_FILE, textSha256, type ShippedProfiles } from '../model/shipped-profiles.js';
import { parseYamlWithPositions } from '../model/yaml.js';
import { TEMPLATES_DIR } from '../paths.js';
import { validateData } from '../validate/index.js';

const MODEL_DIR = fileURLToPath(new URL('../model/', import.meta.url));

export async function shippedProfiles(): Promise<ShippedProfiles> {
  const out: ShippedProfiles = {};
  for (const name of (await readdir(path.join(TEMPLATES_DIR, 'profiles'))).filter((n) => n.endsWith('.yaml')).sort()) {
    const rel = `profiles/${name}`;
    const read = await readSourceText(TEMPLATES_DIR, rel);
    if (!read.ok) continue;
    const y = parseYamlWithPositions(read.text, rel);
    if (y.diagnostics.length || validateData('profile', y.value, y.positions, rel).length) continue;
    const json = JSON.stringify(y.value);
    // -0, NaN, Infinity would not come back the same from JSON.
    if (!isDeepStrictEqual(JSON.parse(json), y.value)) continue;
    out[rel] = { sha256: textSha256(read.text), json };
  }
  return out;
}

/** Writes `dir`/shipped-profiles.json; returns the file and the profiles it holds. */
export async function writeShippedProfiles(dir = MODEL_DIR): Promise<{ file: string; profiles: string[] }> {
  const profiles = await shippedProfiles();
  const file = path.join(dir, SHIPPED_PROFILES_FILE);
  await writeFile(`${file}.tmp`, `${JSON.stringify(profiles)}\n`);
  await rename(`${file}.tmp`, file);
  return { file, profiles: Object.keys(profiles) };
}
