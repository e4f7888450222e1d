/**
 * Characters no sopkit font can draw. `check` calls this to warn with file/line instead
 * of letting a character print as a blank box.
 */
import { getFonts } from './fonts.js';
import { isIgnorable } from './script.js';

export interface UncoveredChar {
  /** The character itself. */
  char: string;
  /** `U+1F600` style code. */
  code: string;
  /** UTF-16 offset of its first occurrence in the text. */
  index: number;
  /** 1-based line and column of the first occurrence within the text. */
  line: number;
  column: number;
}

/** Lists each distinct character of `text` that neither the Arabic nor the Latin face covers. */
export function uncoveredCharacters(text: string): UncoveredChar[] {
  const fonts = getFonts();
  const seen = new Set<number>();
  const out: UncoveredChar[] = [];
  let line = 1;
  let col = 1;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp === 0x0a) {
      line++;
      col = 1;
      continue;
    }
    if (!isIgnorable(cp) && !seen.has(cp) && !fonts.arabic.covers(cp) && !fonts.latin.covers(cp)) {
      seen.add(cp);
      out.push({
        char: String.fromCodePoint(cp),
        code: 'U+' + cp.toString(16).toUpperCase().padStart(4, '0'),
        index: i, line, column: col,
      });
    }
    if (cp > 0xffff) i++;
    col++;
  }
  return out;
}
