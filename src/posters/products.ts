/**
 * The list of printed products for an SOP: which files, from which data, in which
 * languages and sizes. Each product composes lazily, so `check` and `build` share it.
 */
import type { PosterContext } from './context.js';
import { imposeCards } from './impose.js';
import type { SceneDoc } from './render.js';
import { drawSheet } from './sheets.js';
import { localized } from '../i18n/index.js';
import { stampText } from './stamp.js';
import type { Localized } from '../model/types.js';
import { MIN_FLOWCHART, MIN_SIZE } from './fit.js';

/** A flow longer than this many poster sheets is better read in the pocket guide. */
const MAX_FLOW_SHEETS = 3;
import { posterFrame, posterPage, type Arrangement } from './poster-frame.js';
import type { Box } from './column.js';
import { prioritisationBody } from './prioritisation.js';
import { pathwayPages } from './pathways.js';
import { pocketGuideContents, pocketGuideSheets } from './pocket-guide.js';
import type { FrameItem, PageFrame } from '../frame/types.js';
import { caseStepsBody, criteriaBody, eligibilityPlan, eligibilitySheet, reportPlan } from './flow-posters.js';
import type { FlowchartPlan } from './flowchart.js';
import { urgentCardPages } from './urgent-card.js';
import { organigramBody } from './organigram.js';
import { tableBody } from './table-poster.js';
import { twoWayFlowBody } from './two-way-flow.js';
import { pocketGuideParts, posterEntries } from './kinds.js';
import { diagnostic } from '../diag/index.js';
import { RULE } from './context.js';

export interface Product {
  file: string;
  subject: string;
  compose(): Promise<SceneDoc>;
}

export function products(ctx: PosterContext): Product[] {
  const { model, paper } = ctx;
  const m = model.manifest;
  const out: Product[] = [];
  const has = (name: string) => model.data[name] !== undefined;
  const entries = posterEntries(model.profile);
  const sized = entries.filter((e) => e.kind !== 'contact-card');
  const variants: string[][] = m.languages.map((l) => [l]);
  if (m.languages.length > 1) variants.push(m.languages.slice(0, 2));
  const suffix = (langs: string[]) => (langs.length > 1 ? 'bilingual' : langs[0]!);
  const docTitle = (what: string, langs: string[]) => langs.map((l) => `${what} — ${stampText(m, l)}`).join(' / ');
  const dataTitle = (name: string) => (lang: string) => ({
    text: localized((model.data[name]!.value as { title?: Localized }).title, lang, m.languages) || name,
    src: { data: name, pointer: '/title' },
  });
  const guide = pocketGuideContents(ctx);
  for (const name of pocketGuideParts(model.profile).unknown) {
    ctx.diagnostics.push(diagnostic(RULE, 'error', `the pocket guide of profile ${model.profile.id} names "${name}", which is not one of its decision-flow, priority-levels, contact-card, pathways or steps posters`,
      { file: model.profile.file }, 'List in `pocket_guide:` the `data` of posters of those kinds (a tree, a table or a two-way flow does not fit an A6 page).'));
  }
  for (const lang of m.languages) {
    if (guide.length) {
      out.push({
        file: `pocket-guide-${paper.sheet.id}-${lang}.pdf`,
        subject: 'Pocket guide: A6 booklet on A4; print double-sided (flip on long edge), cut across, nest, fold, staple',
        compose: async () => ({ title: docTitle('Pocket guide', [lang]), lang, pages: pocketGuideSheets(ctx, lang, paper.sheet) }),
      });
    }
  }
  for (const langs of variants) {
    // Two languages side by side double the text: the bilingual variant is printed on the large size only.
    for (const size of langs.length > 1 ? [paper.posters[1]] : paper.posters) {
      const min = MIN_SIZE.poster;
      const where = (what: string, lang: string) => `the ${size.id} ${what} poster (${langs.length > 1 ? `${lang}, bilingual` : lang})`;
      for (const e of sized) {
        // Each language's half of a two-language poster must be wide enough: some kinds say it is not.
        if (!has(e.data) || (langs.length > 1 && !e.bilingual)) continue;
        const file = `${e.file}-${size.id}-${suffix(langs)}.pdf`;
        const title = dataTitle(e.data);
        const page = (body: Parameters<typeof posterPage>[4]) => posterPage(ctx, size, langs, title, body);
        // A poster of one page, its body drawn per language.
        const onePage = (body: Parameters<typeof posterPage>[4]) => out.push({
          file, subject: e.subject,
          compose: async () => ({ title: docTitle(e.title, langs), lang: langs[0]!, pages: [await page(body)] }),
        });
        switch (e.kind) {
          case 'decision-flow': out.push({
            file, subject: e.subject,
            compose: async () => {
              const criteriaPlaced = new Set<string>();
              const flowMin = size === paper.posters[1] ? MIN_FLOWCHART.large : MIN_FLOWCHART.small;
              const o = (lang: string) => ({ min: flowMin, where: where(e.data, lang), withCriteria: true, criteriaPlaced });
              // Each language's flow takes the sheets it needs to hold its minimum; two languages
              // share a sheet side by side or stacked, whichever needs fewer sheets (then: larger text).
              let chosen: { arrange: Arrangement; plans: Map<string, FlowchartPlan>; boxes: Map<string, Box> } | undefined;
              const rank = (plans: Map<string, FlowchartPlan>) => {
                const all = [...plans.values()];
                return { fits: all.every((p) => p.fits), sheets: Math.max(...all.map((p) => p.parts.length)), text: Math.min(...all.map((p) => p.textSize)) };
              };
              for (const arrange of langs.length > 1 ? (['side', 'stack'] as const) : (['side'] as const)) {
                const plans = new Map<string, FlowchartPlan>();
                const boxes = new Map<string, Box>();
                for (const h of posterFrame(ctx, size, langs, title, arrange).halves) {
                  boxes.set(h.lang, h.box);
                  plans.set(h.lang, await eligibilityPlan(ctx, e.data, h.lang, h.box, { min: flowMin, max: flowMin * 1.6, maxSheets: MAX_FLOW_SHEETS }));
                }
                const r = rank(plans);
                const c = chosen && rank(chosen.plans);
                if (!c || (r.fits && !c.fits) || (r.fits === c.fits && (r.sheets < c.sheets || (r.sheets === c.sheets && r.text > c.text + 0.01)))) chosen = { arrange, plans, boxes };
              }
              const { arrange, plans, boxes } = chosen!;
              for (const lang of langs) reportPlan(ctx, e.data, plans.get(lang)!, boxes.get(lang)!, flowMin, where(e.data, lang));
              const sheets = rank(plans).sheets;
              const pages: PageFrame[] = [];
              for (let k = 0; k < sheets; k++) {
                pages.push(await posterPage(ctx, size, langs, title, (lang, box, sect) => eligibilitySheet(ctx, e.data, plans.get(lang)!, k, lang, box, o(lang), sect), arrange));
              }
              // Criteria that found no room under the flow get a page of their own.
              if (langs.some((l) => !criteriaPlaced.has(l))) {
                pages.push(await page((lang, box, sect) =>
                  (criteriaPlaced.has(lang) ? [] : criteriaBody(ctx, e.data, lang, box, min, where(`${e.data} criteria`, lang), sect))));
              }
              return { title: docTitle(e.title, langs), lang: langs[0]!, pages };
            },
          }); break;
          case 'steps': onePage((lang, box, sect) => caseStepsBody(ctx, e.data, lang, box, { min, where: where(e.data, lang), withActions: 'auto' }, sect)); break;
          case 'pathways': out.push({
            file, subject: e.subject,
            compose: async () => {
              // Each language may need a different number of pages: the pages of the
              // poster are the longest language's, the other half left blank at its end.
              const perLang = new Map<string, FrameItem[][]>();
              const first = await page((lang, box, sect) => {
                const pages = pathwayPages(ctx, e.data, lang, box, min, min * 1.6, where(e.data, lang), sect);
                perLang.set(lang, pages);
                return pages[0] ?? [];
              });
              const count = Math.max(...[...perLang.values()].map((p) => p.length));
              const pages = [first];
              for (let k = 1; k < count; k++) pages.push(await page((lang) => perLang.get(lang)?.[k] ?? []));
              return { title: docTitle(e.title, langs), lang: langs[0]!, pages };
            },
          }); break;
          case 'organigram': onePage((lang, box, sect) => organigramBody(ctx, e.data, lang, box, { min, where: where(e.data, lang) }, sect)); break;
          case 'matrix': onePage((lang, box, sect) => tableBody(ctx, e.data, lang, box, min, min * 2, where(e.data, lang), sect)); break;
          case 'two-way-flow': onePage((lang, box, sect) => twoWayFlowBody(ctx, e.data, lang, box, min, min * 2, where(e.data, lang), sect)); break;
          case 'priority-levels': onePage((lang, box, sect) => prioritisationBody(ctx, e.data, lang, box, min, min * 2.2, `the ${size.id} ${e.data} poster (${suffix(langs) === lang ? lang : `${lang}, bilingual`})`, sect)); break;
          case 'contact-card': break; // printed per language on card paper, below
        }
      }
    }
  }
  for (const lang of m.languages) {
    for (const e of entries) {
      if (e.kind !== 'contact-card' || !has(e.data)) continue;
      out.push({
        file: `${e.file}-${paper.card.id}-${lang}.pdf`,
        subject: `${e.subject} (front, back)`,
        compose: async () => ({ title: stampText(m, lang), lang, pages: urgentCardPages(ctx, e.data, lang, paper.card) }),
      });
      out.push({
        file: `${e.file}-4up-${paper.sheet.id}-${lang}.pdf`,
        subject: `${e.subject}, 4 per sheet with crop marks; print double-sided, flip on long edge`,
        compose: async () => {
          const [front, back] = urgentCardPages(ctx, e.data, lang, paper.card);
          // Page 1 carries the fronts, page 2 the backs in mirrored columns.
          return { title: stampText(m, lang), lang, pages: drawSheet(paper.sheet, imposeCards(paper.sheet, paper.card), [front], [back]) };
        },
      });
    }
  }
  return out;
}
