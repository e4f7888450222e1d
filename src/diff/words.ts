import { stringify } from 'yaml';
import type { FieldChange, ItemChange } from './data-diff.js';
import type { UnitStatus } from './compare.js';

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

/** "hours changed from 72 to 48", "phone added: 0790 …", "note removed (was: …)". */
export function describeField(f: FieldChange): string {
  const name = fieldLabel(f.field);
  if (f.kind === 'added') return `${name} added: ${valueText(f.after)}`;
  if (f.kind === 'removed') return `${name} removed (was: ${valueText(f.before)})`;
  return `${name} changed from ${valueText(f.before)} to ${valueText(f.after)}`;
}

/** "services “irc-gbv-cm” changed: hours › en changed from … to …". */
export function describeItem(i: ItemChange): string {
  const name = i.item ? fieldLabel(i.item) : 'top level';
  if (i.kind === 'added') return `new: ${name}`;
  if (i.kind === 'removed') return `removed: ${name}`;
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
