/**
 * The list of printed products for an SOP: which files, from which data, in which
 * languages and sizes. Each product composes lazily, so `check` and `build` share it.
 */
import type { PosterContext } from './context.js';
import { imposeCards } from './impose.js';
import type { SceneDoc } from './scene.js';
import { drawSheet } from './sheets.js';
import { stampText } from './stamp.js';
import { urgentCardPages } from './urgent-card.js';

export interface Product {
  file: string;
  subject: string;
  compose(): SceneDoc;
}

export function products(ctx: PosterContext): Product[] {
  const { model, paper } = ctx;
  const m = model.manifest;
  const out: Product[] = [];
  const has = (name: string) => model.data[name] !== undefined;
  for (const lang of m.languages) {
    if (has('urgent-action')) {
      out.push({
        file: `urgent-card-${paper.card.id}-${lang}.pdf`,
        subject: 'Urgent-action referral card (front, back)',
        compose: () => ({ title: stampText(m, lang), lang, pages: urgentCardPages(ctx, lang, paper.card) }),
      });
      out.push({
        file: `urgent-card-4up-${paper.sheet.id}-${lang}.pdf`,
        subject: 'Urgent-action referral card, 4 per sheet with crop marks; print double-sided, flip on long edge',
        compose: () => {
          const [front, back] = urgentCardPages(ctx, lang, paper.card);
          // Page 1 carries the fronts, page 2 the backs in mirrored columns.
          return { title: stampText(m, lang), lang, pages: drawSheet(paper.sheet, imposeCards(paper.sheet, paper.card), [front], [back]) };
        },
      });
    }
  }
  return out;
}
