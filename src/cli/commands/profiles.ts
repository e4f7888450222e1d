import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Command } from '../../vendor/commander.js';
import { diagnostic, SopkitError, type Diagnostic } from '../../diag/index.js';
import type { Localized, Profile } from '../../model/index.js';
import { runAction } from '../run.js';
import { shownPath } from '../paths.js';
import { DIR_ARGUMENT, dirOption, sopDir } from '../usage.js';

/** One profile as listed: the profile, where it comes from, and whether the SOP uses it. */
interface Listed {
  profile: Profile;
  /** `shipped`, or the profile file's path as the user sees it. */
  from: string;
  note?: string;
}

/** A label in every language it has, English first (the order `sopkit profiles` always used). */
function bothLanguages(l: Localized): string {
  return [l.en, ...Object.entries(l).filter(([k]) => k !== 'en').map(([, t]) => t)].filter(Boolean).join(' | ');
}

/** The lines of one profile: id and titles, then where it is from, its contexts, components and posters. */
function describe(l: Listed, width: number, posterEntries: (p: Profile) => { kind: string; data: string }[]): string {
  const p = l.profile;
  const contexts = Object.keys(p.contexts ?? p.required).map((c) => (p.contexts?.[c] ? `${c} (${bothLanguages(p.contexts[c]!)})` : c));
  const posters = posterEntries(p).map((e) => `${e.kind} (data/${e.data}.yaml)`);
  return [
    `${p.id.padEnd(width)}  ${bothLanguages(p.title)}`,
    `    from        ${l.from}${l.note ? ` (${l.note})` : ''}`,
    `    contexts    ${contexts.join(', ')}`,
    `    components  ${p.components.length}`,
    `    posters     ${posters.length ? posters.join(', ') : 'none'}${p.posters ? '' : ' (the default list: the profile has no posters:)'}`,
  ].join('\n');
}

/** A diagnostic about a file of the SOP folder, with the path as seen from where the user is. */
function fromHere(dir: string, d: Diagnostic): Diagnostic {
  return d.file && !d.file.startsWith('<sopkit>') ? { ...d, file: shownPath(path.join(dir, d.file)) } : d;
}

/** The `profile:` that sop.yaml names, when it has a readable one (for the "used by" note). */
async function usedProfile(root: string): Promise<string | undefined> {
  const { readSourceText } = await import('../../fs/index.js');
  const { parseYamlWithPositions } = await import('../../model/index.js');
  const read = await readSourceText(root, 'sop.yaml');
  if (!read.ok) return undefined;
  const value = parseYamlWithPositions(read.text, 'sop.yaml').value as { profile?: unknown } | null;
  return typeof value?.profile === 'string' ? value.profile : undefined;
}

/**
 * The profiles sopkit ships (templates/profiles/) and, when `dir` is given or is the
 * current folder, those kept in that SOP folder (`profiles/<id>.yaml`), so a user can pick
 * `sopkit init DIR --profile ID|PATH` and see what an SOP's own profile says. A broken
 * profile file stops the listing with its file:line error (exit 2), as in `check`.
 */
export async function printProfiles(dir?: string): Promise<number> {
  const { shippedProfileIds, sopProfileIds, loadProfile } = await import('../../model/index.js');
  const { posterEntries } = await import('../../model/poster-kinds.js');
  const listed: Listed[] = [];
  const ownIds: string[] = [];
  let used: string | undefined;
  const root = path.resolve(dir ?? '.');
  if (dir !== undefined) {
    // Named on the command line (or --dir): it must be an SOP folder, or at least hold profiles/.
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new SopkitError(diagnostic('sop-folder-missing', 'error', `the folder "${shownPath(root)}" does not exist or is not a folder`, undefined, 'Pass the SOP folder whose profiles to list, or leave it out for the shipped profiles.'));
    if (!existsSync(path.join(root, 'sop.yaml')) && !existsSync(path.join(root, 'profiles'))) {
      throw new SopkitError(diagnostic('manifest-missing', 'error', `there is no sop.yaml in "${shownPath(root)}"`, undefined, 'Pass the SOP folder whose profiles to list.'));
    }
  }
  if (dir !== undefined || existsSync(path.join(root, 'profiles'))) {
    const problems: Diagnostic[] = [];
    ownIds.push(...(await sopProfileIds(root, (d) => problems.push(d))));
    if (problems.length) throw new SopkitError(problems.map((d) => fromHere(root, d)), 2);
  }
  if (dir !== undefined || existsSync(path.join(root, 'sop.yaml'))) used = await usedProfile(root);
  const shipped = await shippedProfileIds();
  for (const id of ownIds) {
    let profile: Profile;
    try {
      profile = await loadProfile(root, id);
    } catch (e) {
      if (e instanceof SopkitError) throw new SopkitError(e.diagnostics.map((d) => fromHere(root, d)), 2);
      throw e;
    }
    const notes = [used === id ? 'sop.yaml uses it' : '', shipped.includes(id) ? 'in place of the shipped one' : ''].filter(Boolean);
    listed.push({ profile, from: shownPath(path.join(root, 'profiles', `${id}.yaml`)), note: notes.join('; ') || undefined });
  }
  for (const id of shipped) {
    // Loaded from the shipped folder: the SOP folder argument is a folder with no profiles/.
    const profile = await loadProfile('', id, { shippedOnly: true });
    const note = ownIds.includes(id) ? 'this SOP keeps its own copy, listed above' : used === id ? 'sop.yaml uses it' : undefined;
    listed.push({ profile, from: 'shipped', note });
  }
  const width = Math.max(...listed.map((l) => l.profile.id.length));
  process.stdout.write(`${listed.map((l) => describe(l, width, posterEntries)).join('\n')}\n`);
  return 0;
}

export function profilesCommand(): Command {
  return new Command('profiles')
    .description('list the checklist profiles (families of SOPs): the shipped ones, and those kept in an SOP folder (profiles/<id>.yaml); for `sopkit init DIR --profile ID|PATH`')
    .argument('[dir]', `${DIR_ARGUMENT.replace('default: the current folder', 'default: the current folder, when it has profiles/')}; its own profiles are listed first`)
    .addOption(dirOption())
    .action(async (dirArg: string | undefined, flags: { dir?: string }, cmd: Command) =>
      runAction(() => printProfiles(dirArg === undefined && flags.dir === undefined ? undefined : sopDir(cmd, dirArg, flags.dir))),
    );
}
