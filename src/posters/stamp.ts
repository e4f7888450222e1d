/**
 * The stamp every poster and card carries (R3): SOP title, version and date from the
 * shared `pageHeader`, plus the language of the sheet, so a photocopy found on a wall
 * can be traced to its SOP version.
 */
import { languageName, pageHeader } from '../i18n/index.js';
import type { Manifest } from '../model/types.js';

/** The stamp as one line of text: `title — Version 2.1 — 22 November 2026 — English`. */
export function stampText(manifest: Manifest, lang: string): string {
  const h = pageHeader(manifest, lang);
  return `${h.title} — ${h.stamp} — ${languageName(lang)}`;
}
