/**
 * Referral pathways (component 12; a profile's `pathways` kind, drawn from the data file its entry names) as a pathway diagram: for each concern, a header band
 * and its ordered referral steps as boxes joined by arrows in reading order (right to
 * left in Arabic). Each box carries what a caseworker needs to refer: the service and
 * agency, the action, the timeframe, and the phone and hours from data/services.yaml.
 * Pathways that do not fit one sheet at a legible size continue on further pages.
 */
import { digitsFor, directionOf, formatDate, label, localized, localizeDigits } from '../i18n/index.js';
import type { PathwaysData, ServicesData, Service } from '../document/data-types.js';
import { layoutColumn, type Block, type Box } from './column.js';
import { reportSpill, type PosterContext } from './context.js';
import { largestFitting } from './fit.js';
import { INK, WHITE } from './page.js';
import type { FrameItem, StructNode } from '../frame/types.js';
import { structNode } from '../frame/struct.js';
import { tagBlocks } from './struct.js';
import { polygonItem, polylineItem } from '../frame/shapes.js';

function agencyName(ctx: PosterContext, id: string, lang: string): string {
  const a = ctx.model.manifest.agencies.find((x) => x.id === id);
  return a ? localized(a.name, lang, ctx.model.manifest.languages) : id;
}

export function stepBlocks(ctx: PosterContext, name: string, pathway: number, step: number, lang: string): Block[] {
  const m = ctx.model.manifest;
  const d = ctx.model.data[name]!.value as PathwaysData;
  const services = (ctx.model.data.services?.value as ServicesData | undefined)?.services ?? [];
  const st = d.pathways[pathway]!.steps[step]!;
  const p = `/pathways/${pathway}/steps/${step}`;
  const svc: Service | undefined = services.find((s) => s.id === st.service);
  const n = localizeDigits(String(step + 1), digitsFor(m, lang));
  const blocks: Block[] = [
    { text: `${n}. ${svc ? localized(svc.name, lang, m.languages) : st.service}`, lang, bold: true, src: { data: name, pointer: `${p}/service` } },
  ];
  if (svc) blocks.push({ text: agencyName(ctx, svc.agency, lang), lang, src: { data: name, pointer: `${p}/service` } });
  blocks.push({ text: localized(st.action, lang, m.languages), lang, gap: 0.25, src: { data: name, pointer: `${p}/action` } });
  if (st.timeframe) blocks.push({ text: localized(st.timeframe, lang, m.languages), lang, bold: true, gap: 0.25, src: { data: name, pointer: `${p}/timeframe` } });
  if (svc?.contact.phone) {
    blocks.push({ text: svc.contact.phone, lang: 'en', dir: 'ltr', align: directionOf(lang) === 'rtl' ? 'right' : 'left', bold: true, gap: 0.25, src: { data: name, pointer: `${p}/service` } });
  }
  if (svc?.hours) blocks.push({ text: localized(svc.hours, lang, m.languages), lang, src: { data: name, pointer: `${p}/service` } });
  return blocks;
}

/** A straight arrow from `a` to `b` (tip at `b`), weighted for the text size. */
export function arrowItems(a: { x: number; y: number }, b: { x: number; y: number }, size: number): FrameItem[] {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const head = size * 0.6;
  const base = { x: b.x - ux * head, y: b.y - uy * head };
  return [
    polylineItem([a, base], { stroke: INK, lineWidth: size * 0.15 }),
    polygonItem([b, { x: base.x - uy * head * 0.5, y: base.y + ux * head * 0.5 }, { x: base.x + uy * head * 0.5, y: base.y - ux * head * 0.5 }], { fill: INK }),
  ];
}

interface RowsLayout {
  items: FrameItem[];
  height: number;
  spill?: Block;
}

/**
 * The elements of each pathway: its concern an H2, its steps an L of LIs (each step's
 * lines Ps in the LBody). Made once, before the sizes are tried.
 */
interface PathwayTags {
  head: Block;
  steps: Block[][];
}

function pathwayTags(ctx: PosterContext, name: string, lang: string, i: number, parent: StructNode | undefined): PathwayTags {
  const d = ctx.model.data[name]!.value as PathwaysData;
  const m = ctx.model.manifest;
  const pw = d.pathways[i]!;
  const head: Block = { text: localized(pw.concern, lang, m.languages), lang, bold: true, scale: 1.15, band: INK, color: WHITE, src: { data: name, pointer: `/pathways/${i}/concern` } };
  if (!parent) return { head, steps: pw.steps.map((_, k) => stepBlocks(ctx, name, i, k, lang)) };
  const [tagged] = tagBlocks([head], parent);
  const list = structNode('L', parent);
  const steps = pw.steps.map((_, k) => tagBlocks(stepBlocks(ctx, name, i, k, lang), structNode('LBody', structNode('LI', list))));
  return { head: tagged!, steps };
}

/** Pathways `[from, to)` stacked in `box` at base size `size`. */
function layoutRows(ctx: PosterContext, name: string, lang: string, box: Box, size: number, from: number, to: number, tags: (i: number) => PathwayTags): RowsLayout {
  const d = ctx.model.data[name]!.value as PathwaysData;
  const m = ctx.model.manifest;
  const dir = directionOf(lang);
  const cols = Math.max(...d.pathways.map((p) => p.steps.length));
  const arrow = size * 1.6;
  const pad = size * 0.45;
  const colW = (box.w - (cols - 1) * arrow) / cols;
  const items: FrameItem[] = [];
  let y = box.y;
  let spill: Block | undefined;
  const over = (b?: Block) => { if (!spill && b) spill = b; };
  for (let i = from; i < to; i++) {
    const pw = d.pathways[i]!;
    const t = tags(i);
    const head = t.head;
    const h = layoutColumn([head], { x: box.x, y, w: box.w, h: 1e6 }, size, dir);
    items.push(...h.items);
    if (h.firstSpill >= 0) over(head);
    y += h.height + pad;
    // Steps side by side in reading order; stacked top to bottom when columns would be too narrow.
    const across = (box.w - (cols - 1) * arrow) / cols >= size * 11;
    if (across) {
      const cells = pw.steps.map((_, k) => {
        const x = dir === 'rtl' ? box.x + box.w - (k + 1) * colW - k * arrow : box.x + k * (colW + arrow);
        const blocks = t.steps[k]!;
        const col = layoutColumn(blocks, { x: x + pad, y: y + pad, w: colW - 2 * pad, h: 1e6 }, size, dir);
        if (col.firstSpill >= 0) over(blocks[col.firstSpill]);
        return { x, col };
      });
      const rowH = Math.max(...cells.map((c) => c.col.height)) + 2 * pad;
      cells.forEach(({ x, col }, k) => {
        items.push({ kind: 'rect', x, y, w: colW, h: rowH, stroke: INK, lineWidth: Math.max(1, size * 0.08), fill: WHITE });
        items.push(...col.items);
        if (k < cells.length - 1) {
          const ay = y + rowH / 2;
          const [x1, x2] = dir === 'rtl' ? [x - size * 0.2, x - arrow + size * 0.2] : [x + colW + size * 0.2, x + colW + arrow - size * 0.2];
          items.push(...arrowItems({ x: x1, y: ay }, { x: x2, y: ay }, size));
        }
      });
      y += rowH;
    } else {
      pw.steps.forEach((_, k) => {
        const blocks = t.steps[k]!;
        const col = layoutColumn(blocks, { x: box.x + pad, y: y + pad, w: box.w - 2 * pad, h: 1e6 }, size, dir);
        if (col.firstSpill >= 0) over(blocks[col.firstSpill]);
        const h = col.height + 2 * pad;
        items.push({ kind: 'rect', x: box.x, y, w: box.w, h, stroke: INK, lineWidth: Math.max(1, size * 0.08), fill: WHITE });
        items.push(...col.items);
        y += h;
        if (k < pw.steps.length - 1) {
          const ax = box.x + box.w / 2;
          items.push(...arrowItems({ x: ax, y: y + size * 0.15 }, { x: ax, y: y + arrow * 0.8 - size * 0.15 }, size));
          y += arrow * 0.8;
        }
      });
    }
    y += size * 1.1;
    if (y - size * 1.1 > box.y + box.h + 0.01) over(head);
  }
  return { items, height: y - box.y, spill };
}

/** Groups of pathways, one group per page, each at the largest size ≥ `min` that fits. */
export function pathwayPages(ctx: PosterContext, name: string, lang: string, box: Box, min: number, max: number, where: string, sect: StructNode): FrameItem[][] {
  const d = ctx.model.data[name]!.value as PathwaysData;
  const services = ctx.model.data.services?.value as ServicesData | undefined;
  const m = ctx.model.manifest;
  // The verification date of the service map (R11) is printed on every page.
  const verified = services ? `${label('servicesVerified', lang)}: ${formatDate(services.last_verified, lang, digitsFor(m, lang))}` : '';
  const footBlock: Block = { text: verified, lang, bold: true };
  const footer = verified ? layoutColumn([footBlock], { ...box, h: 1e6 }, min, directionOf(lang)) : undefined;
  const body: Box = { ...box, h: box.h - (footer ? footer.height + min : 0) };
  const untagged = (i: number) => pathwayTags(ctx, name, lang, i, undefined);
  const fitsAt = (s: number, from: number, to: number) => !layoutRows(ctx, name, lang, body, s, from, to, untagged).spill;
  // Greedy first (as many pathways per page as fit at the minimum size), then the same
  // number of pages with the pathways spread evenly, when every page still fits.
  const greedy: Array<[number, number]> = [];
  for (let from = 0; from < d.pathways.length;) {
    let to = d.pathways.length;
    while (to > from + 1 && !fitsAt(min, from, to)) to--;
    greedy.push([from, to]);
    from = to;
  }
  const n = greedy.length;
  const even: Array<[number, number]> = Array.from({ length: n }, (_, k) => [Math.round((k * d.pathways.length) / n), Math.round(((k + 1) * d.pathways.length) / n)]);
  const chunks = even.every(([a, b]) => b > a && fitsAt(min, a, b)) ? even : greedy;
  const pages: FrameItem[][] = [];
  // Elements made once, in reading order, for the layouts that are drawn.
  const tagged = d.pathways.map((_, i) => pathwayTags(ctx, name, lang, i, sect));
  for (const [from, to] of chunks) {
    const size = largestFitting(max, min, (sz) => fitsAt(sz, from, to));
    const rows = layoutRows(ctx, name, lang, body, size ?? min, from, to, (i) => tagged[i]!);
    if (size === undefined) {
      reportSpill(ctx, rows.spill?.src ?? { data: name, pointer: `/pathways/${from}` }, where, min,
        `Shorten the actions in data/${name}.yaml or the service names and hours in data/services.yaml.`);
    }
    const items = [...rows.items];
    // The verification date closes every page: a paragraph of the page's content.
    if (footer) items.push(...footer.items.map((it) => (it.kind === 'lines' ? { ...it, y: it.y + body.h + min, tag: structNode('P', sect) } : it)));
    pages.push(items);
  }
  return pages;
}
