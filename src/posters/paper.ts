/**
 * Paper sizes in PDF points (1 pt = 1/72 in). ISO sizes from their millimetre definitions;
 * the US family (Letter, Tabloid, ANSI C) replaces A4/A3/A2 when sop.yaml says `paper: Letter`.
 */
export interface PaperSize {
  /** Short id used in file names: `a3`, `tabloid`, … */
  id: string;
  width: number;
  height: number;
}

const MM = 72 / 25.4;
const mm = (w: number, h: number, id: string): PaperSize => ({ id, width: w * MM, height: h * MM });
const inch = (w: number, h: number, id: string): PaperSize => ({ id, width: w * 72, height: h * 72 });

export const PAPER = {
  a2: mm(420, 594, 'a2'),
  a3: mm(297, 420, 'a3'),
  a4: mm(210, 297, 'a4'),
  a6: mm(105, 148, 'a6'),
  letter: inch(8.5, 11, 'letter'),
  tabloid: inch(11, 17, 'tabloid'),
  ansiC: inch(17, 22, 'ansi-c'),
  /** A quarter of a Letter sheet: the US pocket card that imposes 4-up on Letter. */
  quarterLetter: inch(4.25, 5.5, 'quarter-letter'),
} as const;

export interface PaperFamily {
  /** Posters, small then large. */
  posters: [PaperSize, PaperSize];
  /** The office sheet cards and booklets are imposed on. */
  sheet: PaperSize;
  /** The pocket card: exactly a quarter of `sheet`. */
  card: PaperSize;
}

/** The sizes to print on for the SOP's `paper` setting. */
export function paperFamily(paper: 'A4' | 'Letter' | undefined): PaperFamily {
  if (paper === 'Letter') return { posters: [PAPER.tabloid, PAPER.ansiC], sheet: PAPER.letter, card: PAPER.quarterLetter };
  return { posters: [PAPER.a3, PAPER.a2], sheet: PAPER.a4, card: PAPER.a6 };
}

export { MM };
