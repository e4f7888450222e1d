import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from '../../vendor/commander.js';
import { diagnostic, SopkitError } from '../../diag/index.js';
import { dateProblem } from '../../diag/dates.js';
import { asOutputError, checkOutputDir, discardDir, makeStagingDir, OUTPUT_MARKER, replaceDir, toPosix } from '../../fs/index.js';
import type { Profile, ProfileComponent } from '../../model/index.js';
import { profileContexts, signatureComponent } from '../../model/profile-roles.js';
import { languageFile } from '../../model/source-path.js';
import { SCHEMAS_DIR, TEMPLATES_DIR } from '../../paths.js';
import { runAction } from '../run.js';
import { ownTemplates, readTemplate, shippedTemplates, strayTemplates, templateFiles, templateLanguage, type TemplateFolder } from './init-templates.js';
import { shownDir, shownPath } from '../paths.js';
import { shellQuote } from '../usage.js';

export interface InitOptions {
  languages: string[];
  /** One of the profile's contexts; default: its first. */
  context?: string;
  /** Checklist profile id (default cpcm-interagency), or the path of a profile file (`*.yaml`, or any path with a folder). */
  profile?: string;
  title?: string;
  /** Date written as the SOP date and first review (YYYY-MM-DD). */
  date: string;
}

const INIT = path.join(TEMPLATES_DIR, 'init');
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/;

export const DEFAULT_PROFILE = 'cpcm-interagency';

/** When the profile names no lead agency for the scaffold; other languages use the English one. */
const DEFAULT_AGENCY: Record<string, string> = {
  en: 'TODO(sopkit) Name of the lead agency',
  ar: 'TODO(sopkit) اسم الوكالة الرائدة',
};

/** The default title: the profile's `init.title`, else its own title with the area still to be named. */
function defaultTitle(profile: Profile): Record<string, string> {
  if (profile.init?.title) return profile.init.title;
  return Object.fromEntries(Object.entries(profile.title).map(([l, t]) => [l, `${t} — TODO(sopkit)`]));
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
}

/** A YAML scalar that is always read back as the same string. */
function yamlString(s: string): string {
  return JSON.stringify(s);
}

async function template(rel: string): Promise<string> {
  return readFile(path.join(INIT, rel), 'utf8');
}

/** The generic template folder for a language: its own, or English. */
function genericLanguage(lang: string): string {
  return existsSync(path.join(INIT, 'sections', lang)) ? lang : 'en';
}

/**
 * A component's template: the profile's own for its id (in `lang`, else English), else the
 * generic one for its role, else the generic `_default.md`.
 */
async function sectionTemplate(profile: Profile, own: TemplateFolder | undefined, comp: ProfileComponent, lang: string, tl: string): Promise<string> {
  const ownText = await readTemplate(own, `sections/${await templateLanguage(own, 'sections', lang)}/${comp.id}.md`);
  if (ownText !== undefined) return ownText;
  if (comp === signatureComponent(profile)) return template(path.join('sections', tl, '_signatures.md'));
  return template(path.join('sections', tl, '_default.md'));
}

/** The placeholder of a recommended annex in the scaffold. */
const ANNEX_TODO: Record<string, string> = {
  en: 'TODO(sopkit) Attach or write this annex, or, if the agencies agreed to do without it, delete this file and renumber the annexes after it.',
  ar: 'TODO(sopkit) أرفق هذا الملحق أو اكتبه، أو، إذا اتفقت الوكالات على الاستغناء عنه، احذف هذا الملف وأعد ترقيم الملاحق التي تليه.',
};

/** The placeholder under a topic heading of the scaffold. */
const TOPIC_TODO: Record<string, string> = {
  en: 'TODO(sopkit) Describe this topic: what the agencies agreed, who does what, and by when.',
  ar: 'TODO(sopkit) صف هذا الموضوع: ما اتفقت عليه الوكالات، ومن يقوم بكل مهمة، وفي أي موعد.',
};

/**
 * Which component's scaffold carries each topic of the profile: the first component the
 * topic names, else the last component with a section of its own (not the signature page
 * nor the annex container).
 */
function topicHomes(profile: Profile): Map<string, NonNullable<Profile['topics']>> {
  const homes = new Map<string, NonNullable<Profile['topics']>>();
  const plain = profile.components.filter((c) => !c.generated && !c.annex_container);
  for (const t of profile.topics ?? []) {
    const home = t.components?.[0] ?? plain.at(-1)?.id;
    if (home === undefined) continue;
    homes.set(home, [...(homes.get(home) ?? []), t]);
  }
  return homes;
}

function expandSteps(text: string, steps: { title: Record<string, string> }[], lang: string): string {
  return text.replace(/\{\{#steps\}\}\n?([\s\S]*?)\{\{\/steps\}\}\n?/g, (_m, block: string) =>
    steps.map((s) => fill(block, { step_title: s.title[lang] ?? s.title.en ?? Object.values(s.title)[0] ?? '' })).join(''),
  );
}

/**
 * The files of a new SOP (relative path → content), computed without touching the disk
 * beyond reading templates: the pure half of `init` (the changesets habit).
 */
export async function planInit(options: InitOptions, profile: Profile, ownProfile?: { text: string; templates?: TemplateFolder }): Promise<Map<string, string | Buffer>> {
  // A shipped profile's templates are sopkit's; a user's profile file brings its own, or none.
  const own = ownProfile ? ownProfile.templates : shippedTemplates(profile);
  const { fingerprintText, splitFrontMatter } = await import('../../model/index.js');
  const files = new Map<string, string | Buffer>();
  const langs = options.languages;
  const first = (values: Record<string, string>, l: string) => values[l] ?? values.en ?? Object.values(values)[0]!;
  const title = defaultTitle(profile);
  const agency = profile.init?.lead_agency ?? DEFAULT_AGENCY;
  const note = profile.init?.context_note;
  files.set(
    'sop.yaml',
    fill(await template('sop.yaml'), {
      title: langs.map((l) => `  ${l}: ${yamlString(options.title ?? first(title, l))}`).join('\n'),
      agency_name: langs.map((l) => `      ${l}: ${yamlString(first(agency, l))}`).join('\n'),
      languages: langs.join(', '),
      context: options.context ?? profileContexts(profile)[0]!,
      context_note: note ? `# ${note}\n` : `# One of: ${profileContexts(profile).join(', ')}.\n`,
      profile: profile.id,
      date: options.date,
      // The profile's review interval (none: the SOP has no review schedule to check).
      review_interval: profile.review?.interval_months !== undefined ? `  interval_months: ${profile.review.interval_months}\n` : '',
    }),
  );
  // A profile of the user's own travels with the SOP: check and build find it in profiles/.
  if (ownProfile) files.set(`profiles/${profile.id}.yaml`, ownProfile.text);
  const topicsOf = topicHomes(profile);
  await strayTemplates(own, profile);

  for (const lang of langs) {
    const tl = genericLanguage(lang);
    for (const comp of profile.components) {
      let body = await sectionTemplate(profile, own, comp, lang, tl);
      const title = comp.title[lang] ?? comp.title[tl] ?? comp.title.en ?? comp.id;
      body = fill(expandSteps(body, comp.steps ?? [], lang in (comp.steps?.[0]?.title ?? {}) ? lang : tl), { n: String(comp.n), title });
      // The required topics that live here get a heading each, so a fresh scaffold passes topic-missing.
      for (const t of topicsOf.get(comp.id) ?? []) {
        const heading = t.title[lang] ?? t.title[tl] ?? t.title.en ?? t.id;
        if (!body.includes(`## ${heading}\n`)) body = `${body.trimEnd()}\n\n### ${heading}\n\n${TOPIC_TODO[tl] ?? TOPIC_TODO.en}\n`;
      }
      const name = `${String(comp.n).padStart(2, '0')}-${comp.id}.md`;
      files.set(`sections/${lang}/${name}`, `---\ncomponent: ${comp.id}\ntitle: ${yamlString(title)}\n---\n\n${body.trim()}\n`);
    }
    const annexes = `annexes/${await templateLanguage(own, 'annexes', lang)}`;
    const names = await templateFiles(own, annexes, /\.md$/);
    const kinds = new Set<string>();
    for (const e of names) {
      const text = (await readTemplate(own, `${annexes}/${e}`))!;
      files.set(`annexes/${lang}/${e}`, text);
      const kind = /^kind: *([a-z0-9-]+) *$/m.exec(text)?.[1];
      if (kind) kinds.add(kind);
    }
    // A placeholder for each annex the profile recommends and its templates do not hold,
    // numbered after them, so that a fresh scaffold lists what is still to be attached.
    let number = names.filter((e) => e.endsWith('.md')).length;
    for (const r of profile.recommended_annexes ?? []) {
      if (kinds.has(r.kind)) continue;
      number += 1;
      const title = r.title[lang] ?? r.title[tl] ?? r.title.en ?? r.kind;
      files.set(`annexes/${lang}/${String(number).padStart(2, '0')}-${r.kind}.md`, `---\nannex: ${number}\nkind: ${r.kind}\ntitle: ${yamlString(title)}\n---\n\n## ${title}\n\n${ANNEX_TODO[tl] ?? ANNEX_TODO.en}\n`);
    }
  }

  // Translations start synced: they are templates of the same text, not drafts behind their source.
  const source = langs[0]!;
  for (const [rel, text] of files) {
    const at = languageFile(rel);
    if (!at || !at.name.endsWith('.md') || at.lang === source || typeof text !== 'string') continue;
    const src = files.get(`${at.kind}/${source}/${at.name}`);
    if (typeof src !== 'string') continue;
    const fp = fingerprintText(splitFrontMatter(src, rel).body);
    files.set(rel, text.replace(/^---\n/, `---\nsource_fingerprint: ${fp}\n`));
  }

  for (const e of await templateFiles(own, 'data', /\.ya?ml$/)) {
    files.set(`data/${e}`, fill((await readTemplate(own, `data/${e}`))!, { date: options.date }));
  }
  // Editors validate against these copies (the yaml-language-server comment at the top of every YAML file).
  for (const e of (await readdir(SCHEMAS_DIR)).filter((n) => n.endsWith('.schema.json')).sort()) {
    files.set(`.sopkit/schemas/${e}`, await readFile(path.join(SCHEMAS_DIR, e)));
  }
  files.set('.gitignore', 'dist/\n');
  return files;
}

/** `--profile` names a file (a path with a folder, or a .yaml/.yml name) rather than a shipped id. */
function isProfilePath(value: string): boolean {
  return /[\\/]/.test(value) || /\.ya?ml$/i.test(value);
}

async function isEmptyOrMissing(target: string, shown: string): Promise<boolean> {
  let st;
  try {
    st = await stat(target);
  } catch {
    return false;
  }
  if (!st.isDirectory()) {
    throw new SopkitError(diagnostic('init-not-empty', 'error', `"${shown}" exists and is a file, not a folder`, undefined, 'Choose a new folder name for the SOP.'));
  }
  const names = (await readdir(target)).sort();
  if (names.length > 0) {
    const held = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    throw new SopkitError(diagnostic('init-not-empty', 'error', `the folder "${shown}" is not empty; sopkit init never overwrites files (it holds ${held})`, undefined, `Choose a new or empty folder, e.g. \`sopkit init my-sop\`; or, if you no longer need what is in ${shown}, delete it yourself and run again.`));
  }
  return true;
}

/** Writes the planned files into `dir` all at once (a staging folder renamed into place). */
export async function runInit(dir: string, options: InitOptions): Promise<number> {
  const target = path.resolve(dir);
  const shown = toPosix(dir);
  const existed = await isEmptyOrMissing(target, shown);
  // The output policy: never the root or home folder, never inside another SOP's sources.
  await checkOutputDir(target, { command: 'init' });
  // The model code is loaded on use, so other commands do not pay for it at start-up.
  const { loadProfile, loadProfileFile, shippedProfileIds } = await import('../../model/index.js');
  const id = options.profile ?? DEFAULT_PROFILE;
  let profile: Profile;
  let ownText: string | undefined;
  let templates: TemplateFolder | undefined;
  if (isProfilePath(id)) {
    // A profile file of the user's own: validated here (file:line), copied into the SOP,
    // with the templates its init.templates names beside it.
    const own = await loadProfileFile(path.resolve(id), toPosix(id));
    ({ profile, text: ownText } = own);
    templates = await ownTemplates(path.resolve(id), toPosix(id), profile, own.positions);
  } else {
    const shipped = await shippedProfileIds();
    if (!shipped.includes(id)) {
      throw new SopkitError(diagnostic('usage', 'error', `--profile must be one of ${shipped.join(', ')}, not "${id}"`, undefined, '`sopkit profiles` lists them with their titles; a profile of your own is given by its path, e.g. --profile ./my-family.yaml.'));
    }
    profile = await loadProfile(target, id, { shippedOnly: true });
  }
  const contexts = profileContexts(profile);
  if (options.context !== undefined && !contexts.includes(options.context)) {
    throw new SopkitError(diagnostic('usage', 'error', `--context must be one of ${contexts.join(', ')} (the contexts of profile ${profile.id}), not "${options.context}"`, undefined, `Leave --context out for "${contexts[0]}", or choose one of the profile's contexts.`));
  }
  const files = await planInit(options, profile, ownText === undefined ? undefined : { text: ownText, templates });
  const staging = await makeStagingDir(target);
  try {
    for (const [rel, content] of files) {
      const abs = path.join(staging, rel);
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, content);
    }
    // The new SOP is a source folder, not an output: it does not keep the staging marker.
    await rm(path.join(staging, OUTPUT_MARKER), { force: true });
    if (existed) await replaceDir(staging, target);
    else await rename(staging, target);
  } catch (e) {
    await discardDir(staging);
    throw asOutputError(e, target);
  }
  const sections = [...files.keys()].filter((k) => k.startsWith('sections/')).length;
  process.stdout.write(
    `Created ${shownDir(target)} (${sections} sections in ${options.languages.join(', ')}, ${[...files.keys()].filter((k) => k.startsWith('data/')).length} data files, profile ${profile.id}, context ${options.context ?? contexts[0]}).\n` +
      `Next: replace every TODO(sopkit) with your text; \`sopkit check ${shellQuote(shownPath(target))}\` lists what is left.\n`,
  );
  return 0;
}

interface InitFlags {
  languages: string;
  context?: string;
  profile: string;
  listProfiles?: boolean;
  title?: string;
  date?: string;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function initCommand(): Command {
  return new Command('init')
    .description('create a new SOP folder: sop.yaml, every component of the profile in each language, its example data files and annexes')
    .argument('[dir]', 'the folder to create (must not exist, or be empty)')
    .option('--profile <id|path>', 'the checklist profile: the family of SOPs (`sopkit profiles` lists them), or the path of your own profile file (copied into DIR/profiles/)', DEFAULT_PROFILE)
    .option('--list-profiles', 'list the shipped profiles and stop')
    .option('--languages <list>', 'working languages, the source first', 'ar,en')
    .addOption(new Option('--context <context>', 'the SOP\'s setting, one of the profile\'s contexts (default: its first; cpcm-interagency: emergency)'))
    .option('--title <text>', 'the SOP title (used for every language until translated)')
    .option('--date <date>', 'the SOP date and first review date, YYYY-MM-DD (default: today)')
    .action(async (dir: string | undefined, flags: InitFlags) =>
      runAction(async () => {
        if (flags.listProfiles) {
          const { printProfiles } = await import('./profiles.js');
          return printProfiles();
        }
        if (dir === undefined) throw new SopkitError(diagnostic('usage', 'error', 'missing required argument \'dir\'', undefined, 'Name the folder to create, e.g. `sopkit init my-sop`.'));
        const languages = flags.languages.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = languages.find((l) => !LANG.test(l));
        if (!languages.length || bad !== undefined || new Set(languages).size !== languages.length) {
          throw new SopkitError(diagnostic('usage', 'error', `--languages must be a list of language codes like ar,en${bad ? `; "${bad}" is not one` : ''}`, undefined, 'Use two- or three-letter codes, the source language first, e.g. --languages ar,en.'));
        }
        const date = flags.date ?? today();
        const badDate = dateProblem(date);
        if (badDate) {
          throw new SopkitError(diagnostic('usage', 'error', `--date must be a date like 2026-11-25: ${badDate}`, undefined, 'Write a real day as YYYY-MM-DD, e.g. --date 2026-11-25 (or leave --date out for today).'));
        }
        return runInit(dir, { languages, context: flags.context, profile: flags.profile, title: flags.title, date });
      }),
    );
}
