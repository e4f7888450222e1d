import { label as sharedLabel } from '../../i18n/index.js';

/** Site-only UI strings; shared ones (version, date, contents…) come from `i18n/`. */
const SITE: Record<string, Record<string, string>> = {
  en: {
    search: 'Search', searchPlaceholder: 'Search this version…', noResults: 'No results', results: 'Results',
    language: 'Language', versions: 'Versions', oldVersion: 'You are reading an older version of this SOP.',
    goLatest: 'Go to the latest version', services: 'Service map', servicesPage: 'Service map (printable page)',
    downloads: 'Downloads', pdf: 'PDF', posters: 'Posters and cards', all: 'All', filter: 'Filter services', ages: 'Ages', notes: 'Notes', lastVerified: 'Last verified', endorsedVersion: 'Endorsed version', endorsementDate: 'Endorsement date',
    olderEndorsement: 'endorsed an earlier version', step: 'Step', action: 'Action', timeframe: 'Timeframe',
    keyActions: 'Key actions', textVersion: 'Text version of the diagram', to: 'to',
    skip: 'Skip to content', menu: 'Contents', annexes: 'Annexes', notTranslated: 'Not yet translated: shown in the source language.',
    externalLink: 'external address', current: 'current', top: 'Back to top', printed: 'Printed from the SOP site',
    imageRemoved: 'image', draftNote: 'Draft — not yet endorsed', pack: 'PDF with all annexes',
  },
  ar: {
    search: 'بحث', searchPlaceholder: 'ابحث في هذا الإصدار…', noResults: 'لا توجد نتائج', results: 'النتائج',
    language: 'اللغة', versions: 'الإصدارات', oldVersion: 'أنت تقرأ إصدارًا سابقًا من هذه الإجراءات.',
    goLatest: 'الانتقال إلى أحدث إصدار', services: 'خريطة الخدمات', servicesPage: 'خريطة الخدمات (صفحة للطباعة)',
    downloads: 'التنزيلات', pdf: 'PDF', posters: 'الملصقات والبطاقات', all: 'الكل', filter: 'تصفية الخدمات', ages: 'الأعمار', notes: 'ملاحظات', lastVerified: 'آخر تحقق', endorsedVersion: 'الإصدار المصادق عليه', endorsementDate: 'تاريخ المصادقة',
    olderEndorsement: 'صادق على إصدار سابق', step: 'الخطوة', action: 'الإجراء', timeframe: 'الإطار الزمني',
    keyActions: 'الإجراءات الرئيسية', textVersion: 'النص البديل للمخطط', to: 'إلى',
    skip: 'انتقل إلى المحتوى', menu: 'المحتويات', annexes: 'الملاحق', notTranslated: 'لم يترجم بعد: يظهر بلغة المصدر.',
    externalLink: 'عنوان خارجي', current: 'الحالي', top: 'العودة إلى الأعلى', printed: 'طبع من موقع الإجراءات',
    imageRemoved: 'صورة', draftNote: 'مسودة — لم تتم المصادقة عليها بعد', pack: 'ملف PDF مع جميع الملاحق',
  },
};

export function siteLabel(key: string, lang: string): string {
  const base = lang.split('-')[0]!;
  return SITE[base]?.[key] ?? SITE.en![key] ?? sharedLabel(key, lang);
}

export { languageName } from '../../i18n/index.js';

const RTL_LANGS = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGS.has(lang.split('-')[0]!) ? 'rtl' : 'ltr';
}
