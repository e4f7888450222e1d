/** Labels the PDF generates beyond the shared i18n ones (data directive headings). */
import { label } from '../i18n/index.js';

const EXTRA: Record<string, Record<string, string>> = {
  en: {
    goTo: 'go to step', triggers: 'When to act immediately', actions: 'Immediate actions', contacts: '24/7 contacts',
    level: 'Level', definition: 'Definition', responseTime: 'First response', followUp: 'Follow-up', examples: 'Examples',
    sector: 'Sector', service: 'Service', agency: 'Agency', location: 'Location', contact: 'Contact', hours: 'Hours',
    name: 'Name', phone: 'Phone', signatory: 'Signatory', role: 'Role', endorsement: 'Endorsement', timeline: 'Timeline',
    endorsedOn: 'endorsed version {v} on {d}', olderVersion: 'endorsed version {v} on {d}; not yet this version',
    annexTitle: 'Annex {n}', missingData: 'The data file "{f}" is missing: this part is left empty.',
    start: 'Start', decision: 'Question', action: 'Step', outcome: 'Outcome', lastVerified: 'Service map last verified: {d}',
  },
  ar: {
    goTo: 'انتقل إلى الخطوة', triggers: 'متى يجب التصرف فورًا', actions: 'الإجراءات الفورية', contacts: 'جهات الاتصال على مدار الساعة',
    level: 'المستوى', definition: 'التعريف', responseTime: 'الاستجابة الأولى', followUp: 'المتابعة', examples: 'أمثلة',
    sector: 'القطاع', service: 'الخدمة', agency: 'الوكالة', location: 'الموقع', contact: 'الاتصال', hours: 'ساعات العمل',
    name: 'الاسم', phone: 'الهاتف', signatory: 'الموقِّع', role: 'الصفة', endorsement: 'المصادقة', timeline: 'الإطار الزمني',
    endorsedOn: 'صادق على الإصدار {v} بتاريخ {d}', olderVersion: 'صادق على الإصدار {v} بتاريخ {d}؛ لم يصادق على هذا الإصدار بعد',
    annexTitle: 'الملحق {n}', missingData: 'ملف البيانات "{f}" غير موجود: ترك هذا الجزء فارغًا.',
    start: 'البداية', decision: 'سؤال', action: 'خطوة', outcome: 'النتيجة', lastVerified: 'آخر تحقق من خريطة الخدمات: {d}',
  },
};

export function pdfLabel(key: string, lang: string, vars: Record<string, string> = {}): string {
  const l = lang.split('-')[0]!;
  let s = EXTRA[l]?.[key] ?? EXTRA.en![key] ?? label(key, lang);
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, v);
  return s;
}
