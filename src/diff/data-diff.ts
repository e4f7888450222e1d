import { diffArrays } from '../vendor/diff.js';

/** One field of an item that differs between two versions. */
export interface FieldChange {
  /** Path inside the item, e.g. `response_time.hours`, `hours.en`, `key_actions#2.ar`. */
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/**
 * One item of a data file that differs: an element of a list, matched by its `id` when
 * the list's elements have ids (`services[irc-gbv-cm]`), else by position (`triggers#3`,
 * 1-based); `item` is '' for keys at the file's top level outside any list.
 */
export interface ItemChange {
  item: string;
  /** The element's `id`, when it has one. */
  id?: string;
  kind: 'added' | 'removed' | 'changed';
  /** Field changes of a changed item (empty for added/removed). */
  fields: FieldChange[];
  before?: unknown;
  after?: unknown;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of YAML values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function keyOrder(a: Obj, b: Obj): string[] {
  const keys = Object.keys(b);
  for (const k of Object.keys(a)) if (!(k in b)) keys.push(k);
  return keys;
}

function isKeyed(list: unknown[]): boolean {
  return list.length > 0 && list.every((x) => isObj(x) && typeof x.id === 'string');
}

type Pair = { label: string; id?: string; before?: unknown; after?: unknown };

/**
 * Pairs the elements of two lists: by `id` when both lists have ids, else by a
 * sequence diff (a deleted run next to an inserted run pairs up position by position,
 * so an edited element reads as "changed", not "removed + added").
 */
function pairElements(path: string, a: unknown[], b: unknown[]): Pair[] {
  if ((isKeyed(a) || a.length === 0) && (isKeyed(b) || b.length === 0) && (a.length || b.length)) {
    const before = new Map(a.map((x) => [(x as Obj).id as string, x]));
    const after = new Map(b.map((x) => [(x as Obj).id as string, x]));
    const pairs: Pair[] = [];
    for (const [id, x] of after) pairs.push({ label: `${path}[${id}]`, id, before: before.get(id), after: x });
    for (const [id, x] of before) if (!after.has(id)) pairs.push({ label: `${path}[${id}]`, id, before: x });
    return pairs;
  }
  const pairs: Pair[] = [];
  let ia = 0;
  let ib = 0;
  const changes = diffArrays(a, b, { comparator: deepEqual });
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const n = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      for (let k = 0; k < n; k++) pairs.push({ label: `${path}#${ib + k + 1}`, before: a[ia + k], after: b[ib + k] });
      ia += n;
      ib += n;
    } else if (c.removed) {
      const next = changes[i + 1];
      const m = next?.added ? (next.count ?? next.value.length) : 0;
      const both = Math.min(n, m);
      for (let k = 0; k < both; k++) pairs.push({ label: `${path}#${ib + k + 1}`, before: a[ia + k], after: b[ib + k] });
      for (let k = both; k < n; k++) pairs.push({ label: `${path}#${ia + k + 1}`, before: a[ia + k] });
      for (let k = both; k < m; k++) pairs.push({ label: `${path}#${ib + k + 1}`, after: b[ib + k] });
      ia += n;
      ib += m;
      if (m) i++;
    } else {
      for (let k = 0; k < n; k++) pairs.push({ label: `${path}#${ib + k + 1}`, after: b[ib + k] });
      ib += n;
    }
  }
  return pairs;
}

/** Field changes between two values of one item, recursing into objects and lists. */
export function diffFields(a: unknown, b: unknown, path = ''): FieldChange[] {
  if (deepEqual(a, b)) return [];
  if (a === undefined) return [{ field: path, kind: 'added', after: b }];
  if (b === undefined) return [{ field: path, kind: 'removed', before: a }];
  if (isObj(a) && isObj(b)) {
    return keyOrder(a, b).flatMap((k) => diffFields(a[k], b[k], join(path, k)));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return pairElements(path, a, b).flatMap((p) => diffFields(p.before, p.after, p.label));
  }
  return [{ field: path, kind: 'changed', before: a, after: b }];
}

/**
 * Item-level changes between two versions of a data file (or of sop.yaml). Every list
 * element is an item; keys outside lists are grouped in one item with `item: ''`.
 * Keys listed in `ignore` (top-level only) are skipped, e.g. `version` in sop.yaml.
 */
export function diffData(a: unknown, b: unknown, ignore: readonly string[] = []): ItemChange[] {
  const items: ItemChange[] = [];
  const top: FieldChange[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (deepEqual(x, y)) return;
    if (isObj(x) && isObj(y)) {
      for (const k of keyOrder(x, y)) if (!(path === '' && ignore.includes(k))) walk(x[k], y[k], join(path, k));
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      for (const p of pairElements(path, x, y)) {
        const base = { item: p.label, ...(p.id ? { id: p.id } : {}) };
        if (p.before === undefined) items.push({ ...base, kind: 'added', fields: [], after: p.after });
        else if (p.after === undefined) items.push({ ...base, kind: 'removed', fields: [], before: p.before });
        else {
          const fields = diffFields(p.before, p.after);
          if (fields.length) items.push({ ...base, kind: 'changed', fields, before: p.before, after: p.after });
        }
      }
      return;
    }
    top.push(...diffFields(x, y, path));
  };
  walk(a, b, '');
  if (top.length) items.unshift({ item: '', kind: 'changed', fields: top });
  return items;
}

/** Display name of a data item in a language: its name, label, title or concern, else its id. */
export function itemLabel(value: unknown, lang: string): string | undefined {
  if (!isObj(value)) return undefined;
  for (const key of ['name', 'label', 'title', 'concern', 'text']) {
    const v = value[key];
    if (typeof v === 'string') return v;
    if (isObj(v) && typeof v[lang] === 'string') return v[lang] as string;
  }
  return typeof value.id === 'string' ? value.id : undefined;
}
