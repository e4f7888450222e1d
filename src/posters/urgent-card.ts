/**
 * The urgent-action referral card (component 10): front = when to act (triggers) and the
 * confidentiality note; back = immediate actions and the 24/7 contacts. Two sides of a
 * pocket card, each fitted on its own.
 */
import { digitsFor, label, localized, localizeDigits } from '../i18n/index.js';
import type { UrgentActionData } from '../document/data-types.js';
import type { Block } from './column.js';
import type { PosterContext } from './context.js';
import { MIN_SIZE } from './fit.js';
import { fittedPage, WHITE } from './page.js';
import { MM, type PaperSize } from './paper.js';
import type { PageFrame } from '../frame/types.js';

const DATA = 'urgent-action';
export const URGENT_RED: [number, number, number] = [0.62, 0.07, 0.07];

function blocksFront(ctx: PosterContext, d: UrgentActionData, lang: string): Block[] {
  const m = ctx.model.manifest;
  const out: Block[] = [
    { text: localized(d.title, lang, m.languages) || label('actNow', lang), lang, bold: true, scale: 1.25, band: URGENT_RED, color: WHITE, src: { data: DATA, pointer: '/title' } },
    { text: label('actNow', lang), lang, bold: true, scale: 1.1, gap: 0.6, role: 'H2' },
  ];
  d.triggers.forEach((t, i) => out.push({ text: localized(t, lang, m.languages), lang, marker: '•', gap: 0.25, src: { data: DATA, pointer: `/triggers/${i}` } }));
  if (d.notes) out.push({ text: localized(d.notes, lang, m.languages), lang, gap: 0.8, bold: true, src: { data: DATA, pointer: '/notes' } });
  return out;
}

function blocksBack(ctx: PosterContext, d: UrgentActionData, lang: string): Block[] {
  const m = ctx.model.manifest;
  const digits = digitsFor(m, lang);
  const out: Block[] = [{ text: label('actions', lang), lang, bold: true, scale: 1.1, band: [0, 0, 0], color: WHITE }];
  d.actions.forEach((a, i) =>
    out.push({ text: localized(a, lang, m.languages), lang, marker: localizeDigits(`${i + 1}.`, digits), gap: 0.2, src: { data: DATA, pointer: `/actions/${i}` } }));
  out.push({ text: label('contacts', lang), lang, bold: true, scale: 1.1, band: [0, 0, 0], color: WHITE, gap: 0.6 });
  d.contacts.forEach((c, i) => {
    const hours = localized(c.hours, lang, m.languages);
    // Phone numbers are dialled as written: Latin digits, left to right, even in Arabic;
    // they sit in their own column so the eye finds them first.
    out.push({
      text: hours ? `${localized(c.name, lang, m.languages)} — ${hours}` : localized(c.name, lang, m.languages), lang, gap: 0.3,
      marker: c.phone, markerLtr: true, markerWidth: 9.2, src: { data: DATA, pointer: `/contacts/${i}` },
    });
  });
  return out;
}

export const CARD_MARGIN = 7 * MM;

/** Front and back of the card in `lang`, each side fitted (never below 8 pt). */
export function urgentCardPages(ctx: PosterContext, lang: string, card: PaperSize): [PageFrame, PageFrame] {
  const df = ctx.model.data[DATA];
  const d = df!.value as UrgentActionData;
  const common = { width: card.width, height: card.height, margin: CARD_MARGIN, lang, max: 16, min: MIN_SIZE.card };
  const front = fittedPage(ctx, {
    ...common, blocks: blocksFront(ctx, d, lang), where: `the urgent-action card (front, ${lang})`, tags: { band: 'H1' },
    hint: 'Shorten the triggers or the note in data/urgent-action.yaml: the front of a pocket card holds about 8 short lines.',
  });
  const back = fittedPage(ctx, {
    ...common, blocks: blocksBack(ctx, d, lang), where: `the urgent-action card (back, ${lang})`,
    hint: 'Shorten the actions or list fewer 24/7 contacts in data/urgent-action.yaml (a pocket card holds about 6 contacts); put the full list on the referral-pathways poster.',
  });
  return [front, back];
}
