/**
 * Which profile component a Word heading is: titles compared after normalisation
 * (Arabic letter variants and diacritics folded, manual numbering like "8-", "٨." or
 * "Component 8:" removed, punctuation dropped), by the overlap of their character
 * trigrams (a fuzzy match that survives a changed word or a plural), the best of the
 * component's titles in every language of the profile.
 */
import type { Profile, ProfileComponent } from '../../model/types.js';

/** Manual numbering at the start of a heading: "8.", "8-", "8.2", "٨)", "(8)", "Component 8:", "المكون ٨:". */
const NUMBERING = /^\s*(?:(?:component|section|chapter|part|annex|المكون|القسم|الفصل|الجزء|الملحق)\s+)?\(?[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.\-–][0-9\u0660-\u0669\u06F0-\u06F9]+)*\)?\s*[.\-–):：]?\s+/iu;
/** Numbering by letters: "A.", "a)", "أ-" (one letter, then a mark). */
const LETTER_NUMBERING = /^\s*[A-Za-z\u0623\u0628\u062C\u062F]\s*[.)\-–]\s+/u;

/** A heading without the numbering Word users type by hand. */
export function stripNumbering(title: string): string {
  return title.replace(NUMBERING, '').replace(LETTER_NUMBERING, '').trim();
}

/** Lower case, Arabic folded (hamza forms of alef, alef maqsura, ta marbuta, diacritics, tatweel), punctuation gone. */
export function normalizeTitle(title: string): string {
  return stripNumbering(title.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    // The Arabic article "ال" and the conjunction "و" are glued to their word: drop them so
    // "ومسارات" meets "مسارات" and "الإحالة" meets "إحالة".
    .replace(/(^|\s)\u0648(?=\S{3})/g, '$1')
    .replace(/(^|\s)\u0627\u0644(?=\S{2})/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function trigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const padded = ` ${s} `;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two strings' character trigrams, 0…1. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ta) {
    common += Math.min(n, tb.get(g) ?? 0);
    total += n;
  }
  for (const n of tb.values()) total += n;
  return (2 * common) / total;
}

export interface ComponentMatch {
  component?: ProfileComponent;
  confidence: number;
  /** Found by the heading's number (its words matched no title well enough). */
  byNumber?: boolean;
}

/** The number a heading starts with ("8.", "٨-", "Component 8:"), if any. */
export function headingNumber(title: string): number | undefined {
  const m = /^\s*(?:\S+\s+)?\(?([0-9\u0660-\u0669\u06F0-\u06F9]+)/u.exec(title);
  if (!m || !NUMBERING.test(title)) return undefined;
  return Number(m[1]!.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x6f0)));
}

/** The share of the heading's words (three or more) found among the title's: a short heading of a long title. */
function coverage(heading: string, title: string): number {
  const h = [...new Set(heading.split(' ').filter((w) => w.length > 2))];
  if (h.length < 3) return 0;
  const t = new Set(title.split(' '));
  return h.filter((w) => t.has(w)).length / h.length;
}

/** At or above this, a heading is taken as the component; below, it goes to the unmapped file. */
export const MATCH_THRESHOLD = 0.55;

/**
 * The component whose title (in any language) is closest to `heading`, if close enough;
 * else, when the heading is numbered by hand and the number is a component's, that one
 * (SOPs written on the guidance's template keep its numbering), with a modest confidence.
 */
export function matchComponent(profile: Profile, heading: string): ComponentMatch {
  const best = matchByTitle(profile, heading);
  if (best.confidence >= MATCH_THRESHOLD) return best;
  const n = headingNumber(heading);
  const numbered = n === undefined ? undefined : profile.components.find((c) => c.n === n);
  return numbered ? { component: numbered, confidence: MATCH_THRESHOLD, byNumber: true } : { confidence: best.confidence };
}

function matchByTitle(profile: Profile, heading: string): ComponentMatch {
  const h = normalizeTitle(heading);
  let best: ComponentMatch = { confidence: 0 };
  for (const c of profile.components) {
    const titles = [...Object.values(c.title), c.id.replace(/-/g, ' ')];
    for (const t of titles) {
      const n = normalizeTitle(t);
      // A heading that holds the whole title ("Eligibility criteria and flowchart for children") is a strong match too.
      // A heading that is the title's beginning ("Roles of key stakeholders" for "Roles of key stakeholders, including…"),
      // or most of whose words are the title's, is a strong match too.
      const s = Math.max(similarity(h, n), n.length >= 6 && h.includes(n) ? 0.9 : 0, h.length >= 10 && n.startsWith(h) ? 0.85 : 0, 0.85 * coverage(h, n));
      if (s > best.confidence) best = { component: c, confidence: s };
    }
  }
  return best;
}
