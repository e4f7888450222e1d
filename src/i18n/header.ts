import type { Manifest } from '../model/types.js';
import { digitsFor, localizeDigits } from './digits.js';
import { formatDate, versionStamp } from './format.js';
import { label } from './labels.js';

/** The title used in running headers: `short_title` when given, else `title`. */
export function headerTitle(manifest: Pick<Manifest, 'title' | 'short_title' | 'languages'>, lang: string): string {
  return manifest.short_title?.[lang] ?? manifest.title[lang] ?? manifest.title[manifest.languages[0]!] ?? '';
}

/**
 * What every page must carry (R3, R4): the title and the version stamp; for an annex,
 * "Annex N — <title> vX.Y — <date>". Written by the PDF engine and posters, read back
 * by `verify`, so both sides use this one function.
 */
export function pageHeader(manifest: Manifest, lang: string, annex?: number): { title: string; stamp: string } {
  const style = digitsFor(manifest, lang);
  const title = headerTitle(manifest, lang);
  if (annex === undefined) return { title, stamp: versionStamp(manifest.version, manifest.date, lang, style) };
  const n = localizeDigits(String(annex), style);
  const v = localizeDigits(manifest.version, style);
  return { title: `${label('annex', lang)} ${n} — ${title} v${v}`, stamp: formatDate(manifest.date, lang, style) };
}
