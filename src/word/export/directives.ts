/**
 * The data directives (`::criteria`, `::flowchart`, `::matrix`…) of a section as plain
 * blocks for Word: lists and tables of the same data the PDF and site draw. A flowchart
 * is given as its text version (each arrow as one line, each case step with its actions),
 * below its picture (./figures.ts): what a screen reader, a search and a reviewer's
 * comment on a step find.
 */
import type { RealizedDirective } from '../../document/index.js';
import { label, localized } from '../../i18n/index.js';
import type { SopModel } from '../../model/types.js';

export type PlainItem = string | { text: string; sub: string[] };
export type PlainBlock =
  | { kind: 'para'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'list'; ordered: boolean; items: PlainItem[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** "Text version" in the document's language, for the diagram's caption. */
const TEXT_VERSION: Record<string, string> = { en: 'text version', ar: 'نص بديل' };
const IN_PDF: Record<string, string> = { en: 'shown in the PDF and on the site', ar: 'معروض في ملف PDF وعلى الموقع' };

function word(table: Record<string, string>, lang: string): string {
  return table[lang.split('-')[0]!] ?? table.en!;
}

/** The blocks that stand for directive `d` in language `lang` (a note when its data is missing). */
export function directiveBlocks(model: SopModel, d: RealizedDirective, lang: string): PlainBlock[] {
  const L = (v: unknown) => localized(v, lang);
  const missing = (file: string): PlainBlock[] => [{ kind: 'para', text: `[${file}]`, italic: true }];
  switch (d.kind) {
    case 'criteria': {
      const v = d.shown.file?.value;
      return v ? [{ kind: 'list', ordered: true, items: v.criteria.map((c) => L(c.text)) }] : missing('data/eligibility.yaml');
    }
    case 'flowchart': {
      if (d.shown.name === 'case-steps') {
        const v = (d.shown.file?.value as { title?: unknown; steps: Array<{ title: unknown; timeline?: unknown; key_actions: unknown[] }> } | undefined);
        if (!v) return missing('data/case-steps.yaml');
        return [
          { kind: 'para', text: `${L(v.title) || label('keyActions', lang)} (${word(TEXT_VERSION, lang)})`, bold: true },
          { kind: 'list', ordered: true, items: v.steps.map((s) => ({ text: `${L(s.title)}${s.timeline ? ` — ${L(s.timeline)}` : ''}`, sub: s.key_actions.map(L) })) },
        ];
      }
      const v = d.shown.file?.value as { title?: unknown; flow: { nodes: Array<{ id: string; label: unknown }>; edges: Array<{ from: string; to: string; label?: unknown }> } } | undefined;
      if (!v) return missing('data/eligibility.yaml');
      const node = (id: string) => L(v.flow.nodes.find((n) => n.id === id)?.label) || id;
      return [
        { kind: 'para', text: `${L(v.title) || label('textVersion', lang)} (${word(TEXT_VERSION, lang)})`, bold: true },
        { kind: 'list', ordered: false, items: v.flow.edges.map((e) => `${node(e.from)} — ${e.label ? `${L(e.label)} — ` : ''}${node(e.to)}`) },
      ];
    }
    case 'matrix': {
      const v = d.shown.file?.value;
      if (!v) return missing('data/prioritisation.yaml');
      return [
        ...(v.title ? [{ kind: 'para' as const, text: L(v.title), bold: true }] : []),
        { kind: 'table', header: [label('level', lang), label('definition', lang), label('responseTime', lang)], rows: v.levels.map((l) => [L(l.label), L(l.definition), L(l.response_time.text)]) },
      ];
    }
    case 'card': {
      const v = d.shown.file?.value;
      if (!v) return missing('data/urgent-action.yaml');
      return [
        ...(v.title ? [{ kind: 'para' as const, text: L(v.title), bold: true }] : []),
        { kind: 'para', text: label('triggers', lang), bold: true },
        { kind: 'list', ordered: false, items: v.triggers.map(L) },
        { kind: 'para', text: label('actions', lang), bold: true },
        { kind: 'list', ordered: true, items: v.actions.map(L) },
        { kind: 'table', header: [label('contact', lang), label('phone', lang), label('hours', lang)], rows: v.contacts.map((c) => [L(c.name), c.phone, L(c.hours)]) },
      ];
    }
    case 'signatures':
      return [{ kind: 'table', header: ['', ''], rows: model.manifest.agencies.map((a) => [L(a.name), a.signatory?.name ?? '']) }];
    case 'services':
    case 'pathways':
      return [{ kind: 'para', text: `[${d.kind}: ${word(IN_PDF, lang)}]`, italic: true }];
    default:
      return [];
  }
}
