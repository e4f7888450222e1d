import { stringify } from '../vendor/yaml.js';
import type { FieldChange, ItemChange } from './data-diff.js';
import type { UnitStatus } from './compare.js';
import { itemLabel } from './data-diff.js';
import { diffText } from './text-diff.js';

/**
 * A data path in words for people who do not read code: `response_time.hours` →
 * `response time › hours`, `key_actions#2.ar` → `key actions › item 2 › ar`,
 * `flow.nodes[start]` → `flow › nodes › "start"`.
 */
export function fieldLabel(path: string): string {
  if (!path) return '(whole file)';
  return path
    .replace(/\[([^\]]+)\]/g, '.“$1”')
    .replace(/#(\d+)/g, '.item $1')
    .split('.')
    .filter(Boolean)
    .map((s) => s.replace(/_/g, ' '))
    .join(' › ');
}

/** A YAML value on one line (strings as they are). */
export function valueText(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return stringify(v, { lineWidth: 0, collectionStyle: 'flow' }).trim();
}

/** Leaf values of a YAML value with their paths, e.g. `name › en: Clinic`. */
export function leaves(v: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}#${i + 1}`));
  if (v && typeof v === 'object') return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [[path, v]];
}

/** Strings longer than this are described by their changed words, not quoted whole. */
const LONG = 60;

/**
 * "hours changed from 72 to 48", "phone added: 0790 …", "note removed (was: …)"; a
 * long text change is told by its words: `text › en changed: “24” → “12”`.
 */
export function describeField(f: FieldChange): string {
  const name = fieldLabel(f.field);
  if (f.kind === 'added') return `${name} added: ${valueText(f.after)}`;
  if (f.kind === 'removed') return `${name} removed (was: ${valueText(f.before)})`;
  if (typeof f.before === 'string' && typeof f.after === 'string' && Math.max(f.before.length, f.after.length) > LONG) {
    const runs = diffText(f.before, f.after);
    const parts: string[] = [];
    for (let i = 0; i < runs.length; i++) {
      const r = runs[i]!;
      if (r.op === 'delete' && runs[i + 1]?.op === 'insert') {
        parts.push(`“${r.text.trim()}” → “${runs[i + 1]!.text.trim()}”`);
        i++;
      } else if (r.op === 'delete') parts.push(`deleted “${r.text.trim()}”`);
      else if (r.op === 'insert') parts.push(`inserted “${r.text.trim()}”`);
    }
    return `${name} changed: ${parts.join(', ')}`;
  }
  return `${name} changed from ${valueText(f.before)} to ${valueText(f.after)}`;
}

/** "services “irc-gbv-cm” changed: hours › en changed from … to …". */
export function describeItem(i: ItemChange, lang = 'en'): string {
  const name = i.item ? fieldLabel(i.item) : 'top level';
  const label = itemLabel(i.after ?? i.before, lang);
  const named = label && label !== i.id ? `${name} (${label})` : name;
  if (i.kind === 'added') return `new: ${named}`;
  if (i.kind === 'removed') return `removed: ${named}`;
  return `${name}: ${i.fields.map(describeField).join('; ')}`;
}

export const STATUS_WORDS: Record<UnitStatus, string> = {
  unchanged: 'unchanged',
  changed: 'changed',
  added: 'new',
  removed: 'removed',
  renamed: 'file renamed',
  moved: 'moved to another component',
};
