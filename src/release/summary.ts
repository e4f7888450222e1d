import { changedUnits, unitId, type Comparison } from '../diff/compare.js';
import type { FrozenFileEntry, ReleaseChanges, UnitListChanges } from '../store/index.js';

function emptyList(): UnitListChanges {
  return { added: [], removed: [], changed: [], renamed: [], moved: [] };
}

/**
 * The change summary stored in release.json, derived from a comparison with the
 * previous release (or from an empty one for the first release) and from the file
 * hashes of both.
 */
export function summarizeChanges(c: Comparison, before: readonly FrozenFileEntry[], after: readonly FrozenFileEntry[]): ReleaseChanges {
  const components: Record<string, UnitListChanges> = {};
  const annexes: Record<string, UnitListChanges> = {};
  for (const u of changedUnits(c)) {
    const bucket = u.kind === 'section' ? components : annexes;
    const list = (bucket[u.lang] ??= emptyList());
    const id = unitId(u);
    if (u.status === 'added') list.added.push(id);
    else if (u.status === 'removed') list.removed.push(id);
    else if (u.status === 'changed') list.changed.push(id);
    else if (u.status === 'renamed') list.renamed.push({ component: id, from: u.before!.file, to: u.after!.file });
    else if (u.status === 'moved') list.moved.push({ from: u.before!.component ?? u.before!.name, to: u.after!.component ?? u.after!.name, file: u.after!.file });
  }
  for (const p of c.pdfAnnexes) {
    const list = (annexes.pdf ??= emptyList());
    list[p.status].push(p.pdf);
  }
  const data: ReleaseChanges['data'] = { added: [], removed: [], changed: [] };
  for (const d of c.data) {
    if (d.status === 'added') data.added.push(d.name);
    else if (d.status === 'removed') data.removed.push(d.name);
    else data.changed.push({ file: d.name, items: d.items.map((i) => i.item || '(top level)') });
  }
  const manifest = c.manifest.map((i) => i.item || i.fields.map((f) => f.field).join(', '));
  const b = new Map(before.map((f) => [f.path, f.sha256]));
  const a = new Map(after.map((f) => [f.path, f.sha256]));
  const files: ReleaseChanges['files'] = { added: [], removed: [], changed: [] };
  for (const [p, h] of a) {
    if (!b.has(p)) files.added.push(p);
    else if (b.get(p) !== h) files.changed.push(p);
  }
  for (const p of b.keys()) if (!a.has(p)) files.removed.push(p);
  return { components, annexes, data, manifest, files };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** One line for the log and the terminal, e.g. "sections changed: ar prioritisation; en eligibility; data changed: prioritisation (levels[medium])". */
export function summaryLine(ch: ReleaseChanges, previous: string | null): string {
  if (!previous) {
    const n = Object.values(ch.components).reduce((s, l) => s + l.added.length, 0);
    return `first release: ${plural(n, 'section file')} in ${plural(Object.keys(ch.components).length, 'language')}, ${plural(ch.data.added.length, 'data file')}`;
  }
  const parts: string[] = [];
  for (const [what, bucket] of [['sections', ch.components], ['annexes', ch.annexes]] as const) {
    for (const kind of ['changed', 'added', 'removed'] as const) {
      const langs = Object.entries(bucket).filter(([, l]) => l[kind].length);
      if (langs.length) parts.push(`${what} ${kind}: ${langs.map(([lang, l]) => `${lang} ${l[kind].join(', ')}`).join('; ')}`);
    }
    const renamed = Object.entries(bucket).flatMap(([lang, l]) => l.renamed.map((r) => `${lang} ${r.from} → ${r.to}`));
    if (renamed.length) parts.push(`${what} renamed: ${renamed.join('; ')}`);
    const moved = Object.entries(bucket).flatMap(([lang, l]) => l.moved.map((m) => `${lang} ${m.from} → ${m.to}`));
    if (moved.length) parts.push(`${what} moved: ${moved.join('; ')}`);
  }
  if (ch.data.changed.length) parts.push(`data changed: ${ch.data.changed.map((d) => `${d.file} (${d.items.join(', ')})`).join('; ')}`);
  if (ch.data.added.length) parts.push(`data added: ${ch.data.added.join(', ')}`);
  if (ch.data.removed.length) parts.push(`data removed: ${ch.data.removed.join(', ')}`);
  if (ch.manifest.length) parts.push(`sop.yaml changed: ${ch.manifest.join(', ')}`);
  return parts.length ? parts.join(' | ') : `no changes since ${previous} other than version and date`;
}
