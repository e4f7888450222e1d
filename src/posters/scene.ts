/**
 * What a poster or card page is made of, before it becomes PDF: boxes, strokes and lines
 * of shaped text, in points, origin at the page's top-left corner, y downwards. Pure data,
 * so imposition can move pages around and tests can read positions without a PDF.
 */
import type { Line, Rgb } from '../text/index.js';

export interface Point {
  x: number;
  y: number;
}

/** Lines of shaped text (from `text/` layoutParagraph) stacked from `y` (top of the first line box). */
export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  width: number;
  lines: Line[];
}

export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
  dash?: number[];
}

export interface PathItem {
  kind: 'path';
  points: Point[];
  closed?: boolean;
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
  dash?: number[];
}

/** A printer's mark (crop, fold): kept apart from artwork so tests can find every one. */
export interface MarkItem {
  kind: 'mark';
  role: 'crop' | 'fold' | 'cut';
  from: Point;
  to: Point;
  lineWidth: number;
  dash?: number[];
}

export type SceneItem = TextItem | RectItem | PathItem | MarkItem;

export interface ScenePage {
  width: number;
  height: number;
  items: SceneItem[];
}

export interface SceneDoc {
  /** Document title for the PDF's metadata. */
  title: string;
  /** BCP 47 language of the document (a bilingual one: its first language, the SOP's source). */
  lang: string;
  pages: ScenePage[];
}

/** Moves every item of a page by (dx, dy): how imposition places a card on a sheet. */
export function translateItems(items: SceneItem[], dx: number, dy: number): SceneItem[] {
  const p = (q: Point): Point => ({ x: q.x + dx, y: q.y + dy });
  return items.map((it): SceneItem => {
    switch (it.kind) {
      case 'text': return { ...it, x: it.x + dx, y: it.y + dy };
      case 'rect': return { ...it, x: it.x + dx, y: it.y + dy };
      case 'path': return { ...it, points: it.points.map(p) };
      case 'mark': return { ...it, from: p(it.from), to: p(it.to) };
    }
  });
}
