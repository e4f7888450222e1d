/**
 * Data directives → blocks. criteria/flowchart/pathways/card become lists, matrix and
 * services tables, signatures the signature table from sop.yaml. Flowcharts are drawn
 * (diagram.ts: the figure, then its steps as text); a flowchart whose data holds no
 * drawable graph stays the numbered list below.
 */
import { diagnostic } from '../diag/index.js';
import { realizeDirective, realizedOf } from '../document/index.js';
import { formatDate, label, label as pdfLabel, localized as pick, localizeDigits } from '../i18n/index.js';
import type { Span, TextStyle } from '../text/index.js';
import type { FocalPoint, Manifest } from '../model/types.js';
import { DIRECTIVES } from '../markdown/directives.js';
import { lineOf, type Box, type LayoutContext, type MdNode } from './context.js';
import { paragraphSlices } from './paragraph.js';
import type { Slice } from './slice.js';
import { layoutTable } from './table.js';
import { diagramSlices } from './diagram.js';

const t = (value: string): MdNode => ({ type: 'text', value });
const para = (...children: MdNode[]): MdNode => ({ type: 'paragraph', children });
const strong = (value: string): MdNode => ({ type: 'strong', children: [t(value)] });
const item = (...children: MdNode[]): MdNode => ({ type: 'listItem', spread: false, children });
const list = (ordered: boolean, items: MdNode[]): MdNode => ({ type: 'list', ordered, start: 1, spread: false, children: items });

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/**
 * Lays out child blocks (blocks.ts's `blockChildren`). Passed in rather than imported:
 * blocks.ts dispatches to this module, and a directive's content is blocks again, so an
 * import would make the two modules one circle.
 */
export type BlockLayout = (nodes: MdNode[], box: Box, ctx: LayoutContext) => Slice[];

export function directiveSlices(node: MdNode, box: Box, ctx: LayoutContext, blockChildren: BlockLayout): Slice[] {
  const name = node.name ?? '';
  // Realized by the document stage; a node made here (or a text directive) is resolved now.
  const r = realizedOf(node) ?? realizeDirective(ctx.model?.data ?? {}, name, node.attributes);
  const where = { file: ctx.file, ...lineOf(ctx, node) };
  if (r.kind === 'unknown') {
    ctx.diagnostics.push(diagnostic('pdf-directive-unknown', 'warning', `unknown directive "${name}": its content is printed as plain text`, where,
      `Use one of: ${DIRECTIVES.map((d) => d.name).join(', ')}.`));
    return blockChildren(node.children ?? [], box, ctx);
  }
  if (r.kind === 'pagebreak') return [{ height: 0, items: [], pageBreakBefore: true }];
  if (r.kind === 'signatures') return signatureSlices(box, ctx);
  const dataName = r.data.name;
  const file = r.data.file;
  if (!file || file.value == null || typeof file.value !== 'object') {
    ctx.diagnostics.push(diagnostic('pdf-data-missing', 'warning', `::${name} needs data/${dataName}.yaml, which is missing or unreadable`, where,
      `Create data/${dataName}.yaml (see schemas/${dataName}.schema.json).`));
    return blockChildren([para(t(pdfLabel('missingData', ctx.lang, { f: `data/${dataName}.yaml` })))], box, ctx);
  }
  const v = file.value as Obj;
  const L = (x: unknown) => pick(x, ctx.lang, ctx.model?.manifest.languages ?? []);
  const nodes: MdNode[] = [];
  switch (r.kind) {
    case 'criteria':
      nodes.push(list(true, arr(v.criteria).map((c) => item(para(t(L(c.text)))))));
      break;
    case 'flowchart': {
      const drawn = ctx.diagrams?.get(dataName);
      if (drawn) return diagramSlices(drawn, box, ctx, node);
      if (Array.isArray(v.steps)) {
        nodes.push(list(true, arr(v.steps).map((s) => {
          const kids: MdNode[] = [para(strong(L(s.title)), ...(s.timeline ? [t(` — ${L(s.timeline)}`)] : []))];
          const actions = arr(s.key_actions);
          if (actions.length) kids.push(list(false, actions.map((a) => item(para(t(L(a)))))));
          return item(...kids);
        })));
      } else {
        const flow = (v.flow ?? {}) as Obj;
        const nodesList = arr(flow.nodes);
        const index = new Map(nodesList.map((n, i) => [n.id as string, i + 1]));
        nodes.push(list(true, nodesList.map((n) => {
          const kids: MdNode[] = [para(strong(`${pdfLabel(String(n.type), ctx.lang)}: `), t(L(n.label)))];
          const out = arr(flow.edges).filter((e) => e.from === n.id);
          if (out.length) {
            kids.push(list(false, out.map((e) => {
              const k = index.get(e.to as string);
              const target = nodesList.find((m) => m.id === e.to);
              const lead = e.label ? `${L(e.label)}: ` : '';
              return item(para(t(`${lead}${pdfLabel('goTo', ctx.lang)} ${localizeDigits(String(k ?? '?'), ctx.digits)} (${L(target?.label)})`)));
            })));
          }
          return item(...kids);
        })));
      }
      break;
    }
    case 'pathways':
      for (const p of arr(v.pathways)) {
        nodes.push(para(strong(L(p.concern))));
        const services = arr(r.kind === 'pathways' ? (r.services.file?.value as Obj | null | undefined)?.services : undefined);
        nodes.push(list(true, arr(p.steps).map((s) => {
          const svc = services.find((x) => x.id === s.service);
          const who = svc ? L(svc.name) : String(s.service ?? '');
          return item(para(strong(`${who}: `), t(L(s.action)), ...(s.timeframe ? [t(` (${L(s.timeframe)})`)] : [])));
        })));
      }
      break;
    case 'card': {
      const out: Slice[] = [];
      const sub = (text: string) => blockChildren([para(strong(text))], box, ctx);
      if (v.title) out.push(...sub(L(v.title)));
      out.push(...sub(pdfLabel('triggers', ctx.lang)));
      out.push(...blockChildren([list(false, arr(v.triggers).map((x) => item(para(t(L(x))))))], box, ctx));
      out.push(...sub(pdfLabel('actions', ctx.lang)));
      out.push(...blockChildren([list(true, arr(v.actions).map((x) => item(para(t(L(x))))))], box, ctx));
      out.push(...sub(pdfLabel('contacts', ctx.lang)));
      out.push(...tableOf(ctx, box, node, [pdfLabel('name', ctx.lang), pdfLabel('phone', ctx.lang), pdfLabel('hours', ctx.lang)],
        arr(v.contacts).map((c) => [L(c.name), String(c.phone ?? ''), L(c.hours)])));
      if (v.notes) out.push(...blockChildren([para(t(L(v.notes)))], box, ctx));
      framed(out, box, ctx);
      return out;
    }
    case 'matrix':
      return tableOf(ctx, box, node,
        [pdfLabel('level', ctx.lang), pdfLabel('definition', ctx.lang), pdfLabel('responseTime', ctx.lang), pdfLabel('followUp', ctx.lang)],
        arr(v.levels).map((l) => {
          const ex = arr(l.examples).map((e) => L(e));
          return [L(l.label), L(l.definition) + (ex.length ? `\n${pdfLabel('examples', ctx.lang)}: ${ex.join(ctx.dir === 'rtl' ? '؛ ' : '; ')}` : ''), L((l.response_time as Obj | undefined)?.text), L(l.follow_up)];
        }));
    case 'table': {
      const cols = arr(v.columns);
      return tableOf(ctx, box, node, [L(v.corner), ...cols.map((c) => L(c.label))],
        arr(v.rows).map((row) => [L(row.label), ...cols.map((_c, i) => L(arr(row.cells as unknown)[i] ?? ''))]));
    }
    case 'services': {
      const sectors = (v.sectors ?? {}) as Obj;
      const agencies = ctx.model?.manifest.agencies ?? [];
      const rows = arr(v.services).map((s) => {
        const contact = (s.contact ?? {}) as Obj;
        const agency = agencies.find((a) => a.id === s.agency);
        return [
          sectors[s.sector as string] ? L(sectors[s.sector as string]) : String(s.sector ?? ''),
          `${L(s.name)}\n${agency ? L(agency.name) : String(s.agency ?? '')}`,
          L(s.location),
          [contact.person, contact.phone, contact.email].filter(Boolean).join('\n'),
          L(s.hours),
        ];
      });
      const out = tableOf(ctx, box, node, ['sector', 'service', 'location', 'contact', 'hours'].map((k) => pdfLabel(k, ctx.lang)), rows);
      if (typeof v.last_verified === 'string') {
        const d = formatDate(v.last_verified, ctx.lang, ctx.digits);
        out.push(...blockChildren([para(t(pdfLabel('lastVerified', ctx.lang, { d })))], box, ctx));
      }
      return out;
    }
    default:
      return blockChildren(node.children ?? [], box, ctx);
  }
  return blockChildren(nodes, box, ctx);
}

function framed(slices: Slice[], box: Box, ctx: LayoutContext): void {
  for (const s of slices) {
    s.items.unshift({ kind: 'rect', x: box.x - 4, y: -(s.spaceBefore ?? 0), w: box.width + 8, h: s.height + (s.spaceBefore ?? 0), fill: [0.99, 0.95, 0.93] });
  }
  void ctx;
}

function tableOf(ctx: LayoutContext, box: Box, node: MdNode, head: string[], rows: string[][], minWidths?: number[]): Slice[] {
  const style: TextStyle = { size: ctx.theme.tableSize, color: ctx.theme.text };
  const toSpans = (s: string): Span[] => [{ text: s.split('\n').filter(Boolean).join('\n'), style }];
  return layoutTable({ rows: [head.map(toSpans), ...rows.map((r) => r.map(toSpans))], align: [], header: true, node, minWidths }, box, ctx);
}

/** The signature table (component 17): who endorsed which version, blank lines for the rest. */
/**
 * The rows of the focal-points table (agency, person and role, contact): the SOP focal
 * point first, then each agency's; none when sop.yaml names none (the table is left out).
 */
export function focalPointRows(m: Manifest, lang: string, L: (x: unknown) => string): string[][] {
  const person = (f: FocalPoint) => `${f.name}${f.role ? `\n${L(f.role)}` : ''}`;
  const contact = (f: FocalPoint) => [f.phone, f.email].filter(Boolean).join('\n');
  const rows: string[][] = [];
  if (m.focal_point) {
    const agency = m.agencies.find((a) => a.id === m.focal_point!.agency);
    rows.push([`${pdfLabel('sopFocalPoint', lang)}${agency ? `\n${L(agency.name)}` : ''}`, person(m.focal_point), contact(m.focal_point)]);
  }
  for (const a of m.agencies) if (a.focal_point) rows.push([L(a.name), person(a.focal_point), contact(a.focal_point)]);
  return rows;
}

export function signatureSlices(box: Box, ctx: LayoutContext): Slice[] {
  const m = ctx.model?.manifest;
  if (!m) return [];
  const L = (x: unknown) => pick(x, ctx.lang, m.languages);
  const blank = '______________________';
  const rows = m.agencies.map((a) => {
    const e = a.endorsement;
    const who = a.signatory ? `${a.signatory.name}${a.signatory.role ? `\n${L(a.signatory.role)}` : ''}` : '';
    let status: string;
    let sign = '';
    if (e && e.version === m.version) {
      status = pdfLabel('endorsedOn', ctx.lang, { v: localizeDigits(e.version, ctx.digits), d: formatDate(e.date, ctx.lang, ctx.digits) });
    } else if (e) {
      status = pdfLabel('olderVersion', ctx.lang, { v: localizeDigits(e.version, ctx.digits), d: formatDate(e.date, ctx.lang, ctx.digits) });
      sign = `${blank}\n${label('date', ctx.lang)}: ${blank.slice(0, 12)}`;
    } else {
      status = label('notEndorsed', ctx.lang);
      sign = `${blank}\n${label('date', ctx.lang)}: ${blank.slice(0, 12)}`;
    }
    return [L(a.name), who, status, sign];
  });
  const head = [pdfLabel('agency', ctx.lang), pdfLabel('signatory', ctx.lang), pdfLabel('endorsement', ctx.lang), label('signature', ctx.lang)];
  const out = tableOf(ctx, box, { type: 'leafDirective' }, head, rows);
  // Seed 000: the SOP focal point and the agencies' focal points, when sop.yaml names them.
  const focal = focalPointRows(m, ctx.lang, L);
  if (focal.length) out.push(...tableOf(ctx, box, { type: 'leafDirective' }, [pdfLabel('agency', ctx.lang), pdfLabel('focalPoint', ctx.lang), label('contact', ctx.lang)], focal));
  const style: TextStyle = { size: ctx.theme.smallSize, color: ctx.theme.muted };
  void paragraphSlices;
  void style;
  return out;
}
