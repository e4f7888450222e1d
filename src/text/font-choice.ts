/**
 * Per-character font fallback: Arabic letters → Naskh, other letters → the Latin face,
 * neutrals (spaces, punctuation, digits) follow their neighbours so a run is not cut at
 * every space. A face that lacks the character hands it to the other face.
 */
import type { FontFace } from './fonts.js';
import { isArabicChar, isMarkOrJoiner, isOtherLetter } from './script.js';

export interface FacePair {
  arabic: FontFace;
  latin: FontFace;
}

/** One face per UTF-16 index (low surrogates share the high surrogate's face). */
export function chooseFaces(text: string, faces: FacePair, preferArabic: boolean): FontFace[] {
  const n = text.length;
  const out: Array<FontFace | undefined> = new Array(n);
  // Pass 1: strong choices.
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(i)!;
    let f: FontFace | undefined;
    if (isArabicChar(cp) && !isMarkOrJoiner(cp)) f = faces.arabic;
    else if (isOtherLetter(cp)) f = faces.latin;
    out[i] = f;
    if (cp > 0xffff) out[++i] = f;
  }
  // Pass 2: neutrals take the previous strong face, else the next, else the language's.
  let prev: FontFace | undefined;
  for (let i = 0; i < n; i++) {
    if (out[i]) prev = out[i];
    else if (prev) out[i] = prev;
  }
  let next: FontFace | undefined;
  for (let i = n - 1; i >= 0; i--) {
    if (out[i]) next = out[i];
    else out[i] = next ?? (preferArabic ? faces.arabic : faces.latin);
  }
  // Digits and punctuation inside Arabic text could go either way; spaces between an
  // Arabic and a Latin word are fine in either face. Coverage is what must hold.
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(i)!;
    const f = out[i]!;
    if (!isMarkOrJoiner(cp) && !f.covers(cp)) {
      const other = f === faces.arabic ? faces.latin : faces.arabic;
      if (other.covers(cp)) out[i] = other;
    }
    if (isMarkOrJoiner(cp) && i > 0) out[i] = out[i - 1];
    if (cp > 0xffff) out[++i] = out[i - 1];
  }
  return out as FontFace[];
}
