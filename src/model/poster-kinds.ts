/**
 * Poster kinds as a profile names them: the generic drawings sopkit knows, the data schema
 * each kind's data file follows, and which data file each poster of a profile draws from.
 * Part of the model (the loader checks a mapped data file against its kind's schema); the
 * drawing of each kind is in src/posters/.
 */
import type { Profile, ProfilePoster } from './types.js';

/** Per kind: the data schema its data file must follow (also the name its drawing code reads the data under). */
export const POSTER_KINDS = {
  'decision-flow': { schema: 'eligibility', title: 'Decision flow', subject: 'Decision flow poster' },
  steps: { schema: 'case-steps', title: 'Steps', subject: 'Steps poster' },
  pathways: { schema: 'pathways', title: 'Referral pathways', subject: 'Referral pathways poster' },
  organigram: { schema: 'organigram', title: 'Organigram', subject: 'Organigram poster' },
  matrix: { schema: 'relationships', title: 'Matrix', subject: 'Matrix poster (rows by columns)' },
  'priority-levels': { schema: 'prioritisation', title: 'Priority levels', subject: 'Priority levels poster' },
  'contact-card': { schema: 'urgent-action', title: 'Contact card', subject: 'Contact card' },
  'two-way-flow': { schema: 'two-way-flow', title: 'Two-way flow', subject: 'Two-way flow poster' },
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

/** The schema a data file is checked against: its own name's, or that of the poster kind a profile maps it to. */
export function dataSchemaOf(profile: Profile, name: string): string | undefined {
  const p = (profile.posters ?? []).find((e) => e.data === name);
  return p ? POSTER_KINDS[p.kind].schema : undefined;
}
