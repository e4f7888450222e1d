/**
 * Flow: places slices on pages. Keeps chains of `keepWithNext` slices together (a
 * heading with its first lines, a paragraph's first and last two lines: no single
 * widow or orphan line), repeats table headers, honours page breaks.
 */
import type { FrameItem } from '../frame/types.js';
import type { Slice } from './slice.js';
import { shiftItems } from '../frame/items.js';

export interface PlacedPage {
  items: FrameItem[];
  /** Used height of the column. */
  used: number;
  /** Offset already applied to the items (the column's top-left corner on the page). */
  dx: number;
  dy: number;
}

export interface PaginateOptions {
  /** Drawn above a page's footnotes (the short rule on the start side); its height counts. */
  noteSeparator?: Slice;
}

/** A slice's notes of at least this many lines may split across pages... */
const SPLIT_NOTE_LINES = 5;
/** ...keeping this many with their reference (and so at least 3 going over). */
const KEEP_NOTE_LINES = 2;

/** Height of a run of slices, the first one's space dropped (top of page or of the note area). */
function stackHeight(list: Slice[]): number {
  let h = 0;
  list.forEach((s, i) => {
    h += (i > 0 ? s.spaceBefore ?? 0 : 0) + s.height;
  });
  return h;
}

/**
 * Places slices on pages; items come out shifted by (dx, dy) plus their slice's offset.
 * A slice's footnotes go to the foot of its page: the slice moves to the next page when
 * it does not fit with them, and note lines a page cannot hold continue on the next
 * page's foot (before that page's own notes), so no note is lost or overlaps the text.
 */
export function paginate(slices: Slice[], columnHeight: number, dx = 0, dy = 0, opts: PaginateOptions = {}): PlacedPage[] {
  const sep: Slice = opts.noteSeparator ?? { height: 12, items: [] };
  const pages: Array<{ body: Slice[]; notes: Slice[] }> = [];
  let cur: Slice[] = [];
  let y = 0;
  /** Note lines continued from the previous page. */
  let carry: Slice[] = [];
  /** Note lines already set (a repeated table header must not print its notes twice). */
  const emitted = new Set<Slice>();
  const notesOf = (list: Slice[]): Slice[] => {
    const out = [...carry];
    for (const s of list) for (const n of s.footnotes ?? []) if (!emitted.has(n) && !out.includes(n)) out.push(n);
    return out;
  };
  const notesHeight = (notes: Slice[]) => (notes.length ? sep.height + stackHeight(notes) : 0);
  let noteH = 0;
  const place = (s: Slice) => {
    const space = cur.length ? s.spaceBefore ?? 0 : 0;
    cur.push(s);
    y += space + s.height;
    if (s.footnotes?.length) noteH = notesHeight(notesOf(cur));
  };
  /** Ends the page: sets the note lines that fit under the text, carries the rest. */
  const newPage = () => {
    const notes = notesOf(cur);
    const room = columnHeight - stackHeight(cur) - sep.height + 0.01;
    let k = 0;
    let h = 0;
    while (k < notes.length) {
      const add = (k > 0 ? notes[k]!.spaceBefore ?? 0 : 0) + notes[k]!.height;
      if (h + add > room) break;
      h += add;
      k++;
    }
    // A page with no text and a note line taller than the page: set it anyway, or loop forever.
    if (k === 0 && notes.length && !cur.length) k = 1;
    for (const n of notes) emitted.add(n);
    carry = notes.slice(k);
    pages.push({ body: cur, notes: notes.slice(0, k) });
    cur = [];
    y = 0;
    noteH = notesHeight(carry);
  };
  const startWith = (list: Slice[]) => {
    const first = list[0];
    if (first?.repeatHeader && !first.repeatHeader.includes(first)) for (const h of first.repeatHeader) place(h);
    for (const s of list) place(s);
  };
  for (const s of slices) {
    if (s.pageBreakBefore && cur.length) newPage();
    const space = cur.length ? s.spaceBefore ?? 0 : 0;
    let need = noteH;
    if (s.footnotes?.length) {
      const before = notesOf(cur).length;
      const all = notesOf([...cur, s]);
      // A long note may split: its first lines stay with the reference and the rest
      // continues at the next page's foot, rather than leaving half a page empty.
      need = notesHeight(all.length - before >= SPLIT_NOTE_LINES ? all.slice(0, before + KEEP_NOTE_LINES) : all);
    }
    if (cur.length && y + space + s.height + need > columnHeight + 0.01) {
      // Walk back over the keep-with-next chain ending at the page's last slice.
      let j = cur.length;
      while (j > 0 && cur[j - 1]!.keepWithNext) j--;
      let moved: Slice[] = [];
      if (j > 0 && j < cur.length) {
        moved = cur.slice(j);
        cur = cur.slice(0, j);
      }
      // A repeated header left alone at the bottom goes too.
      while (cur.length && cur[cur.length - 1]!.keepWithNext && moved.length === 0) break;
      newPage();
      startWith([...moved, s]);
      continue;
    }
    if (!cur.length) startWith([s]);
    else place(s);
  }
  if (cur.length) newPage();
  while (carry.length) newPage();
  return pages.map(({ body, notes }) => {
    const items: FrameItem[] = [];
    let yy = 0;
    body.forEach((s, i) => {
      if (i > 0) yy += s.spaceBefore ?? 0;
      for (const it of shiftItems(s.items, dx, dy + yy)) items.push(it);
      yy += s.height;
    });
    if (notes.length) {
      // The note area sits at the foot of the column, above the running footer.
      let ny = columnHeight - notesHeight(notes);
      for (const it of shiftItems(sep.items, dx, dy + ny)) items.push(it);
      ny += sep.height;
      notes.forEach((s, i) => {
        if (i > 0) ny += s.spaceBefore ?? 0;
        for (const it of shiftItems(s.items, dx, dy + ny)) items.push(it);
        ny += s.height;
      });
    }
    return { items, used: yy, dx, dy };
  });
}
