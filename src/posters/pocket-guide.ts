/**
 * The pocket guide: the posters a profile's `pocket_guide:` names as text, by kind (by
 * default the five printed items of R10: eligibility, prioritisation, urgent action,
 * referral pathways, case-management steps) as an A6 booklet, imposed on A4 for
 * an office printer (two folded sheets per A4 side: print double-sided, flip on the long
 * edge, cut across the middle, nest, fold, staple). At A6 the eligibility flow is given
 * as numbered questions with their yes/no branches, which reads better than a 4 pt chart.
 */
import { digitsFor, directionOf, formatDate, label, languageName, localized, localizeDigits, pageHeader } from '../i18n/index.js';
import type {
  CaseStepsData, EligibilityData, PathwaysData, PrioritisationData, ServicesData, UrgentActionData,
} from '../document/data-types.js';
import type { Block, Box } from './column.js';
import { fitColumn, flowColumn } from './column.js';
import { reportSpill, type PosterContext } from './context.js';
import { MIN_SIZE } from './fit.js';
import { imposeBooklet } from './impose.js';
import { headerStamp, INK, WHITE } from './page.js';
import { MM, type PaperSize } from './paper.js';
import { stepBlocks } from './pathways.js';
import { criteriaBlocks } from './flow-posters.js';
import { hoursText } from './prioritisation.js';
import type { FrameItem, PageFrame } from '../frame/types.js';
import { drawSheet } from './sheets.js';
import { cardHeading, URGENT_RED } from './urgent-card.js';
import { hexToRgb } from './pattern.js';
import { pocketGuideParts, type PosterKind } from './kinds.js';
import { sectionNode, tagBlocks } from './struct.js';

const BREAK = (lang: string): Block => ({ text: '\f', lang });
const heading = (text: string, lang: string, src?: Block['src'], band: [number, number, number] = INK): Block =>
  ({ text, lang, bold: true, scale: 1.2, band, color: WHITE, gap: 0.6, src, role: 'H2' });
const sub = (text: string, lang: string, src?: Block['src']): Block => ({ text, lang, bold: true, gap: 0.5, src, role: 'H3' });
const isHeading = (b: Block) => !!b.band || (!!b.bold && b.gap !== undefined && b.gap >= 0.5);

function eligibilityBlocks(ctx: PosterContext, name: string, lang: string): Block[] {
  const d = ctx.model.data[name]!.value as EligibilityData;
  const m = ctx.model.manifest;
  const digits = digitsFor(m, lang);
  const out: Block[] = [heading(localized(d.title, lang, m.languages) || label('criteria', lang), lang, { data: name, pointer: '/title' })];
  out.push(...criteriaBlocks(ctx, name, d, lang).slice(1));
  out.push(sub(label('flow', lang), lang));
  // Number the questions in the order a caseworker meets them (breadth first from the start).
  const nodes = new Map(d.flow.nodes.map((n, i) => [n.id, { ...n, index: i }]));
  const outEdges = (id: string) => d.flow.edges.filter((e) => e.from === id && nodes.has(e.to));
  const start = d.flow.nodes.find((n) => n.type === 'start') ?? d.flow.nodes[0];
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = start ? [start.id] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (nodes.get(id)!.type === 'decision') order.push(id);
    for (const e of outEdges(id)) queue.push(e.to);
  }
  const num = (id: string) => localizeDigits(String(order.indexOf(id) + 1), digits);
  const describe = (id: string, depth = 0): string => {
    const n = nodes.get(id)!;
    if (n.type === 'decision') return `${label('goToShort', lang)} ${num(id)}`;
    const next = outEdges(id);
    const here = localized(n.label, lang, m.languages);
    // Direction-neutral separators: an arrow glyph would point the wrong way in Arabic.
    return next.length === 1 && depth < 6 ? `${here} — ${describe(next[0]!.to, depth + 1)}` : here;
  };
  if (start && start.type !== 'decision') {
    out.push({ text: describe(start.id), lang, bold: true, src: { data: name, pointer: `/flow/nodes/${nodes.get(start.id)!.index}/label` } });
  }
  for (const id of order) {
    const n = nodes.get(id)!;
    const src = { data: name, pointer: `/flow/nodes/${n.index}/label` };
    out.push({ text: localized(n.label, lang, m.languages), lang, bold: true, marker: `${num(id)}.`, gap: 0.4, src });
    for (const e of outEdges(id)) {
      const label = e.label ? localized(e.label, lang, m.languages) : '';
      out.push({ text: `${label ? `${label}: ` : ''}${describe(e.to)}`, lang, marker: ' ', src });
    }
  }
  return out;
}

function prioritisationBlocks(ctx: PosterContext, name: string, lang: string): Block[] {
  const d = ctx.model.data[name]!.value as PrioritisationData;
  const m = ctx.model.manifest;
  const digits = digitsFor(m, lang);
  const out: Block[] = [BREAK(lang), heading(localized(d.title, lang, m.languages), lang, { data: name, pointer: '/title' })];
  d.levels.forEach((lv, i) => {
    const p = `/levels/${i}`;
    // The level is named in words (never only coloured), so a black-and-white copy reads the same.
    out.push({ text: `${localized(lv.label, lang, m.languages)} — ${hoursText(lv.response_time.hours, lang, digits)}`, lang, bold: true, scale: 1.1, gap: 0.7, src: { data: name, pointer: `${p}/label` }, role: 'H3' });
    out.push({ text: localized(lv.definition, lang, m.languages), lang, src: { data: name, pointer: `${p}/definition` } });
    out.push({ text: `${label('responseTime', lang)}: ${localized(lv.response_time.text, lang, m.languages)}`, lang, gap: 0.2, src: { data: name, pointer: `${p}/response_time/text` } });
    if (lv.follow_up) out.push({ text: `${label('followUp', lang)}: ${localized(lv.follow_up, lang, m.languages)}`, lang, gap: 0.2, src: { data: name, pointer: `${p}/follow_up` } });
    (lv.examples ?? []).forEach((e, k) => out.push({ text: localized(e, lang, m.languages), lang, marker: '•', gap: k === 0 ? 0.2 : 0, src: { data: name, pointer: `${p}/examples/${k}` } }));
  });
  return out;
}

function contactBlocks(ctx: PosterContext, name: string, lang: string): Block[] {
  const d = ctx.model.data[name]!.value as UrgentActionData;
  const m = ctx.model.manifest;
  return d.contacts.map((c, i): Block => {
    const hours = localized(c.hours, lang, m.languages);
    return {
      text: hours ? `${localized(c.name, lang, m.languages)} — ${hours}` : localized(c.name, lang, m.languages), lang, gap: 0.3,
      marker: c.phone, markerLtr: true, markerWidth: 9.2, src: { data: name, pointer: `/contacts/${i}` },
    };
  });
}

function urgentBlocks(ctx: PosterContext, name: string, lang: string): Block[] {
  const d = ctx.model.data[name]!.value as UrgentActionData;
  const m = ctx.model.manifest;
  const digits = digitsFor(m, lang);
  const out: Block[] = [BREAK(lang), heading(localized(d.title, lang, m.languages), lang, { data: name, pointer: '/title' }, hexToRgb(d.colour, URGENT_RED))];
  out.push(sub(cardHeading(ctx, d, 'triggers', lang), lang));
  d.triggers.forEach((t, i) => out.push({ text: localized(t, lang, m.languages), lang, marker: '•', src: { data: name, pointer: `/triggers/${i}` } }));
  out.push(sub(cardHeading(ctx, d, 'actions', lang), lang));
  d.actions.forEach((a, i) => out.push({ text: localized(a, lang, m.languages), lang, marker: localizeDigits(`${i + 1}.`, digits), src: { data: name, pointer: `/actions/${i}` } }));
  out.push(sub(cardHeading(ctx, d, 'contacts', lang), lang), ...contactBlocks(ctx, name, lang));
  if (d.notes) out.push({ text: localized(d.notes, lang, m.languages), lang, bold: true, gap: 0.5, src: { data: name, pointer: '/notes' } });
  return out;
}

function pathwayBlocks(ctx: PosterContext, name: string, lang: string): Block[] {
  const d = ctx.model.data[name]!.value as PathwaysData;
  const m = ctx.model.manifest;
  const out: Block[] = [BREAK(lang), heading(localized(d.title, lang, m.languages), lang, { data: name, pointer: '/title' })];
  d.pathways.forEach((pw, i) => {
    out.push(sub(localized(pw.concern, lang, m.languages), lang, { data: name, pointer: `/pathways/${i}/concern` }));
    pw.steps.forEach((_, k) => {
      const [first, ...rest] = stepBlocks(ctx, name, i, k, lang);
      out.push({ ...first!, gap: 0.3 }, ...rest.map((b) => ({ ...b, gap: 0 })));
    });
  });
  const services = ctx.model.data.services?.value as ServicesData | undefined;
  if (services) out.push({ text: `${label('servicesVerified', lang)}: ${formatDate(services.last_verified, lang, digitsFor(m, lang))}`, lang, bold: true, gap: 0.6 });
  return out;
}

function caseStepBlocks(ctx: PosterContext, name: string, lang: string): Block[] {
  const d = ctx.model.data[name]!.value as CaseStepsData;
  const m = ctx.model.manifest;
  const digits = digitsFor(m, lang);
  const out: Block[] = [BREAK(lang), heading(localized(d.title, lang, m.languages), lang, { data: name, pointer: '/title' })];
  d.steps.forEach((st, i) => {
    const p = `/steps/${i}`;
    out.push(sub(`${localizeDigits(String(i + 1), digits)}. ${localized(st.title, lang, m.languages)}`, lang, { data: name, pointer: `${p}/title` }));
    st.key_actions.forEach((a, k) => out.push({ text: localized(a, lang, m.languages), lang, marker: '•', src: { data: name, pointer: `${p}/key_actions/${k}` } }));
    if (st.timeline) out.push({ text: `${label('timeline', lang)}: ${localized(st.timeline, lang, m.languages)}`, lang, bold: true, gap: 0.2, src: { data: name, pointer: `${p}/timeline` } });
  });
  return out;
}

export const BOOKLET_SIZE = 8.5;

/** The blocks of one part of the booklet, by the kind of the poster it repeats (without a page break before). */
function partBlocks(ctx: PosterContext, p: { kind: PosterKind; data: string }, lang: string): Block[] {
  const bs = (() => {
    switch (p.kind) {
      case 'decision-flow': return eligibilityBlocks(ctx, p.data, lang);
      case 'priority-levels': return prioritisationBlocks(ctx, p.data, lang);
      case 'contact-card': return urgentBlocks(ctx, p.data, lang);
      case 'pathways': return pathwayBlocks(ctx, p.data, lang);
      case 'steps': return caseStepBlocks(ctx, p.data, lang);
      default: return [];
    }
  })();
  return bs[0]?.text === '\f' ? bs.slice(1) : bs;
}

/** The booklet's parts whose data file the SOP has, in booklet order (the profile's `pocket_guide`, else the CPCM five). */
export function pocketGuideContents(ctx: PosterContext): Array<{ kind: PosterKind; data: string }> {
  return pocketGuideParts(ctx.model.profile).parts.filter((p) => ctx.model.data[p.data] !== undefined);
}

/** The booklet's pages at A6 (the slot size on the sheet), cover first and back cover last. */
export function pocketGuidePages(ctx: PosterContext, lang: string, page: { width: number; height: number }): PageFrame[] {
  const m = ctx.model.manifest;
  const parts = pocketGuideContents(ctx);
  const dir = directionOf(lang);
  const margin = 7 * MM;
  const inner: Box = { x: margin, y: margin, w: page.width - 2 * margin, h: page.height - 2 * margin };
  const size = Math.max(BOOKLET_SIZE, MIN_SIZE.card);
  const probe = headerStamp(m, lang, inner, MIN_SIZE.card, '00');
  const body: Box = { ...inner, y: inner.y + probe.height, h: inner.h - probe.height };

  // One Sect per part of the booklet, made in reading order (cover, the parts, back
  // cover): the sheets draw the pages out of it, the tree is read in it. Each part after
  // the first starts on a new page.
  const coverSect = sectionNode(lang);
  const blocks: Block[] = [];
  parts.forEach((p, i) => blocks.push(...(i > 0 ? [BREAK(lang)] : []), ...tagBlocks(partBlocks(ctx, p, lang), sectionNode(lang))));
  const flow = flowColumn(blocks, body, size, dir, isHeading);
  for (const b of flow.tooTall) {
    reportSpill(ctx, b.src, `a page of the ${lang} pocket guide`, size, 'Shorten this item: a pocket-guide page holds about 25 short lines.');
  }

  // Cover: the SOP's title, what this is, the stamp, and the contents.
  const h = pageHeader(m, lang);
  const coverBlocks: Block[] = tagBlocks([
    { text: label('pocketGuide', lang), lang, bold: true, scale: 1.6, band: INK, color: WHITE, role: 'H1' },
    { text: localized(m.title, lang, m.languages), lang, bold: true, scale: 1.3, gap: 1 },
    { text: h.stamp, lang, bold: true, gap: 0.6 },
    { text: languageName(lang), lang, gap: 0.2 },
    { text: label('contents', lang), lang, bold: true, gap: 1.2, role: 'H2' },
    ...parts.map(({ data: n }): Block => ({ text: localized((ctx.model.data[n]!.value as { title?: Record<string, string> }).title, lang, m.languages) || n, lang, marker: '•' })),
  ], coverSect);
  const coverCol = fitColumn(coverBlocks, body, size * 1.3, size, dir);
  if (!coverCol.fits) reportSpill(ctx, coverBlocks[coverCol.firstSpill]?.src, `the cover of the ${lang} pocket guide`, size, 'Shorten the SOP title in sop.yaml or the data titles.');
  const cover = coverCol.items;
  // Back cover: the first contact card's contacts, the one thing to find without opening the booklet.
  let back: FrameItem[] = [];
  const card = parts.find((p) => p.kind === 'contact-card');
  if (card) {
    const d = ctx.model.data[card.data]!.value as UrgentActionData;
    const blocks: Block[] = tagBlocks([{ text: cardHeading(ctx, d, 'contacts', lang), lang, bold: true, scale: 1.2, band: hexToRgb(d.colour, URGENT_RED), color: WHITE }, ...contactBlocks(ctx, card.data, lang)], sectionNode(lang));
    const col = fitColumn(blocks, body, size * 1.5, size, dir);
    if (!col.fits) {
      reportSpill(ctx, blocks[col.firstSpill]?.src, `the back cover of the ${lang} pocket guide`, size,
        `List fewer contacts in data/${card.data}.yaml (the back cover holds about 15); put the full list on a poster.`);
    }
    back = col.items;
  }
  const bodies: FrameItem[][] = [cover, ...flow.pages, back];
  const digits = digitsFor(m, lang);
  return bodies.map((items, i) => {
    const foot = headerStamp(m, lang, inner, MIN_SIZE.card, i > 0 ? localizeDigits(String(i + 1), digits) : undefined);
    return { width: page.width, height: page.height, items: [...items, ...foot.items] };
  });
}

/** The pocket guide imposed on office sheets: fronts and backs alternate, ready for duplex. */
export function pocketGuideSheets(ctx: PosterContext, lang: string, sheet: PaperSize): PageFrame[] {
  const slot = { width: sheet.width / 2, height: sheet.height / 2 };
  const pages = pocketGuidePages(ctx, lang, slot);
  const imposed = imposeBooklet(pages.length, sheet, directionOf(lang) === 'rtl');
  return imposed.sheets.flatMap((s) => drawSheet(sheet, s, pages));
}
