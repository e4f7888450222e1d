/**
 * Numbers, dates and version labels as readers of each language expect them. Used by
 * everything generated (page numbers, heading numbers, dates, running headers) in the
 * PDF, the site and the posters, so the three agree.
 */
export type DigitStyle = 'arab' | 'latn';

const ARABIC_INDIC = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

/** Default digit style of a language when sop.yaml does not say. */
export function defaultDigits(lang: string): DigitStyle {
  return lang === 'ar' || lang.startsWith('ar-') ? 'arab' : 'latn';
}

/** Replaces ASCII digits in `text` by the style's digits (and `.` between digits by `٫`). */
export function localizeDigits(text: string, style: DigitStyle): string {
  if (style === 'latn') return text;
  return text
    .replace(/(\d)\.(\d)/g, '$1٫$2')
    .replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
}

export function formatNumber(n: number, style: DigitStyle): string {
  return localizeDigits(String(n), style);
}

const MONTHS: Record<string, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** `2026-11-22` → `22 November 2026` / `٢٢ نوفمبر ٢٠٢٦`. Pure: no locale data from the machine. */
export function formatDate(iso: string, lang: string, style: DigitStyle = defaultDigits(lang)): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const months = MONTHS[lang.split('-')[0]!] ?? MONTHS.en!;
  return localizeDigits(`${Number(d)} ${months[Number(mo) - 1]} ${y}`, style);
}

const LABELS: Record<string, Record<string, string>> = {
  en: {
    version: 'Version', page: 'Page', of: 'of', annex: 'Annex', draft: 'DRAFT', contents: 'Contents',
    date: 'Date', status: 'Status', context: 'Context', agencies: 'Participating agencies',
    final: 'Final', emergency: 'Emergency', protracted: 'Protracted crisis', development: 'Development',
    endorsed: 'Endorsed', notEndorsed: 'Not yet endorsed', signature: 'Signature', latest: 'Latest version',
    // Data fields, worded once for the PDF, the site and the posters (R2: one language).
    level: 'Risk level', definition: 'Definition', examples: 'Examples', responseTime: 'Response time',
    followUp: 'Follow-up', triggers: 'When to act immediately', actions: 'Immediate actions',
    contacts: 'Emergency contacts (24/7)', sector: 'Sector', service: 'Service', agency: 'Agency',
    location: 'Location', contact: 'Contact', hours: 'Hours', phone: 'Phone', signatory: 'Signatory',
    role: 'Role', timeline: 'Timeline',
  },
  ar: {
    version: 'الإصدار', page: 'صفحة', of: 'من', annex: 'الملحق', draft: 'مسودة', contents: 'المحتويات',
    date: 'التاريخ', status: 'الحالة', context: 'السياق', agencies: 'الوكالات المشاركة',
    final: 'نهائي', emergency: 'طوارئ', protracted: 'أزمة طويلة الأمد', development: 'تنموي',
    endorsed: 'مصادق عليه', notEndorsed: 'لم يصادق بعد', signature: 'التوقيع', latest: 'أحدث إصدار',
    level: 'مستوى الخطورة', definition: 'التعريف', examples: 'أمثلة', responseTime: 'وقت الاستجابة',
    followUp: 'المتابعة', triggers: 'متى يجب التصرف فورًا', actions: 'الإجراءات الفورية',
    contacts: 'أرقام الطوارئ (على مدار الساعة)', sector: 'القطاع', service: 'الخدمة', agency: 'الجهة',
    location: 'الموقع', contact: 'الاتصال', hours: 'ساعات العمل', phone: 'الهاتف', signatory: 'الموقِّع',
    role: 'الصفة', timeline: 'الإطار الزمني',
  },
};

const LANGUAGE_NAMES: Record<string, string> = { ar: 'العربية', en: 'English', fr: 'Français', ku: 'Kurdî', tr: 'Türkçe', fa: 'فارسی' };

/** A language's name in itself, for switchers and poster stamps. */
export function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang.split('-')[0]!] ?? lang;
}

/** A UI label in `lang`, falling back to English. */
export function label(key: string, lang: string): string {
  return LABELS[lang.split('-')[0]!]?.[key] ?? LABELS.en![key] ?? key;
}

/** `Version 2.1 — 22 November 2026` / `الإصدار ٢٫١ — ٢٢ نوفمبر ٢٠٢٦`: the running-header stamp. */
export function versionStamp(version: string, isoDate: string, lang: string, style: DigitStyle = defaultDigits(lang)): string {
  return `${label('version', lang)} ${localizeDigits(version, style)} — ${formatDate(isoDate, lang, style)}`;
}

/** `Page 3 of 40` / `صفحة ٣ من ٤٠`. */
export function pageOf(page: number, total: number, lang: string, style: DigitStyle = defaultDigits(lang)): string {
  return `${label('page', lang)} ${formatNumber(page, style)} ${label('of', lang)} ${formatNumber(total, style)}`;
}
