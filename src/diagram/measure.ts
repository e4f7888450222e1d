/**
 * Approximate text measurement, good enough to size diagram boxes without loading
 * fonts (the browser and the PDF renderer draw the real glyphs inside the boxes).
 * Widths are average advance widths of Noto Naskh Arabic / Noto Sans in em.
 */
const NARROW = /[iljtfr.,:;'!|()\[\]ًٌٍَُِّْ]/;
const WIDE = /[mwMWـ@%]/;
const COMBINING = /[\u064B-\u065F\u0670\u06D6-\u06ED]/;

/** Approximate advance width of `text` at `fontSize`. */
export function measureText(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (COMBINING.test(ch)) continue;
    if (ch === ' ') em += 0.26;
    else if (NARROW.test(ch)) em += 0.3;
    else if (WIDE.test(ch)) em += 0.85;
    else if (/[A-Z]/.test(ch)) em += 0.65;
    else if (/[\u0600-\u06FF]/.test(ch)) em += 0.5;
    else em += 0.55;
  }
  return em * fontSize;
}

/** Greedy word wrap to `maxWidth`; a single over-long word gets a line of its own. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureText(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
