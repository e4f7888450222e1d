/** The one typographic theme (R2: consistent font, spacing, language). Points. */
import type { Rgb } from '../text/index.js';

export interface PageSize {
  width: number;
  height: number;
}

export const PAPER: Record<string, PageSize> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
  A3: { width: 841.89, height: 1190.55 },
  A6: { width: 297.64, height: 419.53 },
};

export interface Theme {
  page: PageSize;
  margin: { top: number; bottom: number; side: number };
  bodySize: number;
  /** Line height factor per direction: Naskh needs more room for marks than Latin. */
  lineHeight: { rtl: number; ltr: number };
  headingSizes: number[];
  smallSize: number;
  tableSize: number;
  headerSize: number;
  paraGap: number;
  listIndent: number;
  text: Rgb;
  muted: Rgb;
  accent: Rgb;
  ruleColor: Rgb;
  headerFill: Rgb;
}

export function createTheme(paper: string | undefined): Theme {
  return {
    page: PAPER[paper ?? 'A4'] ?? PAPER.A4!,
    margin: { top: 70, bottom: 62, side: 62 },
    bodySize: 11,
    lineHeight: { rtl: 1.75, ltr: 1.45 },
    headingSizes: [17, 14, 12.5, 11.5],
    smallSize: 8.5,
    tableSize: 9.5,
    headerSize: 8.5,
    paraGap: 6,
    listIndent: 18,
    text: [0.1, 0.1, 0.1],
    muted: [0.38, 0.38, 0.38],
    accent: [0.05, 0.3, 0.55],
    ruleColor: [0.6, 0.6, 0.6],
    headerFill: [0.91, 0.93, 0.96],
  };
}
