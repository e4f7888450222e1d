/**
 * The organigram poster (a profile's `organigram` kind): the bodies of the entry's data file drawn top-down
 * by the same diagram engine as the eligibility flow (an organigram is written in the
 * flow format: nodes and the edges from each body to the bodies under it).
 */
import { eligibilityGraph } from '../diagram/index.js';
import type { OrganigramData } from '../document/data-types.js';
import type { Box } from './column.js';
import type { PosterContext } from './context.js';
import { diagramBody } from './diagram-draw.js';
import type { FrameItem, StructNode } from '../frame/types.js';
import { structNode } from '../frame/struct.js';
import { diagramAlt, diagramAltLines } from '../diagram/alt-text.js';
import { digitsFor, localized } from '../i18n/index.js';

export async function organigramBody(ctx: PosterContext, name: string, lang: string, box: Box, o: { min: number; where: string }, sect: StructNode): Promise<FrameItem[]> {
  const d = ctx.model.data[name]!.value as OrganigramData;
  const m = ctx.model.manifest;
  const title = localized((d as { title?: unknown }).title, lang, m.languages);
  const figure = structNode('Figure', sect, { alt: diagramAlt(title, diagramAltLines('flow', d, lang, m.languages, digitsFor(m, lang))) });
  const index = new Map(d.flow.nodes.map((n, i) => [n.id, i]));
  return diagramBody(ctx, eligibilityGraph(d, lang), lang, box, {
    min: o.min, max: o.min * 1.6, where: o.where, flows: ['down'], widths: [160, 220, 300], figure,
    source: { data: name, pointer: '/flow' },
    nodeSource: (id) => ({ data: name, pointer: `/flow/nodes/${index.get(id) ?? 0}/label` }),
  });
}
