/**
 * Characters the poster fonts cannot draw would print as empty boxes on a card nobody
 * proofreads on screen: every string of the data files the posters print is checked,
 * and each such character reported once per place, with file and line.
 */
import { diagnostic } from '../diag/index.js';
import { uncoveredCharacters } from '../text/index.js';
import { RULE, type PosterContext } from './context.js';
import { posterEntries } from './kinds.js';

export const PRINTED_DATA = ['eligibility', 'prioritisation', 'urgent-action', 'pathways', 'case-steps', 'services'];

function walk(value: unknown, pointer: string, visit: (s: string, pointer: string) => void): void {
  if (typeof value === 'string') visit(value, pointer);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${pointer}/${i}`, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, visit);
  }
}

export function reportMissingGlyphs(ctx: PosterContext): void {
  // The profile's posters may draw from data files of other names: those are printed too.
  const names = [...new Set([...PRINTED_DATA, ...posterEntries(ctx.model.profile).map((e) => e.data)])];
  for (const name of names) {
    const df = ctx.model.data[name];
    if (!df) continue;
    walk(df.value, '', (s, pointer) => {
      for (const u of uncoveredCharacters(s)) {
        const at = df.positions.at(pointer);
        ctx.diagnostics.push(diagnostic(RULE, 'warning',
          `the character "${u.char}" (${u.code}) has no glyph in the poster fonts and would print as an empty box`,
          { file: df.file, line: at.line, column: at.column },
          'Replace it with words or a character from the Arabic or Latin alphabets (emoji and symbols are not in the fonts).'));
      }
    });
  }
}
