/** Labels the PDF generates beyond the shared i18n ones (data directive headings). */
import { label } from '../i18n/index.js';

const EXTRA: Record<string, Record<string, string>> = {
  en: {
    goTo: 'go to step', name: 'Name', endorsement: 'Endorsement', endorsedOn: 'endorsed version {v} on {d}', olderVersion: 'endorsed version {v} on {d}; not yet this version',
    annexTitle: 'Annex {n}', missingData: 'The data file "{f}" is missing: this part is left empty.',
    start: 'Start', decision: 'Question', action: 'Step', outcome: 'Outcome', lastVerified: 'Service map last verified: {d}',
    textVersion: 'Text version of the diagram',
  },
  ar: {
    goTo: 'انتقل إلى الخطوة', name: 'الاسم', endorsement: 'المصادقة', endorsedOn: 'صادق على الإصدار {v} بتاريخ {d}', olderVersion: 'صادق على الإصدار {v} بتاريخ {d}؛ لم يصادق على هذا الإصدار بعد',
    annexTitle: 'الملحق {n}', missingData: 'ملف البيانات "{f}" غير موجود: ترك هذا الجزء فارغًا.',
    start: 'البداية', decision: 'سؤال', action: 'خطوة', outcome: 'النتيجة', lastVerified: 'آخر تحقق من خريطة الخدمات: {d}',
    textVersion: 'النص البديل للمخطط',
  },
};

export function pdfLabel(key: string, lang: string, vars: Record<string, string> = {}): string {
  const l = lang.split('-')[0]!;
  let s = EXTRA[l]?.[key] ?? EXTRA.en![key] ?? label(key, lang);
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, v);
  return s;
}
