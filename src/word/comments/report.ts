/**
 * Mapped review items as `check`-style diagnostics (so the pretty, JSON, GitHub… reporters
 * of src/diag print them) and as a consultation report in Markdown, grouped by component
 * and by reviewer (in an inter-agency consultation, the comment author is the agency).
 */
import { diagnostic, type Diagnostic } from '../../diag/index.js';
import type { RuleInfo } from '../../diag/reporters/types.js';
import type { MappedItem } from './map.js';
import { compareText } from '../../order.js';

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
const UNPLACED = 'Not found in the sources';
const reviewer = (i: MappedItem) => i.author || 'unknown reviewer';

/** The report's content, once for both formats: items by component (rows by reviewer) and the totals by reviewer. */
interface ReportModel {
  comments: number;
  changes: number;
  authors: string[];
  /** Per reviewer (the agency): comments, insertions, deletions, and the components they touched. */
  byAuthor: Array<{ author: string; comment: number; insertion: number; deletion: number; groups: string[] }>;
  byGroup: Array<{ group: string; items: MappedItem[] }>;
}

function reportModel(items: readonly MappedItem[]): ReportModel {
  const groups = new Map<string, MappedItem[]>();
  for (const i of items) {
    const g = i.group || UNPLACED;
    groups.set(g, [...(groups.get(g) ?? []), i]);
  }
  const authors = [...new Set(items.map(reviewer))].sort();
  return {
    comments: items.filter((i) => i.kind === 'comment').length,
    changes: items.filter((i) => i.kind !== 'comment').length,
    authors,
    byAuthor: authors.map((author) => {
      const own = items.filter((i) => reviewer(i) === author);
      const count = (k: MappedItem['kind']) => own.filter((i) => i.kind === k).length;
      return { author, comment: count('comment'), insertion: count('insertion'), deletion: count('deletion'), groups: [...new Set(own.map((i) => i.group || UNPLACED))] };
    }),
    byGroup: [...groups].map(([group, list]) => ({
      group,
      items: [...list].sort((a, b) => compareText(reviewer(a), reviewer(b)) || compareText(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0)),
    })),
  };
}

function summary(m: ReportModel, docxName: string): string {
  return `From ${docxName}: ${m.comments} comments, ${m.changes} tracked changes, from ${m.authors.length} reviewer${m.authors.length === 1 ? '' : 's'} (${m.authors.join(', ')}).`;
}

/**
 * The consultation report in Markdown: who said how much on what (one row per reviewer,
 * the agency in an inter-agency consultation), then one table per component (and annex),
 * rows grouped by reviewer, with a blank "Decision" column to fill in.
 */
export function consultationReport(items: readonly MappedItem[], title: string, docxName: string): string {
  const m = reportModel(items);
  const out = [
    `# Consultation report: ${title}`,
    '',
    summary(m, `\`${docxName}\``),
    '',
    '## By reviewer',
    '',
    '| Reviewer | Comments | Insertions | Deletions | On |',
    '|---|---|---|---|---|',
    ...m.byAuthor.map((a) => `| ${cell(a.author)} | ${a.comment} | ${a.insertion} | ${a.deletion} | ${cell(a.groups.join('; '))} |`),
    '',
  ];
  for (const { group, items: list } of m.byGroup) {
    out.push(`## ${group}`, '', '| Reviewer | Kind | Where | Text | On | Decision |', '|---|---|---|---|---|---|');
    for (const i of list) {
      out.push(`| ${cell(reviewer(i))} | ${i.kind} | ${i.file ? `${i.file}:${i.line}` : '—'} | ${cell(i.text)} | ${cell(short(i.quoted ?? '', 60))} | |`);
    }
    out.push('');
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A table cell of text that may be Arabic or English: the browser sets its direction from its first strong letter. */
const td = (s: string) => `<td dir="auto">${esc(oneLine(s))}</td>`;

/**
 * The same report as one HTML page (no script, no outside file: it can be mailed round or
 * printed): the table by reviewer, then one table per component with an empty "Decision"
 * column; each group of a reviewer's rows starts with the reviewer's name.
 */
export function consultationReportHtml(items: readonly MappedItem[], title: string, docxName: string): string {
  const m = reportModel(items);
  const out = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(`Consultation report: ${title}`)}</title>`,
    '<style>body{font-family:"Noto Sans","Noto Naskh Arabic",sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:start;vertical-align:top}th{background:#eee}td.decision{min-width:10rem}</style>',
    '</head>',
    '<body>',
    `<h1 dir="auto">${esc(`Consultation report: ${title}`)}</h1>`,
    `<p>${esc(summary(m, docxName))}</p>`,
    '<h2>By reviewer</h2>',
    '<table><thead><tr><th>Reviewer</th><th>Comments</th><th>Insertions</th><th>Deletions</th><th>On</th></tr></thead><tbody>',
    ...m.byAuthor.map((a) => `<tr>${td(a.author)}<td>${a.comment}</td><td>${a.insertion}</td><td>${a.deletion}</td>${td(a.groups.join('; '))}</tr>`),
    '</tbody></table>',
  ];
  for (const { group, items: list } of m.byGroup) {
    out.push(`<h2 dir="auto">${esc(group)}</h2>`, '<table><thead><tr><th>Reviewer</th><th>Kind</th><th>Where</th><th>Text</th><th>On</th><th>Decision</th></tr></thead><tbody>');
    for (const i of list) {
      out.push(`<tr>${td(reviewer(i))}<td>${i.kind}</td><td><code>${esc(i.file ? `${i.file}:${i.line}` : '—')}</code></td>${td(i.text)}${td(short(i.quoted ?? '', 60))}<td class="decision"></td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
