/**
 * Poster kinds as a profile names them: the generic drawings sopkit knows, the data schema
 * each kind's data file follows, and which data file each poster of a profile draws from.
 * Part of the model (the loader checks a mapped data file against its kind's schema); the
 * drawing of each kind is in src/posters/.
 */
import type { Profile, ProfilePoster } from './types.js';

/**
 * Per kind: the default PDF title and subject of its posters. Each kind's data schema is
 * named by the kind (`schemas/<kind>.schema.json`); the CPCM file names that chose a
 * schema before kinds had one (`eligibility`, `case-steps`, `relationships`,
 * `prioritisation`, `urgent-action`) are alias schemas referring to their kind's.
 */
export const POSTER_KINDS = {
  'decision-flow': { title: 'Decision flow', subject: 'Decision flow poster' },
  steps: { title: 'Steps', subject: 'Steps poster' },
  pathways: { title: 'Referral pathways', subject: 'Referral pathways poster' },
  organigram: { title: 'Organigram', subject: 'Organigram poster' },
  matrix: { title: 'Matrix', subject: 'Matrix poster (rows by columns)' },
  'priority-levels': { title: 'Priority levels', subject: 'Priority levels poster' },
  'contact-card': { title: 'Contact card', subject: 'Contact card' },
  'two-way-flow': { title: 'Two-way flow', subject: 'Two-way flow poster' },
} as const;

export type PosterKind = keyof typeof POSTER_KINDS;

/** A profile poster with every default filled in. */
export interface PosterEntry {
  kind: PosterKind;
  data: string;
  file: string;
  title: string;
  subject: string;
  bilingual: boolean;
}

/**
 * What a profile without `posters:` prints: the posters sopkit printed before profiles
 * listed them, each when its data file is there (titles and subjects as they were, so
 * older SOPs build the same files).
 */
export const DEFAULT_POSTERS: readonly ProfilePoster[] = [
  { kind: 'decision-flow', data: 'eligibility', title: 'Eligibility', subject: 'Eligibility criteria and decision flow poster' },
  { kind: 'steps', data: 'case-steps', title: 'Case management steps', subject: 'Case management steps poster' },
  { kind: 'pathways', data: 'pathways', title: 'Referral pathways', subject: 'Referral pathways poster' },
  { kind: 'organigram', data: 'organigram', title: 'Organigram', subject: 'Organigram of the coordination structures poster' },
  { kind: 'matrix', data: 'relationships', title: 'Graded relationships', subject: 'Graded relationships table poster', bilingual: false },
  { kind: 'priority-levels', data: 'prioritisation', title: 'Prioritisation', subject: 'Prioritisation matrix poster' },
  { kind: 'contact-card', data: 'urgent-action', file: 'urgent-card', title: 'Urgent action', subject: 'Urgent-action referral card' },
];

/** The profile's posters (or the default set), defaults filled in. */
export function posterEntries(profile: Profile): PosterEntry[] {
  return (profile.posters ?? DEFAULT_POSTERS).map((p) => {
    const k = POSTER_KINDS[p.kind];
    return { kind: p.kind, data: p.data, file: p.file ?? p.data, title: p.title ?? k.title, subject: p.subject ?? k.subject, bilingual: p.bilingual ?? true };
  });
}

/** The schema of the poster kind a profile maps data file `name` to (named by the kind), if any. */
export function dataSchemaOf(profile: Profile, name: string): string | undefined {
  return (profile.posters ?? []).find((e) => e.data === name)?.kind;
}

/** The kinds the A6 pocket guide can hold, as text: a wide drawing (a tree, a table, two columns) cannot. */
export const POCKET_KINDS: readonly PosterKind[] = ['decision-flow', 'priority-levels', 'contact-card', 'pathways', 'steps'];

/**
 * What a profile without `pocket_guide:` gathers into the booklet: the five CPCM items,
 * by data-file name, in the order the booklet always had (older SOPs build the same guide).
 */
export const DEFAULT_POCKET_GUIDE: ReadonlyArray<{ kind: PosterKind; data: string }> = [
  { kind: 'decision-flow', data: 'eligibility' },
  { kind: 'priority-levels', data: 'prioritisation' },
  { kind: 'contact-card', data: 'urgent-action' },
  { kind: 'pathways', data: 'pathways' },
  { kind: 'steps', data: 'case-steps' },
];

/**
 * The parts of the pocket guide, in booklet order: the poster entries the profile's
 * `pocket_guide:` names (each drawn as its kind), or the default set; `unknown` are the
 * names that are no poster of the profile, or one of a kind the booklet cannot hold.
 */
export function pocketGuideParts(profile: Profile): { parts: Array<{ kind: PosterKind; data: string }>; unknown: string[] } {
  if (!profile.pocket_guide) return { parts: [...DEFAULT_POCKET_GUIDE], unknown: [] };
  const entries = posterEntries(profile);
  const parts: Array<{ kind: PosterKind; data: string }> = [];
  const unknown: string[] = [];
  for (const name of profile.pocket_guide) {
    const e = entries.find((x) => x.data === name);
    if (e && POCKET_KINDS.includes(e.kind)) parts.push({ kind: e.kind, data: e.data });
    else unknown.push(name);
  }
  return { parts, unknown };
}
