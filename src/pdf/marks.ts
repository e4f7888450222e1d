/** How a tagged page's marked content is opened in a content stream. */
import type { ItemTag } from '../frame/types.js';
import type { ResourceSink } from './resources.js';
import { isArtifact } from '../frame/struct.js';

/** The marked-content operator opening a tag: an element's content (with its MCID) or an artifact. */
export function beginMarked(tag: ItemTag, res: ResourceSink): string {
  if (isArtifact(tag)) return `/Artifact <</Type /${tag.artifact}${tag.subtype ? ` /Subtype /${tag.subtype}` : ''}>> BDC\n`;
  return `/${tag.role} <</MCID ${res.mark!(tag)}>> BDC\n`;
}
