/**
 * Flow: stacks blocks down a series of regions (the text column of page after page),
 * the one pagination rule the posters' booklets and the redline share. A block never
 * splits (a caller that may break a paragraph between lines hands in its lines as
 * blocks); a chain of keep-with-next blocks moves on together with the block after it
 * (a heading never ends a region); a block may ask for a fresh region; space before a
 * block is dropped at the top of a region. A block taller than a whole region is placed
 * anyway, overflowing, and reported, so nothing silently disappears.
 */

export interface FlowBlock {
  /** Height in points. */
  height: number;
  /** Space above the block, dropped at the top of a region. */
  spaceBefore?: number;
  /** Start a new region before this block (unless nothing is placed in the current one yet). */
  breakBefore?: boolean;
}

/** The vertical extent of one region (page); `bottom` is the lowest a block may end. */
export interface Region {
  top: number;
  bottom: number;
}

export interface Placement {
  /** Index of the block in the input. */
  block: number;
  /** Index of the region it went to. */
  region: number;
  /** Top of the block (its space before already added). */
  y: number;
}

export interface FlowResult {
  placements: Placement[];
  /** How many regions were used (at least one). */
  regions: number;
  /** Blocks that end below their region although they start it (taller than a region). */
  tooTall: number[];
}

/**
 * Places `blocks` in regions: `regions(i)` gives the i-th region (a single region is the
 * same for every page). `keepWithNext(i)` keeps block i in the region of block i + 1.
 */
export function flow(blocks: readonly FlowBlock[], regions: Region | ((index: number) => Region), keepWithNext: (index: number) => boolean = () => false): FlowResult {
  const regionAt = typeof regions === 'function' ? regions : () => regions;
  const placements: Placement[] = [];
  const tooTall: number[] = [];
  let r = 0;
  let region = regionAt(0);
  let y = region.top;
  let placedHere = 0;
  const next = () => {
    r++;
    region = regionAt(r);
    y = region.top;
    placedHere = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.breakBefore && placedHere) next();
    // What must fit below y: this block and every block its keep-with-next chain holds on to.
    let need = (placedHere ? b.spaceBefore ?? 0 : 0) + b.height;
    for (let k = i; keepWithNext(k) && k + 1 < blocks.length && !blocks[k + 1]!.breakBefore; k++) {
      need += (blocks[k + 1]!.spaceBefore ?? 0) + blocks[k + 1]!.height;
    }
    if (placedHere && y + need > region.bottom) next();
    if (placedHere) y += b.spaceBefore ?? 0;
    placements.push({ block: i, region: r, y });
    y += b.height;
    placedHere++;
    if (y > region.bottom) tooTall.push(i);
  }
  return { placements, regions: r + 1, tooTall };
}
