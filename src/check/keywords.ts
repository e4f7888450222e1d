import { ARABIC_SCRIPT_LANGUAGES, baseLanguage, foldForMatch } from './text.js';

/**
 * Whole-word keyword matching for the profile's step and topic keywords. Both sides are
 * folded (`foldForMatch`: case, diacritics, alef forms…); a keyword matches only as whole
 * words: «المركز» is found in «دور المركز» but not in «البنك المركزي», "plan" not in
 * "planning". In Arabic-script languages the clitics written joined to a word may come
 * before it: the conjunctions و/ف, the prepositions ب/ك/ل and the article ال (ل + ال is
 * written لل), so «والمتابعة» and «للتسجيل» still count.
 */

const LETTER = '[\\p{L}\\p{M}\\p{N}]';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The folded keyword without the article it may start with, and the pattern of the clitics allowed before it. */
function keywordParts(word: string, lang: string): { core: string; prefix: string } {
  const folded = foldForMatch(word);
  if (!ARABIC_SCRIPT_LANGUAGES.has(baseLanguage(lang))) return { core: folded, prefix: '' };
  if (folded.startsWith('\u0627\u0644') && folded.length > 2) {
    // "المتابعة": also "والمتابعة", "بالمتابعة", "للمتابعة" (ل + ال → لل).
    return { core: folded.slice(2), prefix: '(?:[\u0648\u0641]?[\u0628\u0643]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)' };
  }
  // "تنفيذ": also "وتنفيذ", "لتنفيذ", "والتنفيذ", "للتنفيذ".
  return { core: folded, prefix: '(?:[\u0648\u0641]?(?:[\u0628\u0643]?(?:\u0627\u0644)?|\u0644(?:\u0627\u0644|\u0644)?))' };
}

/** The regular expression that finds keyword `word` (unfolded) in folded text of `lang`. */
export function keywordPattern(word: string, lang: string): RegExp {
  const { core, prefix } = keywordParts(word, lang);
  return new RegExp(`(?<!${LETTER})${prefix}${escape(core)}(?!${LETTER})`, 'u');
}

/**
 * Whether one of `words` occurs as whole words in a text already folded (`foldForMatch`).
 * Made once per keyword list: the rules try every heading against each list, and folding
 * the keywords and building their patterns again for each heading was most of the work.
 */
export function keywordMatcher(words: readonly string[], lang: string): (folded: string) => boolean {
  const keys = words.flatMap((w) => {
    const { core } = keywordParts(w, lang);
    return core === '' ? [] : [{ core, pattern: keywordPattern(w, lang) }];
  });
  // The pattern holds `core` literally: text without it cannot match, and the pattern
  // (letter classes looked up at every position) is not run for it.
  return (folded) => keys.some(({ core, pattern }) => folded.includes(core) && pattern.test(folded));
}

/** Whether one of `words` occurs as whole words in `text` (both as written; folded here). */
export function hasKeyword(text: string, words: readonly string[], lang: string): boolean {
  return keywordMatcher(words, lang)(foldForMatch(text));
}

/** A profile's keyword list for `lang`: its own, else its base language's (`ar-SY` → `ar`). */
export function keywordsFor(keywords: Record<string, string[]>, lang: string): string[] | undefined {
  return keywords[lang] ?? keywords[baseLanguage(lang)];
}
