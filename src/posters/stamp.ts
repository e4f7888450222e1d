/**
 * The stamp every poster and card carries (R3): SOP title, version and date from the
 * shared `pageHeader`, plus the language of the sheet, so a photocopy found on a wall
 * can be traced to its SOP version.
 */
import { label, languageName, pageHeader } from '../i18n/index.js';
import type { Manifest, Localized } from '../model/types.js';

export { languageName };

/** The stamp as one line of text: `title — Version 2.1 — 22 November 2026 — English`. */
export function stampText(manifest: Manifest, lang: string): string {
  const h = pageHeader(manifest, lang);
  return `${h.title} — ${h.stamp} — ${languageName(lang)}`;
}

/** Text in `lang`, else in the SOP's first language that has it. */
export function tr(text: Localized | string | undefined, lang: string, manifest?: Manifest): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  if (text[lang] !== undefined) return text[lang]!;
  for (const l of manifest?.languages ?? []) if (text[l] !== undefined) return text[l]!;
  return Object.values(text)[0] ?? '';
}

/** Words printed on posters that are not in the data files. */
const WORDS: Record<string, Record<string, string>> = {
  en: {
    actNow: 'Act now if', keyActions: 'Key actions', criteria: 'Eligibility criteria', flow: 'Decision flow',
    concern: 'Concern', step: 'Step', pocketGuide: 'Pocket guide', contents: 'Contents', notes: 'Notes', yes: 'Yes', no: 'No', goTo: 'go to',
    servicesVerified: 'Service details verified', hoursUnknown: 'hours not given',
  },
  ar: {
    actNow: 'تصرّف فورًا إذا', keyActions: 'الإجراءات الرئيسية', criteria: 'معايير الأهلية', flow: 'مسار القرار',
    concern: 'المشكلة', step: 'الخطوة', pocketGuide: 'دليل الجيب', contents: 'المحتويات', notes: 'ملاحظات', yes: 'نعم', no: 'لا', goTo: 'انتقل إلى',
    servicesVerified: 'تاريخ التحقق من بيانات الخدمات', hoursUnknown: 'لم تُذكر الأوقات',
  },
};

export function word(key: string, lang: string): string {
  return WORDS[lang.split('-')[0]!]?.[key] ?? WORDS.en![key] ?? label(key, lang);
}
