/**
 * The two flowchart kinds: `decision-flow` (CPCM eligibility, component 8: criteria and
 * decision flow) and `steps` (the case-management steps, component 11: steps, key actions,
 * timelines; the coordination referral loop), each drawn from the data file its entry names.
 */
import { caseStepsGraph, eligibilityGraph } from '../diagram/index.js';
import { digitsFor, directionOf, label, localized, localizeDigits } from '../i18n/index.js';
import type { CaseStepsData, EligibilityData } from '../document/data-types.js';
import { fitColumn, type Block, type Box } from './column.js';
import { positionOf, reportSpill, RULE, type PosterContext } from './context.js';
import { bestLayout, diagramBody } from './diagram-draw.js';
import { drawFlowchartPart, partBounds, planFlowchart, type FlowchartPlan } from './flowchart.js';
import { diagnostic } from '../diag/index.js';
import type { FrameItem, StructNode } from '../frame/types.js';
import { structNode } from '../frame/struct.js';
import { diagramAlt, diagramAltLines } from '../diagram/alt-text.js';
import { asContentOf, tagBlocks } from './struct.js';

export interface FlowPosterOptions {
  min: number;
  where: string;
  /** Try to print the criteria under the flow; languages where they fitted are added to `criteriaPlaced`. */
  withCriteria?: boolean;
  criteriaPlaced?: Set<string>;
  /**
   * Print each step's key actions in its box: always (`true`), never, or (`'auto'`) when
   * the chart still fits at the minimum size with them; titles and timelines otherwise.
   */
  withActions?: boolean | 'auto';
}

export function criteriaBlocks(ctx: PosterContext, name: string, d: EligibilityData, lang: string): Block[] {
  const m = ctx.model.manifest;
  return [
    { text: label('criteria', lang), lang, bold: true, role: 'H2' },
    ...d.criteria.map((c, i): Block => ({ text: localized(c.text, lang, m.languages), lang, marker: '•', src: { data: name, pointer: `/criteria/${i}/text` } })),
  ];
}

/** The decision flow of data file `name` in `lang` as sheets (`planFlowchart`), with the words of its connectors. */
export function eligibilityPlan(ctx: PosterContext, name: string, lang: string, box: Box, o: { min: number; max: number; maxSheets: number }): Promise<FlowchartPlan> {
  const d = ctx.model.data[name]!.value as EligibilityData;
  const digits = digitsFor(ctx.model.manifest, lang);
  const n = (k: number) => localizeDigits(String(k), digits);
  return planFlowchart(eligibilityGraph(d, lang), lang, box, {
    min: o.min, max: o.max, maxSheets: o.maxSheets,
    words: { on: (k) => label('continuedOn', lang, { n: n(k) }), from: (k) => label('continuedFrom', lang, { n: n(k) }) },
  });
}

/** `poster-fit` findings of a plan that does not hold the minimum: the box to shorten, or the whole flow. */
export function reportPlan(ctx: PosterContext, name: string, plan: FlowchartPlan, box: Box, min: number, where: string): void {
  if (plan.fits) return;
  const d = ctx.model.data[name]!.value as EligibilityData;
  const index = new Map(d.flow.nodes.map((x, i) => [x.id, i]));
  const need = min / plan.look.size;
  // A box that alone is larger than the sheet at the minimum: its label is what to shorten.
  const huge = plan.parts.flatMap((p) => p.diagram.nodes).find((x) => index.has(x.id) && (x.width * need > box.w || x.height * need > box.h));
  if (huge) {
    reportSpill(ctx, { data: name, pointer: `/flow/nodes/${index.get(huge.id)}/label` }, where, min, 'Shorten this label: flowchart boxes hold about 12 words.');
    return;
  }
  // Rounded down: "14 pt, below the minimum of 14 pt" would read as a contradiction.
  const size = Math.floor(plan.textSize * 10) / 10;
  ctx.diagnostics.push(diagnostic(RULE, 'warning',
    `the flowchart on ${where} only fits with its text at ${size} pt over ${plan.parts.length} sheet(s), below the poster minimum of ${min} pt`,
    positionOf(ctx, { data: name, pointer: '/flow' }),
    'Print the larger poster size, shorten the node labels, or split the flow; the pocket guide lists the same steps as text.'));
}

/**
 * Sheet `i` of the eligibility flow in `box`. On the last sheet the criteria go under the
 * chart when they fit there at the minimum size (`criteriaPlaced` learns it); otherwise
 * the chart is centred and the criteria get a sheet of their own.
 */
export function eligibilitySheet(ctx: PosterContext, name: string, plan: FlowchartPlan, i: number, lang: string, box: Box, o: FlowPosterOptions, sect: StructNode): FrameItem[] {
  const d = ctx.model.data[name]!.value as EligibilityData;
  const criteria = () => tagBlocks(criteriaBlocks(ctx, name, d, lang), sect);
  // The sheet's part of the chart is a Figure whose Alt is the whole flow as text.
  const figure = () => structNode('Figure', sect, { alt: flowAlt(ctx, d, lang) });
  if (i >= plan.parts.length) {
    // This language's flow ended on an earlier sheet (the other half still runs): the criteria fill its half.
    if (!o.withCriteria || o.criteriaPlaced?.has(lang)) return [];
    const col = fitColumn(criteria(), box, o.min * 1.6, o.min, directionOf(lang));
    if (!col.fits) return [];
    o.criteriaPlaced?.add(lang);
    return col.items;
  }
  if (o.withCriteria && i === plan.parts.length - 1) {
    const chart = partBounds(plan, i, { ...box, h: 0 });
    const gap = o.min * 2;
    const rest: Box = { ...box, y: box.y + chart.h + gap, h: box.h - chart.h - gap };
    if (rest.h > o.min * 4) {
      const fig = figure();
      const col = fitColumn(criteria(), rest, o.min * 1.3, o.min, directionOf(lang));
      if (col.fits) {
        o.criteriaPlaced?.add(lang);
        return [...asContentOf(drawFlowchartPart(plan, i, lang, { ...box, h: chart.h }), fig), ...col.items];
      }
      return asContentOf(drawFlowchartPart(plan, i, lang, box), fig);
    }
  }
  return asContentOf(drawFlowchartPart(plan, i, lang, box), figure());
}

/** The Alt of an eligibility chart: its title and every step of the flow as text (the SOP PDF's text alternative). */
function flowAlt(ctx: PosterContext, d: EligibilityData, lang: string): string {
  const m = ctx.model.manifest;
  return diagramAlt(localized(d.title, lang, m.languages), diagramAltLines('flow', d, lang, m.languages, digitsFor(m, lang)));
}

/** The criteria as a page of their own: large type, fitted to the page (never below `min`). */
export function criteriaBody(ctx: PosterContext, name: string, lang: string, box: Box, min: number, where: string, sect: StructNode): FrameItem[] {
  const d = ctx.model.data[name]!.value as EligibilityData;
  const blocks = tagBlocks(criteriaBlocks(ctx, name, d, lang), sect).map((b, i): Block => (i === 0 ? { ...b, scale: 1.2 } : { ...b, gap: 0.5 }));
  const col = fitColumn(blocks, box, min * 2.4, min, directionOf(lang));
  if (!col.fits) reportSpill(ctx, blocks[col.firstSpill]?.src, where, min, `Shorten the eligibility criteria in data/${name}.yaml.`);
  return col.items;
}

export async function caseStepsBody(ctx: PosterContext, name: string, lang: string, box: Box, o: FlowPosterOptions, sect: StructNode): Promise<FrameItem[]> {
  const d = ctx.model.data[name]!.value as CaseStepsData;
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
  const alt = diagramAlt(localized(d.title, lang, m.languages), diagramAltLines('case-steps', d, lang, m.languages, digits));
  return diagramBody(ctx, spec, lang, box, {
    min: o.min, max: o.min * 1.5, where: o.where, flows: ['down'], widths, room, figure: structNode('Figure', sect, { alt }),
    source: { data: name, pointer: '/steps' },
    nodeSource: (id) => ({ data: name, pointer: `/steps/${index.get(id) ?? 0}` }),
    content: (n) => {
      const i = index.get(n.id)!;
      const st = d.steps[i]!;
      const p = `/steps/${i}`;
      const blocks: Block[] = [
        { text: `${localizeDigits(String(i + 1), digits)}. ${localized(st.title, lang, m.languages)}`, lang, bold: true, align: 'center', src: { data: name, pointer: `${p}/title` } },
        ...actions(i).map((a, k): Block => ({ text: localized(a, lang, m.languages), lang, marker: '•', gap: k === 0 ? 0.3 : 0, src: { data: name, pointer: `${p}/key_actions/${k}` } })),
      ];
      if (st.timeline) blocks.push({ text: `${label('timeline', lang)}: ${localized(st.timeline, lang, m.languages)}`, lang, bold: true, gap: 0.3, src: { data: name, pointer: `${p}/timeline` } });
      return blocks;
    },
  });
}
