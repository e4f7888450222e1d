import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** `templates/site/` of the sopkit package (src/site and lib/site are both two levels down). */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/site/', import.meta.url));

const cache = new Map<string, string>();

export function readTemplate(name: string): string {
  let t = cache.get(name);
  if (t === undefined) {
    t = readFileSync(path.join(TEMPLATE_DIR, name), 'utf8');
    cache.set(name, t);
  }
  return t;
}

/** Fills `{{name}}` slots with already-escaped HTML. An unknown slot is a bug, not empty text. */
export function fillTemplate(template: string, slots: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = slots[k];
    if (v === undefined) throw new Error(`template slot {{${k}}} has no value`);
    return v;
  });
}

/**
 * `fillTemplate`, also telling where the value of each slot in `track` landed in the text
 * ([start, end) in UTF-16 code units). The site cache keeps a release's page and swaps
 * only those spans (the version switcher and banner) when the version list changes.
 */
export function fillTemplateMapped(template: string, slots: Record<string, string>, track: readonly string[]): { text: string; spans: Record<string, [number, number]> } {
  const spans: Record<string, [number, number]> = {};
  let text = '';
  let last = 0;
  for (const m of template.matchAll(/\{\{(\w+)\}\}/g)) {
    const k = m[1]!;
    const v = slots[k];
    if (v === undefined) throw new Error(`template slot {{${k}}} has no value`);
    text += template.slice(last, m.index);
    if (track.includes(k)) {
      if (spans[k]) throw new Error(`template slot {{${k}}} is used twice and cannot be tracked`);
      spans[k] = [text.length, text.length + v.length];
    }
    text += v;
    last = m.index + m[0].length;
  }
  return { text: text + template.slice(last), spans };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes text for a CSS string literal (the `@page` header). */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r<>]/g, ' ')}"`;
}
