/**
 * Mapped review items as `check`-style diagnostics (so the pretty, JSON, GitHub… reporters
 * of src/diag print them) and as a consultation report in Markdown, grouped by component
 * and by reviewer (in an inter-agency consultation, the comment author is the agency).
 */
import { diagnostic, type Diagnostic } from '../../diag/index.js';
import type { RuleInfo } from '../../diag/reporters/types.js';
import type { MappedItem } from './map.js';

export const REVIEW_RULES: readonly RuleInfo[] = [
  { id: 'review-comment', severity: 'info', description: 'a reviewer\'s comment in the returned .docx', help: 'Answer it in the source file, then mark it resolved in the consultation report.' },
  { id: 'review-insertion', severity: 'info', description: 'text a reviewer inserted with track changes on', help: 'Copy the insertion into the source file if it is accepted.' },
  { id: 'review-deletion', severity: 'info', description: 'text a reviewer deleted with track changes on', help: 'Remove the text from the source file if the deletion is accepted.' },
];

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const short = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function what(i: MappedItem): string {
  const who = `${i.author || 'unknown reviewer'}${i.date ? ` (${i.date.slice(0, 10)})` : ''}`;
  if (i.kind === 'comment') return `${who} commented${i.quoted ? ` on "${short(oneLine(i.quoted), 60)}"` : ''}: ${oneLine(i.text)}`;
  return `${who} ${i.kind === 'insertion' ? 'inserted' : 'deleted'} "${oneLine(i.text)}"`;
}

export function reviewDiagnostics(items: readonly MappedItem[], docxName: string): Diagnostic[] {
  return items.map((i) => diagnostic(
    `review-${i.kind}`,
    'info',
    what(i),
    i.file ? { file: i.file, line: i.line, column: 1 } : undefined,
    i.by === 'text' ? 'found by its words (the bookmark sopkit wrote there is gone): check the line' : i.by === 'none' ? `not found in the sources; look for it in ${docxName}` : undefined,
  ));
}

const cell = (s: string) => oneLine(s).replace(/\|/g, '\\|');

/** The consultation report: one table per component, rows grouped by reviewer. */
export function consultationReport(items: readonly MappedItem[], title: string, docxName: string): string {
  const groups = new Map<string, MappedItem[]>();
  for (const i of items) {
    const g = i.group || 'Not found in the sources';
    groups.set(g, [...(groups.get(g) ?? []), i]);
  }
  const authors = [...new Set(items.map((i) => i.author || 'unknown reviewer'))].sort();
  const out = [
    `# Consultation report: ${title}`,
    '',
    `From \`${docxName}\`: ${items.filter((i) => i.kind === 'comment').length} comments, ${items.filter((i) => i.kind !== 'comment').length} tracked changes, from ${authors.length} reviewer${authors.length === 1 ? '' : 's'} (${authors.join(', ')}).`,
    '',
  ];
  for (const [g, list] of groups) {
    out.push(`## ${g}`, '', '| Reviewer | Kind | Where | Text | On | Decision |', '|---|---|---|---|---|---|');
    const sorted = [...list].sort((a, b) => (a.author || '').localeCompare(b.author || '') || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
    for (const i of sorted) {
      out.push(`| ${cell(i.author || 'unknown reviewer')} | ${i.kind} | ${i.file ? `${i.file}:${i.line}` : '—'} | ${cell(i.text)} | ${cell(short(i.quoted ?? '', 60))} | |`);
    }
    out.push('');
  }
  return out.join('\n');
}
