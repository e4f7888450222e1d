import type { SopModel } from '../model/index.js';
import type { Comparison, UnitChange } from './compare.js';
import { diffText, countChangedWords, type TextRun } from './text-diff.js';
import { itemLabel, type FieldChange } from './data-diff.js';
import { describeField, fieldLabel, leaves, STATUS_WORDS, valueText } from './words.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

import { directionOf } from '../i18n/index.js';

/** Unchanged stretches longer than this many lines are folded to their edges. */
const CONTEXT_LINES = 2;

function foldEqual(text: string, first: boolean, last: boolean): string {
  const lines = text.split('\n');
  if (lines.length <= CONTEXT_LINES * 2 + 2) return escapeHtml(text);
  const head = first ? [] : lines.slice(0, CONTEXT_LINES + 1);
  const tail = last ? [] : lines.slice(-CONTEXT_LINES - 1);
  const hidden = lines.length - head.length - tail.length;
  return `${escapeHtml(head.join('\n'))}${head.length ? '\n' : ''}<span class="skip" lang="en" dir="ltr">⋯ ${hidden} unchanged lines ⋯</span>${tail.length ? '\n' : ''}${escapeHtml(tail.join('\n'))}`;
}

/** Redline runs as HTML: `<ins>`/`<del>` (colour plus underline/strike-through, so it survives black-and-white printing). */
export function redlineHtml(runs: readonly TextRun[], fold = true): string {
  return runs
    .map((r, i) => {
      // Trailing whitespace stays outside the mark: the underline or strike covers words only.
      if (r.op !== 'equal') {
        const core = r.text.replace(/\s+$/u, '');
        const tag = r.op === 'insert' ? 'ins' : 'del';
        // A deletion right before an insertion with no space between ("child." → "children.")
        // would print as one word — and Arabic letters would even join across the two marks.
        const next = runs[i + 1];
        const gap = core === r.text && next && next.op !== 'equal' && next.op !== r.op && !/^\s/u.test(next.text) ? ' ' : '';
        return `${core ? `<${tag}>${escapeHtml(core)}</${tag}>` : ''}${escapeHtml(r.text.slice(core.length))}${gap}`;
      }
      return fold ? foldEqual(r.text, i === 0, i === runs.length - 1) : escapeHtml(r.text);
    })
    .join('');
}

/** "N. Title" of a changed section (or an annex's title), as the HTML and PDF redlines show it. */
export function componentTitle(model: SopModel, u: UnitChange): string {
  const side = u.after ?? u.before!;
  if (u.kind === 'section') {
    const c = model.profile.components.find((x) => x.id === side.component);
    const title = side.title ?? c?.title[u.lang] ?? side.component ?? side.name;
    return c ? `${c.n}. ${title}` : title;
  }
  return side.title ?? side.name;
}

function unitHtml(model: SopModel, u: UnitChange): string {
  const w = countChangedWords(u.body);
  const where =
    u.status === 'renamed' || u.status === 'moved'
      ? `${escapeHtml(u.before!.file)} (${escapeHtml(u.before!.component ?? '')}) → ${escapeHtml(u.after!.file)} (${escapeHtml(u.after!.component ?? '')})`
      : escapeHtml((u.after ?? u.before)!.file);
  const counts = u.status === 'added' || u.status === 'removed' ? '' : ` · +${w.inserted} / −${w.deleted} words`;
  const title = u.title.some((r) => r.op !== 'equal') ? redlineHtml(u.title, false) : escapeHtml(componentTitle(model, u));
  const meta = u.meta.length ? `<ul class="meta" lang="en" dir="ltr">${u.meta.map((f) => `<li>front-matter ${escapeHtml(describeField(f))}</li>`).join('')}</ul>` : '';
  return `<article class="unit ${u.status}" id="${escapeHtml(`${u.lang}-${(u.after ?? u.before)!.file}`)}">
<h3>${title}</h3>
<p class="status" lang="en" dir="ltr"><span class="badge">${STATUS_WORDS[u.status]}</span> ${where}${counts}</p>${meta}
${u.body.some((r) => r.op !== 'equal') ? `<div class="redline">${redlineHtml(u.body)}</div>` : '<p class="same-text" lang="en" dir="ltr">The text is unchanged.</p>'}
</article>`;
}

function fieldValueHtml(f: FieldChange): string {
  if (f.kind === 'changed' && typeof f.before === 'string' && typeof f.after === 'string') {
    return `<td colspan="2" dir="auto" class="redline-inline">${redlineHtml(diffText(f.before, f.after), false)}</td>`;
  }
  return `<td dir="auto">${f.before === undefined ? '' : `<del>${escapeHtml(valueText(f.before))}</del>`}</td><td dir="auto">${f.after === undefined ? '' : `<ins>${escapeHtml(valueText(f.after))}</ins>`}</td>`;
}

function dataHtml(c: Comparison, lang: string): string {
  if (!c.data.length && !c.manifest.length && !c.pdfAnnexes.length && !c.otherFiles.length && !c.formatOnly.length) return '<section class="data"><h2>Data files and sop.yaml</h2><p>No changes.</p></section>';
  const rows = (file: string, items: Comparison['manifest']) =>
    items
      .map((i) => {
        const name = i.item ? fieldLabel(i.item) : '(top level)';
        const label = itemLabel(i.after ?? i.before, lang);
        const head = `<th scope="rowgroup" rowspan="${Math.max(1, i.fields.length)}">${escapeHtml(name)}${label && label !== i.id ? `<br><span class="label" dir="auto">${escapeHtml(label)}</span>` : ''}</th>`;
        if (i.kind !== 'changed') {
          const tag = i.kind === 'added' ? 'ins' : 'del';
          const fields = leaves(i.after ?? i.before).map(([k, v]) => `<li><span lang="en" dir="ltr">${escapeHtml(fieldLabel(k))}:</span> <${tag}><bdi>${escapeHtml(valueText(v))}</bdi></${tag}></li>`);
          const cell = `<ul class="fields">${fields.join('')}</ul>`;
          return `<tr class="${i.kind}"><td>${escapeHtml(file)}</td>${head}<td>${i.kind === 'added' ? 'new item' : 'item removed'}</td><td colspan="2" dir="auto">${cell}</td></tr>`;
        }
        return i.fields
          .map((f, k) => `<tr class="changed"><td>${k === 0 ? escapeHtml(file) : ''}</td>${k === 0 ? head : ''}<td>${escapeHtml(fieldLabel(f.field))} ${f.kind === 'changed' ? 'changed' : f.kind}</td>${fieldValueHtml(f)}</tr>`)
          .join('\n');
      })
      .join('\n');
  const body = [
    ...c.data.map((d) => (d.status === 'changed' ? rows(d.file, d.items) : `<tr class="${d.status}"><td>${escapeHtml(d.file)}</td><th>(whole file)</th><td>${d.status === 'added' ? 'new data file' : 'data file removed'}</td><td colspan="2"></td></tr>`)),
    rows('sop.yaml', c.manifest),
    ...c.pdfAnnexes.map(
      (p) => `<tr class="${p.status}"><td>${escapeHtml(p.file)}</td><th>${escapeHtml(p.pdf)}</th><td>${p.status === 'changed' ? [p.pdfChanged ? 'PDF replaced' : '', ...p.fields.map(describeField)].filter(Boolean).map(escapeHtml).join('; ') : p.status === 'added' ? 'new PDF annex' : 'PDF annex removed'}</td><td colspan="2"></td></tr>`,
    ),
    ...c.otherFiles.map((o) => `<tr class="${o.status}"><td>${escapeHtml(o.file)}</td><th></th><td>file ${o.status}</td><td colspan="2"></td></tr>`),
    ...c.formatOnly.map((f) => `<tr class="format"><td>${escapeHtml(f)}</td><th></th><td>layout, comments or bookkeeping only; the content is the same</td><td colspan="2"></td></tr>`),
  ].filter(Boolean);
  return `<section class="data"><h2>Data files and sop.yaml</h2>
<table><thead><tr><th>file</th><th>item</th><th>change</th><th>before</th><th>after</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody></table></section>`;
}

const CSS = `
:root { --ins: #0b6b1f; --ins-bg: #dcf5df; --del: #a4161a; --del-bg: #fde2e1; }
body { font-family: "Noto Sans", "Noto Naskh Arabic", system-ui, sans-serif; line-height: 1.6; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #111; }
[lang="ar"], [lang="ar"] * { font-family: "Noto Naskh Arabic", "Noto Sans", serif; }
h1 { font-size: 1.5rem; } h2 { border-bottom: 2px solid #444; margin-top: 2.5rem; } h3 { margin-bottom: .2rem; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; text-decoration-thickness: 2px; }
ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.redline { white-space: pre-wrap; overflow-wrap: anywhere; border-inline-start: 3px solid #bbb; padding-inline-start: .8rem; }
.unit.added .redline { border-color: var(--ins); } .unit.removed .redline { border-color: var(--del); }
.status { color: #444; font-size: .9rem; margin: 0 0 .5rem; }
.badge { border: 1px solid #444; border-radius: 3px; padding: 0 .3rem; font-weight: bold; }
.skip { color: #666; font-style: italic; display: inline-block; margin: .2rem 0; }
.unchanged-list { color: #444; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; } td, th { border: 1px solid #999; padding: .3rem .4rem; vertical-align: top; text-align: start; }
.label { font-weight: normal; }
.fields { margin: 0; padding-inline-start: 1.1rem; } .same-text { color: #444; font-style: italic; }
.legend { border: 1px solid #999; padding: .4rem .6rem; display: inline-block; }
@media print { body { margin: 0; max-width: none; } .unit { break-inside: auto; } h2, h3 { break-after: avoid; } }
`;

function langName(lang: string): string {
  return { ar: 'العربية', en: 'English', fr: 'Français' }[lang] ?? lang;
}

/**
 * The redline as one self-contained HTML page (inline CSS, no scripts, no external
 * files): per language a block with its own `lang` and `dir`, every changed section and
 * annex as a word-level redline, then the data-file, sop.yaml and PDF changes. Pure and
 * deterministic: the same comparison gives the same bytes.
 */
export function renderRedlineHtml(c: Comparison, model: SopModel, dates: { from?: string; to?: string } = {}): string {
  const src = model.manifest.languages[0] ?? 'en';
  const title = model.manifest.short_title?.[src] ?? model.manifest.title[src] ?? '';
  const vs = (label: string, date?: string) => (label === 'draft' ? 'the draft' : `version ${label}`) + (date ? ` (${date})` : '');
  const langs = c.languages.map((lang) => {
    const units = c.units.filter((u) => u.lang === lang);
    const changed = units.filter((u) => u.status !== 'unchanged');
    const same = units.filter((u) => u.status === 'unchanged');
    return `<section class="lang" lang="${escapeHtml(lang)}" dir="${directionOf(lang)}">
<h2>${escapeHtml(langName(lang))} <span lang="en" dir="ltr">(${escapeHtml(lang)}): ${changed.length} changed</span></h2>
${changed.map((u) => unitHtml(model, u)).join('\n')}
${same.length ? `<p class="unchanged-list"><span lang="en" dir="ltr">Unchanged:</span> ${same.map((u) => escapeHtml(componentTitle(model, u))).join(' · ')}</p>` : ''}
</section>`;
  });
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Redline ${escapeHtml(c.from)} → ${escapeHtml(c.to)} — ${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Redline: ${escapeHtml(vs(c.from, dates.from))} → ${escapeHtml(vs(c.to, dates.to))}</h1>
<p lang="${escapeHtml(src)}" dir="${directionOf(src)}">${escapeHtml(title)}</p>
<p class="legend"><ins>inserted words</ins> are underlined, <del>deleted words</del> are struck through, so the changes stay visible on a black-and-white print.</p>
</header>
<main>
${langs.join('\n')}
${dataHtml(c, src)}
</main>
</body>
</html>
`;
}
