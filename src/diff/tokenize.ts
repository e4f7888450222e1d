/**
 * Splits text into diff tokens: a word (letters, combining marks and digits of any
 * script, so Arabic words with harakat, tatweel or Arabic-Indic digits stay whole; inner
 * apostrophes and hyphens keep "post-exposure" or "child's" one word) or a single
 * punctuation mark, each carrying the whitespace that follows it. Whitespace rides along
 * so that a diff on words never reports a re-wrapped line as a change, yet joining the
 * tokens gives back the text exactly.
 *
 * Invariant: `tokenize(t).join('') === t`.
 */
const TOKEN = /[\p{L}\p{M}\p{N}_\u200C\u200D]+(?:['’\-\u2011][\p{L}\p{M}\p{N}_\u200C\u200D]+)*\s*|[^\s]\s*|\s+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The token without its trailing whitespace: what two tokens are compared on. */
export function tokenCore(token: string): string {
  return token.replace(/\s+$/u, '');
}

/** Counts words (tokens with a letter or digit), e.g. for "12 words inserted". */
export function countWords(text: string): number {
  return tokenize(text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}
