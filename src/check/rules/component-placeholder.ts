import { diagnostic, type SourcePosition } from '../../diag/index.js';
import type { PositionMap } from '../../model/index.js';
import { componentOf, markdownFiles } from '../each.js';
import type { Rule } from '../types.js';

/** Finds the marker in string values of parsed YAML, with their JSON pointers. */
function findInValue(value: unknown, marker: string, pointer = ''): string[] {
  if (typeof value === 'string') return value.includes(marker) ? [pointer] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findInValue(v, marker, `${pointer}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findInValue(v, marker, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [];
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Template text still waiting to be written (`sopkit init` marks it with the profile's
 * `placeholder_marker`, "TODO(sopkit)"). One message per file, at the first marker,
 * with the count: a fresh scaffold is a to-do list, not a wall of errors.
 */
export const componentPlaceholder: Rule = {
  id: 'component-placeholder',
  severity: 'error',
  description: 'a section or data file still holds the template\'s placeholder text',
  help: 'Text marked with the placeholder marker (TODO(sopkit) by default) was written by `sopkit init` as an example. Replace it with the SOP\'s own text and delete the marker. In a component the context requires this is an error; elsewhere a warning.',
  run(ctx, report) {
    const { model } = ctx;
    const marker = model.profile.placeholder_marker;
    if (!marker) return;
    for (const f of markdownFiles(model)) {
      const first = f.body.indexOf(marker);
      const fmHits = findInValue(f.frontMatter, marker);
      if (first < 0 && fmHits.length === 0) continue;
      const count = f.body.split(marker).length - 1 + fmHits.length;
      let at: SourcePosition;
      if (fmHits.length) at = { ...f.positions.at(fmHits[0]!), file: f.file };
      else {
        const lc = lineColumn(f.body, first);
        at = { file: f.file, line: lc.line + f.bodyLine - 1, column: lc.column };
      }
      const held = componentOf(ctx, f);
      const comp = held?.comp;
      const severity = held?.required ? 'error' : 'warning';
      const what = comp ? `component ${comp.n} (${comp.title.en ?? comp.id})` : f.kind === 'markdown-annex' ? 'this annex' : 'this section';
      report(
        diagnostic(
          'component-placeholder',
          severity,
          `${f.file}: ${what} still has placeholder text (${count}× ${marker})`,
          { file: at.file, line: at.line, column: at.column },
          `Replace the example text with your own and delete every "${marker}".`,
        ),
      );
    }
    const yamlFiles: { file: string; value: unknown; positions: PositionMap }[] = [
      { file: model.manifestFile, value: model.manifest, positions: model.manifestPositions },
      ...Object.values(model.data).map((d) => ({ file: d.file, value: d.value, positions: d.positions })),
    ];
    for (const y of yamlFiles) {
      const hits = findInValue(y.value, marker);
      if (!hits.length) continue;
      report(
        diagnostic(
          'component-placeholder',
          'warning',
          `${y.file} still has placeholder text (${hits.length}× ${marker})`,
          { ...y.positions.at(hits[0]!), file: y.file },
          `Replace the example values with your own and delete every "${marker}".`,
        ),
      );
    }
  },
};
