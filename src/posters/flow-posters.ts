/**
 * The two flowchart posters: eligibility (component 8: criteria and decision flow) and
 * the case-management steps (component 11: steps, key actions, timelines).
 */
import { caseStepsGraph, eligibilityGraph } from '../diagram/index.js';
import { digitsFor, directionOf, label, localized, localizeDigits } from '../i18n/index.js';
import type { CaseStepsData, EligibilityData } from '../document/data-types.js';
import { fitColumn, layoutColumn, type Block, type Box } from './column.js';
import { reportSpill, type PosterContext } from './context.js';
import { bestLayout, diagramBody } from './diagram-draw.js';
import type { FrameItem } from '../frame/types.js';

export interface FlowPosterOptions {
  min: number;
  where: string;
  /** Try to print the criteria beside or above the flow; languages where they fitted are added to `criteriaPlaced`. */
  withCriteria?: boolean;
  criteriaPlaced?: Set<string>;
  /**
   * Print each step's key actions in its box: always (`true`), never, or (`'auto'`) when
   * the chart still fits at the minimum size with them; titles and timelines otherwise.
   */
  withActions?: boolean | 'auto';
}

export function criteriaBlocks(ctx: PosterContext, d: EligibilityData, lang: string): Block[] {
  const m = ctx.model.manifest;
  return [
    { text: label('criteria', lang), lang, bold: true },
    ...d.criteria.map((c, i): Block => ({ text: localized(c.text, lang, m.languages), lang, marker: '•', src: { data: 'eligibility', pointer: `/criteria/${i}/text` } })),
  ];
}

export async function eligibilityBody(ctx: PosterContext, lang: string, box: Box, o: FlowPosterOptions): Promise<FrameItem[]> {
  const d = ctx.model.data.eligibility!.value as EligibilityData;
  const items: FrameItem[] = [];
  let flowBox = box;
  const spec = eligibilityGraph(d, lang);
  const dir = directionOf(lang);
  if (o.withCriteria) {
    // Criteria go beside the flow when the flow leaves a wide enough strip, above it when
    // that still leaves the flow at a legible size, and on a page of their own otherwise.
    const { diagram, scale } = await bestLayout(spec, lang, box, { min: o.min, flows: ['down'], widths: [160, 220, 300] });
    const s = Math.min(scale, 1.6);
    const gap = o.min * 1.5;
    const side = box.w - diagram.width * s - gap;
    const blocks = criteriaBlocks(ctx, d, lang);
    if (side >= o.min * 14) {
      const col = fitColumn(blocks, { ...box, x: dir === 'rtl' ? box.x + box.w - side : box.x, w: side }, o.min * 1.3, o.min, dir);
      if (col.fits) {
        items.push(...col.items);
        flowBox = { ...box, x: dir === 'rtl' ? box.x : box.x + side + gap, w: box.w - side - gap };
        o.criteriaPlaced?.add(lang);
      }
    } else {
      const col = layoutColumn(blocks, box, o.min, dir);
      const used = col.height + gap;
      const rest = { ...box, y: box.y + used, h: box.h - used };
      if ((await bestLayout(spec, lang, rest, { min: o.min, flows: ['down'], widths: [160, 220, 300] })).scale >= 1) {
        items.push(...col.items);
        flowBox = rest;
        o.criteriaPlaced?.add(lang);
      }
    }
  }
  const index = new Map(d.flow.nodes.map((n, i) => [n.id, i]));
  items.push(...(await diagramBody(ctx, spec, lang, flowBox, {
    min: o.min, max: o.min * 1.6, where: o.where, flows: ['down'], widths: [160, 220, 300],
    source: { data: 'eligibility', pointer: '/flow' },
    nodeSource: (id) => ({ data: 'eligibility', pointer: `/flow/nodes/${index.get(id) ?? 0}/label` }),
  })));
  return items;
}

/** The criteria as a page of their own: large type, fitted to the page (never below `min`). */
export function criteriaBody(ctx: PosterContext, lang: string, box: Box, min: number, where: string): FrameItem[] {
  const d = ctx.model.data.eligibility!.value as EligibilityData;
  const blocks = criteriaBlocks(ctx, d, lang).map((b, i): Block => (i === 0 ? { ...b, scale: 1.2 } : { ...b, gap: 0.5 }));
  const col = fitColumn(blocks, box, min * 2.4, min, directionOf(lang));
  if (!col.fits) reportSpill(ctx, blocks[col.firstSpill]?.src, where, min, 'Shorten the eligibility criteria in data/eligibility.yaml.');
  return col.items;
}

export async function caseStepsBody(ctx: PosterContext, lang: string, box: Box, o: FlowPosterOptions): Promise<FrameItem[]> {
  const d = ctx.model.data['case-steps']!.value as CaseStepsData;
  const m = ctx.model.manifest;
  const digits = digitsFor(m, lang);
  const base = caseStepsGraph(d, lang);
  // Size each box for everything the poster prints in it, not just the title.
  // The module wraps one paragraph; the poster prints a list, where every item starts a
  // new line behind a bullet: a filler word per item stands for that lost half line.
  const filler = 'nnnnnnnn nnnnnnnn';
  const index = new Map(d.steps.map((st, i) => [st.id, i]));
  const specWith = (withActions: boolean) => {
    const detail = (i: number) => {
      const st = d.steps[i]!;
      const acts = withActions ? st.key_actions.map((a) => `${localized(a, lang, m.languages)} ${filler}`) : [];
      return [...acts, `${label('timeline', lang)}: ${localized(st.timeline, lang, m.languages)} ${filler}`].join(' ');
    };
    return { ...base, nodes: base.nodes.map((n) => ({ ...n, note: detail(index.get(n.id)!) })) };
  };
  // Wide boxes suit a few wide steps; a bilingual half wants narrow ones.
  const widths = box.w < 700 ? [200, 280, 340] : [340, 440, 560];
  let withActions = o.withActions === true;
  // Probing with the widest boxes only: with the key actions in, wider always scaled better.
  // Lists need more room than one wrapped paragraph, in every script.
  const room = 1.12;
  if (o.withActions === 'auto') withActions = (await bestLayout(specWith(true), lang, box, { min: o.min, flows: ['down'], widths: widths.slice(-1), room })).scale >= 1;
  const actions = (i: number) => (withActions ? d.steps[i]!.key_actions : []);
  const spec = specWith(withActions);
  return diagramBody(ctx, spec, lang, box, {
    min: o.min, max: o.min * 1.5, where: o.where, flows: ['down'], widths, room,
    source: { data: 'case-steps', pointer: '/steps' },
    nodeSource: (id) => ({ data: 'case-steps', pointer: `/steps/${index.get(id) ?? 0}` }),
    content: (n) => {
      const i = index.get(n.id)!;
      const st = d.steps[i]!;
      const p = `/steps/${i}`;
      const blocks: Block[] = [
        { text: `${localizeDigits(String(i + 1), digits)}. ${localized(st.title, lang, m.languages)}`, lang, bold: true, align: 'center', src: { data: 'case-steps', pointer: `${p}/title` } },
        ...actions(i).map((a, k): Block => ({ text: localized(a, lang, m.languages), lang, marker: '•', gap: k === 0 ? 0.3 : 0, src: { data: 'case-steps', pointer: `${p}/key_actions/${k}` } })),
      ];
      if (st.timeline) blocks.push({ text: `${label('timeline', lang)}: ${localized(st.timeline, lang, m.languages)}`, lang, bold: true, gap: 0.3, src: { data: 'case-steps', pointer: `${p}/timeline` } });
      return blocks;
    },
  });
}
