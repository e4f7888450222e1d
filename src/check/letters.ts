/**
 * How many of a file's letters are Arabic-script and how many Latin (the section-language
 * rule, through the file's check view: ./view.ts).
 */
import type { Root } from 'mdast';
import { proseText } from './scan.js';

const ARABIC_LETTER = /^(?=\p{L})\p{Script=Arabic}$/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;
const NEITHER = 1;
const ARABIC = 2;
const LATIN = 3;

/** What one code point is: an Arabic-script letter (not a mark or digit), a Latin-script one, or neither. */
const kindOf = (ch: string): number => (ARABIC_LETTER.test(ch) ? ARABIC : LATIN_LETTER.test(ch) ? LATIN : NEITHER);

/**
 * The kind of each UTF-16 code unit seen so far (0: not looked up yet). A section uses a
 * few hundred distinct characters: each is matched against the Unicode properties once
 * per process, the rest is a table look-up. Matching the prose with the properties made
 * the regular expression engine test every character against both scripts' ranges, and
 * matching every letter into a list of one-letter strings made ~9 MB of garbage per
 * check of the example.
 */
const kinds = new Uint8Array(0x10000);

function countLetters(s: string): { arabic: number; latin: number } {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let kind: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      kind = kindOf(s.slice(i, i + 2)); // outside the BMP: rare, not kept
      i += 1;
    } else {
      kind = kinds[c] || (kinds[c] = kindOf(s[i]!));
    }
    if (kind === ARABIC) arabic += 1;
    else if (kind === LATIN) latin += 1;
  }
  return { arabic, latin };
}

/** Letters of the prose: no code, no URLs or e-mail addresses, no Latin acronyms (UNICEF, CPIMS+). */
export function letterCounts(tree: Root): { arabic: number; latin: number } {
  const prose = proseText(tree)
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/\b[A-Z][A-Z0-9]+[a-z]?\b\+?/g, ' ');
  return countLetters(prose);
}

