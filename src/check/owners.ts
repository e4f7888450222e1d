import type { Diagnostic } from '../diag/index.js';
import type { SopModel } from '../model/index.js';
import { compareText } from '../order.js';

export interface OwnerRow {
  owner: string;
  agency: string;
  file: string;
  component: string;
  status: string;
}

/** R12: each section with its owner and its state (from this run's diagnostics). */
export function ownerRows(model: SopModel, diagnostics: readonly Diagnostic[]): OwnerRow[] {
  const rows = model.sections.map((s) => {
    const agency = model.manifest.agencies.find((a) => a.id === s.owner);
    const comp = model.profile.components.find((c) => c.id === s.component);
    const mine = diagnostics.filter((d) => d.file === s.file && d.severity !== 'info');
    const problems = [...new Set(mine.map((d) => d.rule))];
    const status = problems.length === 0 ? 'ok' : problems.map((r) => STATUS_WORDS[r] ?? r).join(', ');
    return {
      owner: s.owner ?? '(none)',
      agency: agency ? (agency.name.en ?? Object.values(agency.name)[0] ?? agency.id) : s.owner ? '(unknown agency)' : '',
      file: s.file,
      component: comp ? `${comp.n} ${comp.id}` : (s.component ?? '?'),
      status,
    };
  });
  return rows.sort((a, b) => (a.owner === '(none)' ? 1 : 0) - (b.owner === '(none)' ? 1 : 0) || compareText(a.owner, b.owner) || compareText(a.file, b.file));
}

const STATUS_WORDS: Record<string, string> = {
  'component-placeholder': 'to write (placeholder)',
  'component-empty': 'empty',
  'translation-stale': 'translation stale',
  'translation-not-synced': 'translation not synced',
  'translation-missing': 'translation missing',
};

/** The rows as a plain-text table (fixed-width columns; Arabic names are left as they are). */
export function formatOwnerTable(rows: readonly OwnerRow[]): string {
  const head: OwnerRow = { owner: 'owner', agency: 'agency', file: 'section', component: 'component', status: 'status' };
  const cols: (keyof OwnerRow)[] = ['owner', 'agency', 'file', 'component', 'status'];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))])) as Record<keyof OwnerRow, number>;
  const line = (r: OwnerRow) => cols.map((c, i) => (i === cols.length - 1 ? r[c] : r[c].padEnd(width[c]))).join('  ');
  return [line(head), cols.map((c, i) => '-'.repeat(i === cols.length - 1 ? head[c].length : width[c])).join('  '), ...rows.map(line)].join('\n') + '\n';
}
