/**
 * The contact card (a profile's `contact-card` kind; CPCM's urgent-action referral card,
 * component 10): front = when to act (triggers) and the note; back = the actions and the
 * contacts. Two sides of a pocket card, each fitted on its own. The headings and the title
 * band's colour are the urgent-action card's unless the data file gives its own.
 */
import { digitsFor, label, localized, localizeDigits } from '../i18n/index.js';
import type { UrgentActionData } from '../document/data-types.js';
import type { Block } from './column.js';
import type { PosterContext } from './context.js';
import { MIN_SIZE } from './fit.js';
import { fittedPage, WHITE } from './page.js';
import { MM, type PaperSize } from './paper.js';
import { hexToRgb } from './pattern.js';
import type { PageFrame } from '../frame/types.js';

export const URGENT_RED: [number, number, number] = [0.62, 0.07, 0.07];

/** A heading of the card: the data file's own (`headings`), else the urgent-action label. */
export function cardHeading(ctx: PosterContext, d: UrgentActionData, key: 'triggers' | 'actions' | 'contacts', lang: string): string {
  const own = localized(d.headings?.[key], lang, ctx.model.manifest.languages);
  return own || label(key === 'triggers' ? 'actNow' : key, lang);
}

function blocksFront(ctx: PosterContext, name: string, d: UrgentActionData, lang: string): Block[] {
  const m = ctx.model.manifest;
  const out: Block[] = [
    { text: localized(d.title, lang, m.languages) || cardHeading(ctx, d, 'triggers', lang), lang, bold: true, scale: 1.25, band: hexToRgb(d.colour, URGENT_RED), color: WHITE, src: { data: name, pointer: '/title' } },
    { text: cardHeading(ctx, d, 'triggers', lang), lang, bold: true, scale: 1.1, gap: 0.6, role: 'H2' },
  ];
  d.triggers.forEach((t, i) => out.push({ text: localized(t, lang, m.languages), lang, marker: '•', gap: 0.25, src: { data: name, pointer: `/triggers/${i}` } }));
  if (d.notes) out.push({ text: localized(d.notes, lang, m.languages), lang, gap: 0.8, bold: true, src: { data: name, pointer: '/notes' } });
  return out;
}

function blocksBack(ctx: PosterContext, name: string, d: UrgentActionData, lang: string): Block[] {
  const m = ctx.model.manifest;
  const digits = digitsFor(m, lang);
  const out: Block[] = [{ text: cardHeading(ctx, d, 'actions', lang), lang, bold: true, scale: 1.1, band: [0, 0, 0], color: WHITE }];
  d.actions.forEach((a, i) =>
    out.push({ text: localized(a, lang, m.languages), lang, marker: localizeDigits(`${i + 1}.`, digits), gap: 0.2, src: { data: name, pointer: `/actions/${i}` } }));
  out.push({ text: cardHeading(ctx, d, 'contacts', lang), lang, bold: true, scale: 1.1, band: [0, 0, 0], color: WHITE, gap: 0.6 });
  d.contacts.forEach((c, i) => {
    const hours = localized(c.hours, lang, m.languages);
    // Phone numbers are dialled as written: Latin digits, left to right, even in Arabic;
    // they sit in their own column so the eye finds them first.
    out.push({
      text: hours ? `${localized(c.name, lang, m.languages)} — ${hours}` : localized(c.name, lang, m.languages), lang, gap: 0.3,
      marker: c.phone, markerLtr: true, markerWidth: 9.2, src: { data: name, pointer: `/contacts/${i}` },
    });
  });
  return out;
}

export const CARD_MARGIN = 7 * MM;

/** Front and back of the card drawn from data file `name` in `lang`, each side fitted (never below 8 pt). */
export function urgentCardPages(ctx: PosterContext, name: string, lang: string, card: PaperSize): [PageFrame, PageFrame] {
  const df = ctx.model.data[name];
  const d = df!.value as UrgentActionData;
  const common = { width: card.width, height: card.height, margin: CARD_MARGIN, lang, max: 16, min: MIN_SIZE.card };
  const front = fittedPage(ctx, {
    ...common, blocks: blocksFront(ctx, name, d, lang), where: `the ${name} card (front, ${lang})`, tags: { band: 'H1' },
    hint: `Shorten the triggers or the note in data/${name}.yaml: the front of a pocket card holds about 8 short lines.`,
  });
  const back = fittedPage(ctx, {
    ...common, blocks: blocksBack(ctx, name, d, lang), where: `the ${name} card (back, ${lang})`,
    hint: `Shorten the actions or list fewer contacts in data/${name}.yaml (a pocket card holds about 6 contacts); put the full list on a poster.`,
  });
  return [front, back];
}
