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
    // The Arabic article "ال" is glued to its word: drop it so "الإحالة" meets "إحالة".
    .replace(/(^|\s)\u0648?\u0627\u0644(?=\S{2})/g, '$1')
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
}

/** At or above this, a heading is taken as the component; below, it goes to the unmapped file. */
export const MATCH_THRESHOLD = 0.55;

/** The component whose title (in any language) is closest to `heading`, if close enough. */
export function matchComponent(profile: Profile, heading: string): ComponentMatch {
  const h = normalizeTitle(heading);
  let best: ComponentMatch = { confidence: 0 };
  for (const c of profile.components) {
    const titles = [...Object.values(c.title), c.id.replace(/-/g, ' ')];
    for (const t of titles) {
      const n = normalizeTitle(t);
      // A heading that holds the whole title ("Eligibility criteria and flowchart for children") is a strong match too.
      const s = Math.max(similarity(h, n), n.length >= 6 && h.includes(n) ? 0.9 : 0);
      if (s > best.confidence) best = { component: c, confidence: s };
    }
  }
  return best.confidence >= MATCH_THRESHOLD ? best : { confidence: best.confidence };
}
