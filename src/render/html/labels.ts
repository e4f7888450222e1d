import { label as sharedLabel } from '../../i18n/index.js';

/** Site-only UI strings; shared ones (version, date, contents…) come from `i18n/`. */
const SITE: Record<string, Record<string, string>> = {
  en: {
    search: 'Search', searchPlaceholder: 'Search this version…', noResults: 'No results', results: 'Results',
    language: 'Language', versions: 'Versions', oldVersion: 'You are reading an older version of this SOP.',
    goLatest: 'Go to the latest version', services: 'Service map', servicesPage: 'Service map (printable page)',
    downloads: 'Downloads', pdf: 'PDF', posters: 'Posters and cards', sector: 'Sector', location: 'Location',
    all: 'All', filter: 'Filter services', service: 'Service', agency: 'Agency', contact: 'Contact', hours: 'Hours',
    ages: 'Ages', notes: 'Notes', lastVerified: 'Last verified', level: 'Level', definition: 'Definition',
    examples: 'Examples', responseTime: 'Response time', followUp: 'Follow-up', triggers: 'When to act immediately',
    actions: 'Immediate actions', contacts: 'Emergency contacts (24/7)', phone: 'Phone', signatory: 'Signatory',
    role: 'Role', endorsedVersion: 'Endorsed version', endorsementDate: 'Endorsement date',
    olderEndorsement: 'endorsed an earlier version', step: 'Step', action: 'Action', timeframe: 'Timeframe',
    keyActions: 'Key actions', timeline: 'Timeline', textVersion: 'Text version of the diagram', to: 'to',
    skip: 'Skip to content', menu: 'Contents', annexes: 'Annexes', notTranslated: 'Not yet translated: shown in the source language.',
    externalLink: 'external address', current: 'current', top: 'Back to top', printed: 'Printed from the SOP site',
    imageRemoved: 'image', draftNote: 'Draft — not yet endorsed', pack: 'PDF with all annexes',
  },
  ar: {
    search: 'بحث', searchPlaceholder: 'ابحث في هذا الإصدار…', noResults: 'لا توجد نتائج', results: 'النتائج',
    language: 'اللغة', versions: 'الإصدارات', oldVersion: 'أنت تقرأ إصدارًا سابقًا من هذه الإجراءات.',
    goLatest: 'الانتقال إلى أحدث إصدار', services: 'خريطة الخدمات', servicesPage: 'خريطة الخدمات (صفحة للطباعة)',
    downloads: 'التنزيلات', pdf: 'PDF', posters: 'الملصقات والبطاقات', sector: 'القطاع', location: 'الموقع',
    all: 'الكل', filter: 'تصفية الخدمات', service: 'الخدمة', agency: 'الجهة', contact: 'الاتصال', hours: 'ساعات العمل',
    ages: 'الأعمار', notes: 'ملاحظات', lastVerified: 'آخر تحقق', level: 'المستوى', definition: 'التعريف',
    examples: 'أمثلة', responseTime: 'وقت الاستجابة', followUp: 'المتابعة', triggers: 'متى يجب التصرف فورًا',
    actions: 'الإجراءات الفورية', contacts: 'أرقام الطوارئ (على مدار الساعة)', phone: 'الهاتف', signatory: 'الموقِّع',
    role: 'الصفة', endorsedVersion: 'الإصدار المصادق عليه', endorsementDate: 'تاريخ المصادقة',
    olderEndorsement: 'صادق على إصدار سابق', step: 'الخطوة', action: 'الإجراء', timeframe: 'الإطار الزمني',
    keyActions: 'الإجراءات الرئيسية', timeline: 'الإطار الزمني', textVersion: 'النص البديل للمخطط', to: 'إلى',
    skip: 'انتقل إلى المحتوى', menu: 'المحتويات', annexes: 'الملاحق', notTranslated: 'لم يترجم بعد: يظهر بلغة المصدر.',
    externalLink: 'عنوان خارجي', current: 'الحالي', top: 'العودة إلى الأعلى', printed: 'طبع من موقع الإجراءات',
    imageRemoved: 'صورة', draftNote: 'مسودة — لم تتم المصادقة عليها بعد', pack: 'ملف PDF مع جميع الملاحق',
  },
};

export function siteLabel(key: string, lang: string): string {
  const base = lang.split('-')[0]!;
  return SITE[base]?.[key] ?? SITE.en![key] ?? sharedLabel(key, lang);
}

const LANGUAGE_NAMES: Record<string, string> = { ar: 'العربية', en: 'English', fr: 'Français', ku: 'Kurdî', tr: 'Türkçe' };

/** A language's name in itself, for the language switcher. */
export function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang.split('-')[0]!] ?? lang;
}

const RTL_LANGS = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGS.has(lang.split('-')[0]!) ? 'rtl' : 'ltr';
}
