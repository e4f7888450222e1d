import path from 'node:path';
import { diagnostic, SopkitError, type Diagnostic } from '../../diag/index.js';
import { checkSourcePath, listDir, PATH_OUTSIDE, readSourceText, resolveInside, toPosix } from '../../fs/index.js';
import type { PositionMap, Profile } from '../../model/index.js';
import { TEMPLATES_DIR } from '../../paths.js';

/**
 * Where `sopkit init` finds a profile's own templates (`sections/<lang>/<component-id>.md`,
 * `data/*.yaml`, `annexes/<lang>/*.md`): for a shipped profile, `templates/init/profiles/<id>/`
 * (or `init.templates`); for a profile file of the user's own, the folder `init.templates`
 * names relative to that file. Every read stays inside `base` (the profile's folder) under
 * the links-and-paths policy, so a template cannot pull in a file from elsewhere.
 */
export interface TemplateFolder {
  /** The folder reads are confined to: templates/init/ for shipped profiles, the folder of the profile file for a user's. */
  base: string;
  /** The templates folder, relative to `base`, `/`-separated. */
  dir: string;
  /** How `base` is named in messages (`<sopkit>/templates/init`, or the profile file's folder as typed). */
  shownBase: string;
  /** The user's profile file as typed (none for a shipped profile): messages about links name it. */
  profileFile?: string;
}

const INIT = path.join(TEMPLATES_DIR, 'init');

/** The templates of a shipped profile. */
export function shippedTemplates(profile: Profile): TemplateFolder {
  return { base: INIT, dir: `profiles/${profile.init?.templates ?? profile.id}`, shownBase: '<sopkit>/templates/init' };
}

function shown(t: TemplateFolder, rel: string): string {
  return toPosix(path.join(t.shownBase, t.dir, rel));
}

/**
 * The templates of a profile file of the user's own (`init --profile PATH`): the folder its
 * `init.templates` names, relative to the file; none without the key. A path that leaves
 * the profile's folder, or names no folder, is an error at the key's line.
 */
export async function ownTemplates(file: string, shownFile: string, profile: Profile, positions: PositionMap): Promise<TemplateFolder | undefined> {
  const rel = profile.init?.templates;
  if (rel === undefined) return undefined;
  const base = path.dirname(file);
  const shownBase = toPosix(path.dirname(shownFile));
  const at = { ...positions.at('/init/templates'), file: shownFile };
  const folder = `the templates folder "${rel}" (init.templates)`;
  if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel) || !resolveInside(base, rel)) {
    throw new SopkitError(diagnostic('profile-templates', 'error', `${folder} is not inside the folder of ${shownFile}: init reads a profile's templates only from its own folder`, at, `Put the templates in a folder beside the profile file and name it relative to the file, e.g. templates: ${path.basename(file).replace(/\.ya?ml$/i, '')}-templates (no "..", no absolute path).`), 2);
  }
  const c = await checkSourcePath(base, rel);
  if (!c.ok) {
    if (c.diagnostic.rule === PATH_OUTSIDE) throw new SopkitError(outside(shownBase, shownFile, c.diagnostic), 2);
    throw new SopkitError(diagnostic('profile-templates', 'error', `${folder} does not exist beside ${shownFile}`, at, `Create ${toPosix(path.join(shownBase, rel))}/ with sections/<lang>/<component-id>.md, data/*.yaml and annexes/<lang>/*.md, or remove init.templates to scaffold every component from the generic template.`), 2);
  }
  if (!c.stats.isDirectory()) {
    throw new SopkitError(diagnostic('profile-templates', 'error', `${folder} is a file, not a folder`, at, 'Name the folder that holds sections/, data/ and annexes/.'), 2);
  }
  return { base, dir: toPosix(path.normalize(rel)), shownBase, profileFile: shownFile };
}

/** The policy's "link outside" said of the profile's folder, not the SOP folder. */
function outside(shownBase: string, shownFile: string, d: Diagnostic): Diagnostic {
  const link = /is a link to (.*), outside/.exec(d.message)?.[1];
  const what = toPosix(path.join(shownBase, d.file ?? ''));
  return diagnostic(
    'profile-templates',
    'error',
    `${what} ${link ? `is a link to ${link}, which leads` : 'leads'} outside the folder of ${shownFile}: init reads a profile's templates only from its own folder`,
    { file: what },
    'Copy the templates into the folder beside the profile file instead of linking to them (links that stay inside it are fine).',
  );
}

/** Turns a read problem of a template file into an error that names the file as the user sees it. */
function readError(t: TemplateFolder, rel: string, d: Diagnostic): SopkitError {
  // The policy names files relative to `base`, as a link's message needs them.
  if (d.rule === PATH_OUTSIDE && t.profileFile) return new SopkitError(outside(t.shownBase, t.profileFile, d), 2);
  return new SopkitError({ ...d, file: shown(t, rel) }, 2);
}

/** The text of template `rel` (relative to the templates folder), or undefined when there is no such file. */
export async function readTemplate(t: TemplateFolder | undefined, rel: string): Promise<string | undefined> {
  if (!t) return undefined;
  const r = await readSourceText(t.base, `${t.dir}/${rel}`);
  if (r.ok) return r.text;
  if (r.diagnostic.rule === 'file-missing') return undefined;
  throw readError(t, rel, r.diagnostic);
}

/** The names of the files (none without templates) in sub-folder `sub` whose names match `ext`, sorted; none when it is missing. */
export async function templateFiles(t: TemplateFolder | undefined, sub: string, ext: RegExp): Promise<string[]> {
  if (!t) return [];
  const problems: Diagnostic[] = [];
  const entries = await listDir(t.base, `${t.dir}/${sub}`, (d) => problems.push(d));
  if (problems.length) throw readError(t, sub, problems[0]!);
  return entries.filter((e) => e.isFile && ext.test(e.name)).map((e) => e.name);
}

/** The language folder of `sub` to use for `lang`: its own when the templates have it, else English. */
export async function templateLanguage(t: TemplateFolder | undefined, sub: string, lang: string): Promise<string> {
  if (!t) return lang;
  const c = await checkSourcePath(t.base, `${t.dir}/${sub}/${lang}`);
  return c.ok && c.stats.isDirectory() ? lang : 'en';
}

/**
 * Section templates that name no component of the profile (a typo in a file name would
 * otherwise be ignored silently and the component scaffolded from the generic template).
 */
export async function strayTemplates(t: TemplateFolder | undefined, profile: Profile): Promise<void> {
  if (!t) return;
  const ids = new Set(profile.components.map((c) => c.id));
  const problems: Diagnostic[] = [];
  for (const e of await listDir(t.base, `${t.dir}/sections`)) {
    if (!e.isDir) continue;
    for (const name of await templateFiles(t, `sections/${e.name}`, /\.md$/)) {
      if (ids.has(name.slice(0, -3))) continue;
      problems.push(diagnostic('profile-templates', 'error', `the template ${shown(t, `sections/${e.name}/${name}`)} names no component of profile ${profile.id}`, { file: shown(t, `sections/${e.name}/${name}`) }, `Name a section template after its component's id (${[...ids].join(', ')}), e.g. sections/${e.name}/${[...ids][0]}.md.`));
    }
  }
  if (problems.length) throw new SopkitError(problems, 2);
}
