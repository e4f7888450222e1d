import type { Element, ElementContent } from 'hast';
import { formatDate, label as siteLabel, localized, localizeDigits } from '../../i18n/index.js';
import type { DataRef, RealizedDirective } from '../../document/index.js';
import type { FocalPoint } from '../../model/types.js';
import type { RenderContext } from './context.js';
import type {
  CaseStepsData, EligibilityData, OrganigramData, PathwaysData, PrioritisationData, RelationshipsData, Service, ServicesData, UrgentActionData,
} from '../../document/data-types.js';
import { h } from './h.js';
import { diagramToSvg } from './svg.js';



export function sectorName(id: string, data: ServicesData, lang: string): string {
  const custom = data.sectors?.[id];
  if (custom) return localized(custom, lang);
  const key = `sector.${id}`;
  const name = siteLabel(key, lang);
  return name === key ? id : name;
}

/** A problem box shown in the page (and reported by `check`): never a silent blank. */
function missing(what: string): Element {
  return h('p', { className: ['directive-missing'], role: 'note' }, what);
}

/** The value of a data file the document resolved for a directive (see `RealizedDirective.shown`). */
function dataOf<T>(ref: DataRef<T> | undefined): T | undefined {
  return ref?.file?.value;
}

function caption(title: string | undefined): Element | null {
  return title ? h('caption', {}, title) : null;
}

/** Phone numbers always read left to right and dial on a phone. */
export function phoneLink(phone: string): Element {
  return h('a', { href: `tel:${phone.replace(/[^+0-9]/g, '')}`, dir: 'ltr', className: ['ltr'] }, phone);
}

export function emailLink(email: string): Element {
  return h('a', { href: `mailto:${email}`, dir: 'ltr', className: ['ltr'] }, email);
}

function agencyName(ctx: RenderContext, id: string): string {
  const a = ctx.model.manifest.agencies.find((x) => x.id === id);
  return a ? localized(a.name, ctx.lang) : id;
}

function criteria(ctx: RenderContext, ref: DataRef<EligibilityData>): Element {
  const d = dataOf(ref);
  if (!d) return missing('data/eligibility.yaml');
  return h('ol', { className: ['criteria'] }, d.criteria.map((c) => h('li', { id: undefined }, localized(c.text, ctx.lang))));
}

function flowchart(ctx: RenderContext, ref: DataRef<EligibilityData> | DataRef<CaseStepsData> | DataRef<OrganigramData>, id: string): Element {
  const name = ref.name;
  const diagram = ctx.diagrams[name];
  const L = (k: string) => siteLabel(k, ctx.lang);
  if (name === 'case-steps') {
    const d = dataOf(ref as DataRef<CaseStepsData>);
    if (!d || !diagram) return missing('data/case-steps.yaml');
    const title = localized(d.title, ctx.lang) || L('keyActions');
    return h('figure', { className: ['flowchart'], id },
      h('div', { className: ['diagram-scroll'], tabIndex: 0, role: 'group', ariaLabel: title }, diagramToSvg(diagram, title, `${id}-svg`)),
      h('figcaption', {}, title),
      h('ol', { className: ['steps'] }, d.steps.map((s) => h('li', {},
        h('strong', {}, localized(s.title, ctx.lang)),
        s.timeline ? h('span', { className: ['timeline'] }, ` — ${localized(s.timeline, ctx.lang)}`) : null,
        h('ul', {}, s.key_actions.map((a) => h('li', {}, localized(a, ctx.lang))))))));
  }
  const d = dataOf(ref as DataRef<EligibilityData>);
  if (!d || !diagram) return missing(`data/${name}.yaml`);
  const title = localized(d.title, ctx.lang) || siteLabel('textVersion', ctx.lang);
  const label = (nid: string) => localized(d.flow.nodes.find((n) => n.id === nid)?.label, ctx.lang);
  return h('figure', { className: ['flowchart'], id },
    h('div', { className: ['diagram-scroll'], tabIndex: 0, role: 'group', ariaLabel: title }, diagramToSvg(diagram, title, `${id}-svg`)),
    h('figcaption', {}, title),
    h('details', { className: ['diagram-text'] },
      h('summary', {}, L('textVersion')),
      h('ul', {}, d.flow.edges.map((e) => h('li', {},
        label(e.from), ' → ', e.label ? h('em', {}, localized(e.label, ctx.lang)) : null, e.label ? ' → ' : null, label(e.to))))));
}

function matrix(ctx: RenderContext, ref: DataRef<PrioritisationData>): Element {
  const d = dataOf(ref);
  if (!d) return missing('data/prioritisation.yaml');
  const L = (k: string) => siteLabel(k, ctx.lang);
  const hasFollow = d.levels.some((l) => l.follow_up);
  const hasExamples = d.levels.some((l) => l.examples?.length);
  return h('div', { className: ['table-scroll'] }, h('table', { className: ['matrix'] },
    caption(localized(d.title, ctx.lang)),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, L('level')), h('th', { scope: 'col' }, L('definition')),
      hasExamples ? h('th', { scope: 'col' }, L('examples')) : null,
      h('th', { scope: 'col' }, L('responseTime')), hasFollow ? h('th', { scope: 'col' }, L('followUp')) : null)),
    h('tbody', {}, d.levels.map((l) => h('tr', { className: ['level', `level-${l.id}`] },
      h('th', { scope: 'row', style: /^#[0-9a-fA-F]{6}$/.test(l.colour ?? '') ? `--level-colour:${l.colour}` : undefined }, localized(l.label, ctx.lang)),
      // data-label: the column name shown above each field when a phone shows the rows as cards.
      h('td', { dataLabel: L('definition') }, localized(l.definition, ctx.lang)),
      hasExamples ? h('td', { dataLabel: L('examples') }, l.examples?.length ? h('ul', {}, l.examples.map((x) => h('li', {}, localized(x, ctx.lang)))) : null) : null,
      h('td', { dataLabel: L('responseTime') }, localized(l.response_time.text, ctx.lang)),
      hasFollow ? h('td', { dataLabel: L('followUp') }, localized(l.follow_up, ctx.lang)) : null)))));
}

/** A rows × columns data table (data/relationships.yaml): column labels on top, row labels on the start side. */
function dataTable(ctx: RenderContext, ref: DataRef<RelationshipsData>): Element {
  const d = dataOf(ref);
  if (!d) return missing(`data/${ref.name}.yaml`);
  const L = (x: unknown) => localized(x, ctx.lang);
  return h('div', { className: ['table-scroll'] }, h('table', { className: ['data-table'] },
    caption(L(d.title)),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, L(d.corner)), d.columns.map((c) => h('th', { scope: 'col' }, L(c.label))))),
    h('tbody', {}, d.rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, L(r.label)),
      d.columns.map((c, i) => h('td', { dataLabel: L(c.label) }, L(r.cells[i]))))))));
}

function card(ctx: RenderContext, ref: DataRef<UrgentActionData>): Element {
  const d = dataOf(ref);
  if (!d) return missing('data/urgent-action.yaml');
  const L = (k: string) => siteLabel(k, ctx.lang);
  return h('div', { className: ['urgent-card'] },
    h('div', { className: ['table-scroll'] }, h('table', { className: ['card'] },
      caption(localized(d.title, ctx.lang)),
      h('tbody', {},
        h('tr', {}, h('th', { scope: 'row' }, L('triggers')), h('td', {}, h('ul', {}, d.triggers.map((t) => h('li', {}, localized(t, ctx.lang)))))),
        h('tr', {}, h('th', { scope: 'row' }, L('actions')), h('td', {}, h('ol', {}, d.actions.map((t) => h('li', {}, localized(t, ctx.lang))))))))),
    h('div', { className: ['table-scroll'] }, h('table', { className: ['contacts'] },
      h('caption', {}, L('contacts')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, L('contact')), h('th', { scope: 'col' }, L('phone')), h('th', { scope: 'col' }, L('hours')))),
      h('tbody', {}, d.contacts.map((c) => h('tr', {},
        h('td', {}, localized(c.name, ctx.lang), c.agency ? h('span', { className: ['agency'] }, ` (${agencyName(ctx, c.agency)})`) : null),
        h('td', {}, phoneLink(c.phone)),
        h('td', {}, localized(c.hours, ctx.lang))))))),
    d.notes ? h('p', { className: ['card-notes'] }, localized(d.notes, ctx.lang)) : null);
}

function uniqueSorted(values: [string, string][]): [string, string][] {
  const m = new Map(values);
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Location keys are the English (or first) text, so filters agree across languages. */
function locationKey(s: Service): string {
  return (s.location.en ?? Object.values(s.location)[0] ?? '').toLowerCase().replace(/[^a-z0-9\u0600-\u06ff]+/g, '-');
}

/**
 * The service map: a plain table (works without JavaScript, prints well), with a filter
 * form that `site.js` reveals and wires up. Rows carry `data-sector`/`data-location`.
 */
export function servicesTable(ctx: RenderContext, idPrefix: string, ref: DataRef<ServicesData> = { name: 'services', file: ctx.model.data.services as DataRef<ServicesData>['file'] }): Element {
  const d = dataOf(ref);
  if (!d) return missing('data/services.yaml');
  const L = (k: string) => siteLabel(k, ctx.lang);
  const date = (iso: string) => formatDate(iso, ctx.lang, ctx.digits);
  const sectors = uniqueSorted(d.services.map((s) => [s.sector, sectorName(s.sector, d, ctx.lang)]));
  const locations = uniqueSorted(d.services.map((s) => [locationKey(s), localized(s.location, ctx.lang)]));
  const select = (name: string, label: string, options: [string, string][]) =>
    h('label', {}, h('span', {}, label), ' ',
      h('select', { name, dataFilter: name },
        h('option', { value: '' }, L('all')),
        options.map(([v, t]) => h('option', { value: v }, t))));
  return h('div', { className: ['services'], dataServices: '' },
    h('p', { className: ['last-verified'] }, `${L('lastVerifiedColumn')}: `, h('time', { dateTime: d.last_verified }, date(d.last_verified))),
    h('form', { className: ['service-filters'], hidden: true, ariaLabel: L('filter') },
      select('sector', L('sector'), sectors), ' ', select('location', L('location'), locations),
      h('output', { className: ['service-count'], ariaLive: 'polite' })),
    h('div', { className: ['table-scroll'] }, h('table', { className: ['service-map'] },
      h('caption', {}, L('services')),
      h('thead', {}, h('tr', {}, [L('service'), L('sector'), L('agency'), L('location'), L('contact'), L('hours'), L('lastVerifiedColumn')]
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, d.services.map((s) => h('tr', { id: `${idPrefix}${s.id}`, dataSector: s.sector, dataLocation: locationKey(s) },
        h('th', { scope: 'row' }, localized(s.name, ctx.lang),
          s.ages ? h('span', { className: ['ages'] }, ` (${L('ages')} `, h('bdi', {}, localizeDigits(s.ages, ctx.digits)), ')') : null,
          s.notes ? h('div', { className: ['notes'] }, localized(s.notes, ctx.lang)) : null),
        // data-label: on phones each row becomes a card and the cell says what it is.
        h('td', { dataLabel: L('sector') }, sectorName(s.sector, d, ctx.lang)),
        h('td', { dataLabel: L('agency') }, agencyName(ctx, s.agency)),
        h('td', { dataLabel: L('location') }, localized(s.location, ctx.lang)),
        h('td', { className: ['contact'], dataLabel: L('contact') },
          s.contact.person ? h('div', {}, h('bdi', {}, s.contact.person)) : null,
          s.contact.phone ? h('div', {}, phoneLink(s.contact.phone)) : null,
          s.contact.email ? h('div', {}, emailLink(s.contact.email)) : null),
        h('td', { dataLabel: L('hours') }, localized(s.hours, ctx.lang)),
        h('td', { dataLabel: L('lastVerifiedColumn') }, h('time', { dateTime: s.last_verified ?? d.last_verified }, date(s.last_verified ?? d.last_verified)))))))));
}

function pathways(ctx: RenderContext, ref: DataRef<PathwaysData>, servicesRef: DataRef<ServicesData>): Element {
  const d = dataOf(ref);
  if (!d) return missing('data/pathways.yaml');
  const services = dataOf(servicesRef);
  const L = (k: string) => siteLabel(k, ctx.lang);
  const serviceRef = (id: string): ElementContent => {
    const s = services?.services.find((x) => x.id === id);
    if (!s) return h('code', {}, id);
    const href = ctx.servicesOnPage ? `#service-${id}` : `${ctx.servicesHref}#service-${id}`;
    return h('a', { href }, localized(s.name, ctx.lang));
  };
  return h('div', { className: ['pathways'] }, d.pathways.map((p) => h('section', { className: ['pathway'], ariaLabel: localized(p.concern, ctx.lang) },
    h('p', { className: ['pathway-concern'] }, h('strong', {}, localized(p.concern, ctx.lang))),
    h('ol', { className: ['pathway-steps'] }, p.steps.map((s) => h('li', {},
      localized(s.action, ctx.lang), ' — ', serviceRef(s.service),
      s.timeframe ? h('span', { className: ['timeframe'] }, ` (${localized(s.timeframe, ctx.lang)})`) : null))))));
}

/** Component 17: who signed which version. An endorsement of another version is shown as such. */
export function signatures(ctx: RenderContext): Element {
  const m = ctx.model.manifest;
  const L = (k: string) => siteLabel(k, ctx.lang);
  const v = (x: string) => localizeDigits(x, ctx.digits);
  return h('div', { className: ['table-scroll'] }, h('table', { className: ['signatures'] },
    h('caption', {}, L('agencies')),
    h('thead', {}, h('tr', {}, [L('agency'), L('signatory'), L('endorsedVersion'), L('endorsementDate'), L('signature')].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, m.agencies.map((a) => {
      const e = a.endorsement;
      const older = e && e.version !== m.version;
      return h('tr', { className: e ? (older ? ['older'] : ['endorsed']) : ['pending'] },
        h('th', { scope: 'row' }, localized(a.name, ctx.lang)),
        h('td', {}, a.signatory ? [h('bdi', {}, a.signatory.name), a.signatory.role ? h('div', { className: ['role'] }, localized(a.signatory.role, ctx.lang)) : null] : null),
        h('td', {}, e ? [v(e.version), older ? h('div', { className: ['older-note'] }, L('olderEndorsement')) : null] : L('notEndorsed')),
        h('td', {}, e ? h('time', { dateTime: e.date }, formatDate(e.date, ctx.lang, ctx.digits)) : '—'),
        h('td', { className: ['signature-line'] }, e && !older ? L('endorsed') : ''));
    }))), focalPoints(ctx));
}

/** The focal points sop.yaml names (the SOP's first, then the agencies'), as the PDF's signature page lists them; nothing when none. */
function focalPoints(ctx: RenderContext): Element | null {
  const m = ctx.model.manifest;
  const L = (k: string) => siteLabel(k, ctx.lang);
  const people: [Element | string, FocalPoint][] = [];
  if (m.focal_point) {
    const agency = m.agencies.find((a) => a.id === m.focal_point!.agency);
    people.push([h('span', {}, L('sopFocalPoint'), agency ? h('div', { className: ['role'] }, localized(agency.name, ctx.lang)) : null), m.focal_point]);
  }
  for (const a of m.agencies) if (a.focal_point) people.push([localized(a.name, ctx.lang), a.focal_point]);
  if (!people.length) return null;
  return h('table', { className: ['focal-points'] },
    h('caption', {}, L('focalPoints')),
    h('thead', {}, h('tr', {}, [L('agency'), L('focalPoint'), L('contact')].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, people.map(([who, f]) => h('tr', {},
      h('th', { scope: 'row' }, who),
      h('td', {}, h('bdi', {}, f.name), f.role ? h('div', { className: ['role'] }, localized(f.role, ctx.lang)) : null),
      h('td', {}, [f.phone ? h('div', {}, h('a', { href: `tel:${f.phone.replace(/[^+\d]/g, '')}` }, h('bdi', {}, f.phone))) : null, f.email ? h('div', {}, h('a', { href: `mailto:${f.email}` }, f.email)) : null])))));
}

/** Renders one data directive, realized by the document stage; unknown ones stay text and never come here. */
export function renderDirective(r: RealizedDirective, ctx: RenderContext, id: string): Element | null {
  switch (r.kind) {
    case 'criteria': return criteria(ctx, r.shown);
    case 'flowchart': return flowchart(ctx, r.shown, id);
    case 'matrix': return matrix(ctx, r.shown);
    case 'table': return dataTable(ctx, r.shown);
    case 'card': return card(ctx, r.shown);
    case 'services': return servicesTable(ctx, 'service-', r.shown);
    case 'pathways': return pathways(ctx, r.shown, r.services);
    case 'signatures': return signatures(ctx);
    case 'pagebreak': return h('div', { className: ['pagebreak'], ariaHidden: 'true' });
    default: return null;
  }
}
