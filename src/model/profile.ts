import path from 'node:path';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { diagnostic, SopkitError, type Diagnostic } from '../diag/index.js';
import { listDir, readSourceText, toPosix } from '../fs/index.js';
import { TEMPLATES_DIR } from '../paths.js';
import { validateData } from '../validate/index.js';
import type { PositionMap, Profile } from './types.js';
import { shippedProfileValue } from './shipped-profiles.js';
import { emptyPositions, parseYamlWithPositions } from './yaml.js';

/**
 * Loads checklist profile `id`: the SOP's own `profiles/<id>.yaml` first (a group may
 * adapt the checklist), else the one shipped in `templates/profiles/`. Profiles are
 * data: a new family of documents needs a new file, not new code.
 */
export async function loadProfile(root: string, id: string, options: { shippedOnly?: boolean } = {}): Promise<Profile> {
  const local = path.join('profiles', `${id}.yaml`);
  let base = root;
  let rel = local;
  if (options.shippedOnly || !existsSync(path.join(root, local))) {
    base = TEMPLATES_DIR;
    rel = path.join('profiles', `${id}.yaml`);
    if (!existsSync(path.join(base, rel))) {
      throw new SopkitError(
        diagnostic('profile-unknown', 'error', `sop.yaml names the checklist profile "${id}", which sopkit does not know`, { file: 'sop.yaml' }, 'Use profile: cpcm-interagency, or put your own profile in profiles/<id>.yaml inside the SOP folder.'),
      );
    }
  }
  const shown = base === root ? toPosix(rel) : `<sopkit>/templates/${toPosix(rel)}`;
  const read = await readSourceText(base, rel);
  if (!read.ok) throw new SopkitError({ ...read.diagnostic, file: shown });
  if (base !== root) {
    // The shipped profile as parsed at build time, when its text is unchanged; checked
    // against the schema as always (a schema edited since the build would be noticed);
    // any problem and it is parsed below, which reports it with its position.
    const value = shippedProfileValue(toPosix(rel), read.text);
    if (value && validateData('profile', value, emptyPositions(shown), `profile ${id}`).length === 0) {
      return { ...(value as Omit<Profile, 'file'>), file: shown };
    }
  }
  const y = parseYamlWithPositions(read.text, shown);
  if (y.diagnostics.length) throw new SopkitError(y.diagnostics[0]!, 2);
  const errors = validateData('profile', y.value, y.positions, `profile ${id}`);
  if (errors.length) throw new SopkitError(errors[0]!, 2);
  const own = (y.value as { id: string }).id;
  // sop.yaml names the profile by its file name; an id that says otherwise would make every
  // message name a profile the user cannot find.
  if (own !== id) {
    throw new SopkitError(
      diagnostic('profile-id', 'error', `${shown} says id: ${own}, but its file name makes it profile "${id}"`, y.positions.at('/id'), `Make them agree: set id: ${id} in the file, or rename it to profiles/${own}.yaml (and name that in sop.yaml's profile:).`),
      2,
    );
  }
  return { ...(y.value as Omit<Profile, 'file'>), file: shown };
}

/**
 * The ids of the profiles kept in an SOP folder (`profiles/<id>.yaml`), sorted: what
 * `sopkit profiles DIR` lists beside the shipped ones. A `profiles/` folder that is a link
 * out of the SOP folder is reported through `report` (the links-and-paths policy).
 */
export async function sopProfileIds(root: string, report?: (d: Diagnostic) => void): Promise<string[]> {
  return (await listDir(root, 'profiles', report)).filter((e) => e.isFile && e.name.endsWith('.yaml')).map((e) => e.name.slice(0, -5));
}

/**
 * Loads a profile file the user wrote, outside any SOP folder (`sopkit init --profile
 * ./my-family.yaml`): validated like every profile, errors at `shown`'s lines. Returns
 * its text too, which init copies into the new SOP's `profiles/<id>.yaml`.
 */
export async function loadProfileFile(file: string, shown: string): Promise<{ profile: Profile; text: string; positions: PositionMap }> {
  const read = await readSourceText(path.dirname(file), path.basename(file));
  if (!read.ok) throw new SopkitError({ ...read.diagnostic, file: shown }, 2);
  const y = parseYamlWithPositions(read.text, shown);
  if (y.diagnostics.length) throw new SopkitError(y.diagnostics[0]!, 2);
  const errors = validateData('profile', y.value, y.positions, `profile ${shown}`);
  if (errors.length) throw new SopkitError(errors[0]!, 2);
  return { profile: { ...(y.value as Omit<Profile, 'file'>), file: shown }, text: read.text, positions: y.positions };
}

/** The ids of the profiles shipped in templates/profiles/, sorted. */
export async function shippedProfileIds(): Promise<string[]> {
  return (await readdir(path.join(TEMPLATES_DIR, 'profiles'))).filter((n) => n.endsWith('.yaml')).map((n) => n.slice(0, -5)).sort();
}
