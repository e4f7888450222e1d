/**
 * Flow: stacks blocks down a series of regions (the text column of page after page),
 * the one pagination rule the SOP pages, the posters' booklets and the redline share.
 * - A block never splits (a caller that may break a paragraph between lines hands in
 *   its lines as blocks); a block taller than a whole region is placed anyway,
 *   overflowing, and reported, so nothing silently disappears.
 * - Space before a block is dropped at the top of a region.
 * - A block may ask for a fresh region (`pageBreakBefore`).
 * - Keep-with-next: when a block does not fit, the chain of keep-with-next blocks that
 *   ends the region moves on with it (a heading never ends a region), unless the chain
 *   fills the whole region.
 * - Repeated headers: a block that opens a region brings its `repeatHeader` blocks first
 *   (a table's header row).
 * - Footnotes: a block's notes go to the foot of the region it lands on, under a
 *   separator; the block moves on when it does not fit with them, and note lines a region
 *   cannot hold continue at the next region's foot (before that region's own notes).
 */

export interface FlowBlock {
  /** Height in points. */
  height: number;
  /** Space above the block, dropped at the top of a region (and of a note area). */
  spaceBefore?: number;
  /** Do not end a region after this block (the default `keepWithNext` rule reads it). */
  keepWithNext?: boolean;
  /** Start a new region before this block (unless nothing is placed in the current one). */
  pageBreakBefore?: boolean;
  /** Blocks to place at the top of a new region when this block opens it (table headers). */
  repeatHeader?: FlowBlock[];
  /** Note lines first referenced in this block: set at the foot of its region. */
  footnotes?: FlowBlock[];
}

/** The vertical extent of one region (page); `bottom` is the lowest a block may end. */
export interface Region {
  top: number;
  bottom: number;
}

export interface FlowOptions {
  /** How far a block may end below `bottom` (rounding of measured heights). */
  slack?: number;
  /** Height of the rule drawn above a region's notes (it counts against the region). */
  noteSeparator?: number;
}

export interface Placed<T> {
  block: T;
  /** Top of the block (its space before already added). */
  y: number;
}

export interface FlowRegion<T> {
  /** The body blocks, top to bottom. */
  body: Array<Placed<T>>;
  /** Used height of the body, from the region's top. */
  used: number;
  /** The notes at the region's foot, and the top of their separator. */
  notes: Array<Placed<T>>;
  separatorY?: number;
}

export interface FlowResult<T> {
  regions: Array<FlowRegion<T>>;
  /** Blocks that end below their region although they start it (taller than a region). */
  tooTall: T[];
}

/** A note of at least this many lines may split across regions... */
const SPLIT_NOTE_LINES = 5;
/** ...keeping this many with their reference (and so at least 3 going over). */
const KEEP_NOTE_LINES = 2;

/** Height of a run of blocks, the first one's space dropped (top of a region or of a note area). */
function stackHeight(list: readonly FlowBlock[]): number {
  let h = 0;
  list.forEach((s, i) => {
    h += (i > 0 ? s.spaceBefore ?? 0 : 0) + s.height;
  });
  return h;
}

/**
 * Places `blocks` in regions: `regions(i)` gives the i-th region (one region: the same for
 * every page). `keepWithNext(b)` keeps block b in the region of the block after it.
 */
export function flow<T extends FlowBlock>(
  blocks: readonly T[],
  regions: Region | ((index: number) => Region),
  keepWithNext: (b: T) => boolean = (b) => b.keepWithNext === true,
  opts: FlowOptions = {},
): FlowResult<T> {
  const regionAt = typeof regions === 'function' ? regions : () => regions;
  const slack = opts.slack ?? 0;
  const sepH = opts.noteSeparator ?? 0;
  const done: Array<{ body: T[]; notes: T[] }> = [];
  const height = () => {
    const r = regionAt(done.length);
    return r.bottom - r.top;
  };
  let cur: T[] = [];
  let y = 0;
  /** Note lines continued from the previous region. */
  let carry: T[] = [];
  /** Note lines already set (a repeated header must not print its notes twice). */
  const emitted = new Set<T>();
  const notesOf = (list: T[]): T[] => {
    const out = [...carry];
    for (const s of list) for (const n of (s.footnotes ?? []) as T[]) if (!emitted.has(n) && !out.includes(n)) out.push(n);
    return out;
  };
  const notesHeight = (notes: T[]) => (notes.length ? sepH + stackHeight(notes) : 0);
  let noteH = 0;
  const place = (s: T) => {
    const space = cur.length ? s.spaceBefore ?? 0 : 0;
    cur.push(s);
    y += space + s.height;
    if (s.footnotes?.length) noteH = notesHeight(notesOf(cur));
  };
  /** Ends the region: sets the note lines that fit under the body, carries the rest. */
  const newRegion = () => {
    const notes = notesOf(cur);
    const room = height() - stackHeight(cur) - sepH + slack;
    let k = 0;
    let h = 0;
    while (k < notes.length) {
      const add = (k > 0 ? notes[k]!.spaceBefore ?? 0 : 0) + notes[k]!.height;
      if (h + add > room) break;
      h += add;
      k++;
    }
    // A region with no body and a note line taller than it: set it anyway, or loop forever.
    if (k === 0 && notes.length && !cur.length) k = 1;
    for (const n of notes) emitted.add(n);
    carry = notes.slice(k);
    done.push({ body: cur, notes: notes.slice(0, k) });
    cur = [];
    y = 0;
    noteH = notesHeight(carry);
  };
  const startWith = (list: T[]) => {
    const first = list[0];
    const header = first?.repeatHeader as T[] | undefined;
    if (header && !header.includes(first!)) for (const h of header) place(h);
    for (const s of list) place(s);
  };
  for (const s of blocks) {
    if (s.pageBreakBefore && cur.length) newRegion();
    const space = cur.length ? s.spaceBefore ?? 0 : 0;
    let need = noteH;
    if (s.footnotes?.length) {
      const before = notesOf(cur).length;
      const all = notesOf([...cur, s]);
      // A long note may split: its first lines stay with the reference and the rest
      // continues at the next region's foot, rather than leaving half a region empty.
      need = notesHeight(all.length - before >= SPLIT_NOTE_LINES ? all.slice(0, before + KEEP_NOTE_LINES) : all);
    }
    if (cur.length && y + space + s.height + need > height() + slack) {
      // Walk back over the keep-with-next chain ending at the region's last block.
      let j = cur.length;
      while (j > 0 && keepWithNext(cur[j - 1]!)) j--;
      let moved: T[] = [];
      if (j > 0 && j < cur.length) {
        moved = cur.slice(j);
        cur = cur.slice(0, j);
      }
      newRegion();
      startWith([...moved, s]);
      continue;
    }
    if (!cur.length) startWith([s]);
    else place(s);
  }
  if (cur.length) newRegion();
  while (carry.length) newRegion();
  const tooTall: T[] = [];
  const out = done.map(({ body, notes }, r): FlowRegion<T> => {
    const { top, bottom } = regionAt(r);
    const placed: Array<Placed<T>> = [];
    let yy = top;
    body.forEach((s, i) => {
      if (i > 0) yy += s.spaceBefore ?? 0;
      placed.push({ block: s, y: yy });
      yy += s.height;
      if (yy > bottom + slack) tooTall.push(s);
    });
    const region: FlowRegion<T> = { body: placed, used: yy - top, notes: [] };
    if (notes.length) {
      // The note area sits at the foot of the region.
      let ny = bottom - notesHeight(notes);
      region.separatorY = ny;
      ny += sepH;
      notes.forEach((s, i) => {
        if (i > 0) ny += s.spaceBefore ?? 0;
        region.notes.push({ block: s, y: ny });
        ny += s.height;
      });
    }
    return region;
  });
  return { regions: out, tooTall };
}
