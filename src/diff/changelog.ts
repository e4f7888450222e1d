import type { SopModel } from '../model/index.js';
import type { Comparison, UnitChange } from './compare.js';
import { countChangedWords } from './text-diff.js';
import { describeField, describeItem, STATUS_WORDS } from './words.js';

function unitLine(model: SopModel, u: UnitChange): string {
  const side = u.after ?? u.before!;
  const c = u.kind === 'section' ? model.profile.components.find((x) => x.id === side.component) : undefined;
  const name = c ? `${c.n}. ${c.title.en ?? c.id} (\`${c.id}\`)` : `\`${side.component ?? side.name}\``;
  const w = countChangedWords(u.body);
  const extra: string[] = [];
  if (u.status === 'renamed') extra.push(`${u.before!.file} → ${u.after!.file}`);
  if (u.status === 'moved') extra.push(`from \`${u.before!.component ?? u.before!.name}\` (${u.before!.file})`);
  if (u.status !== 'added' && u.status !== 'removed' && (w.inserted || w.deleted)) extra.push(`+${w.inserted} / −${w.deleted} words`);
  if (u.title.some((r) => r.op !== 'equal') && u.before && u.after) extra.push('title changed');
  for (const f of u.meta) extra.push(`front-matter ${describeField(f)}`);
  return `- ${name}: ${STATUS_WORDS[u.status]}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/**
 * The changelog of version `c.to` against `c.from` in Markdown: which components
 * changed per language, which data items, what else. Pure and deterministic.
 */
export function renderChangelog(c: Comparison, model: SopModel, dates: { from?: string; to?: string } = {}): string {
  // Item names in English when the SOP has it (the changelog's language), else the source language.
  const lang = model.manifest.languages.includes('en') ? 'en' : (model.manifest.languages[0] ?? 'en');
  const name = (v: string, d?: string) => (v === 'draft' ? 'the draft' : `version ${v}`) + (d ? ` (${d})` : '');
  const out: string[] = [`# Changelog — ${name(c.to, dates.to)}`, '', `Compared with ${name(c.from, dates.from)}. Made by \`sopkit diff ${c.from} ${c.to}\`; the redline is in diff-${c.from}-${c.to}.html.`, ''];
  for (const [heading, kind] of [['Sections', 'section'], ['Annexes', 'annex']] as const) {
    const units = c.units.filter((u) => u.kind === kind && u.status !== 'unchanged');
    const pdfs = kind === 'annex' ? c.pdfAnnexes : [];
    out.push(`## ${heading}`, '');
    if (!units.length && !pdfs.length) out.push('No changes.', '');
    for (const lang of c.languages) {
      const mine = units.filter((u) => u.lang === lang);
      if (!mine.length) continue;
      out.push(`### ${lang}`, '', ...mine.map((u) => unitLine(model, u)), '');
    }
    if (pdfs.length) {
      out.push('### PDF annexes', '');
      for (const p of pdfs) out.push(`- \`${p.pdf}\`: ${p.status === 'changed' ? [p.pdfChanged ? 'PDF replaced' : '', ...p.fields.map(describeField)].filter(Boolean).join('; ') : p.status === 'added' ? 'new' : 'removed'}`);
      out.push('');
    }
  }
  out.push('## Data files', '');
  if (!c.data.length) out.push('No changes.', '');
  for (const d of c.data) {
    if (d.status !== 'changed') {
      out.push(`- \`${d.file}\`: ${d.status === 'added' ? 'new data file' : 'data file removed'}`);
      continue;
    }
    out.push(`- \`${d.file}\`:`);
    for (const i of d.items) out.push(`  - ${describeItem(i, lang)}`);
  }
  out.push('');
  if (c.manifest.length) {
    out.push('## sop.yaml', '');
    for (const i of c.manifest) out.push(`- ${describeItem(i, lang)}`);
    out.push('');
  }
  if (c.otherFiles.length) {
    out.push('## Other files', '');
    for (const o of c.otherFiles) out.push(`- \`${o.file}\`: ${o.status}`);
    out.push('');
  }
  if (c.formatOnly.length) {
    out.push('## Layout only', '', 'These files differ in spacing, comments or bookkeeping only; their content is the same:', '');
    for (const f of c.formatOnly) out.push(`- \`${f}\``);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
