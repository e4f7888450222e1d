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

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes text for a CSS string literal (the `@page` header). */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r<>]/g, ' ')}"`;
}
