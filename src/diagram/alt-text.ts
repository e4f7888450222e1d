/**
 * The text alternative of a flowchart, from its data file: one line per step (case
 * steps: number, title, timeline, key actions; a flow: number, kind, label, and where
 * each exit goes). The SOP PDF prints it under the chart and uses it as the Figure's Alt;
 * posters and the pocket guide's charts use the same lines as their Figures' Alt.
 */
import { directionOf, label, localized, localizeDigits, type DigitStyle } from '../i18n/index.js';

/** A stretch of a line; `strong` ones are set bold where the lines are printed. */
export interface AltSpan {
  text: string;
  strong?: boolean;
}

type Obj = Record<string, unknown>;

/** The lines of the text alternative of a `case-steps` data file or of a file with a `flow` (eligibility, organigram). */
export function diagramAltLines(kind: 'case-steps' | 'flow', value: unknown, lang: string, languages: string[], digits: DigitStyle): AltSpan[][] {
  const L = (x: unknown) => localized(x, lang, languages);
  const num = (n: number) => localizeDigits(String(n), digits);
  const sep = directionOf(lang) === 'rtl' ? '؛ ' : '; ';
  const v = value as Obj;
  if (kind === 'case-steps') {
    return (v.steps as Obj[]).map((s, i) => {
      const actions = Array.isArray(s.key_actions) ? (s.key_actions as unknown[]).map(L).filter(Boolean) : [];
      return [
        { text: `${num(i + 1)}. ${L(s.title)}`, strong: true },
        ...(s.timeline ? [{ text: ` (${L(s.timeline)})` }] : []),
        ...(actions.length ? [{ text: ` — ${actions.join(sep)}` }] : []),
      ];
    });
  }
  const flow = v.flow as { nodes: Obj[]; edges: Obj[] };
  const index = new Map(flow.nodes.map((n, i) => [n.id as string, i + 1]));
  return flow.nodes.map((n, i) => {
    const exits = flow.edges.filter((e) => e.from === n.id).map((e) => {
      const k = index.get(e.to as string);
      return `${e.label ? `${L(e.label)}: ` : ''}${label('goTo', lang)} ${k ? num(k) : '?'}`;
    });
    return [
      { text: `${num(i + 1)}. ${label(String(n.type), lang)}: `, strong: true },
      { text: L(n.label) },
      ...(exits.length ? [{ text: ` — ${exits.join(sep)}` }] : []),
    ];
  });
}

/** The Alt of a chart: its title, then the text alternative's lines. */
export function diagramAlt(title: string, lines: AltSpan[][]): string {
  return [title, ...lines.map((l) => l.map((s) => s.text).join(''))].filter(Boolean).join('\n');
}
