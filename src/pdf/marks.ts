/** How a tagged page's marked content is opened in a content stream. */
import type { ArtifactTag, ItemTag } from '../frame/types.js';
import type { ResourceSink } from './resources.js';
import { isArtifact } from '../frame/struct.js';

/** The marked-content operator opening a tag: an element's content (with its MCID) or an artifact. */
export function beginMarked(tag: ItemTag, res: ResourceSink): string {
  if (isArtifact(tag)) return beginArtifact(tag);
  return `/${tag.role} <</MCID ${res.mark!(tag)}>> BDC\n`;
}

/** The operator opening an artifact (no MCID: artifacts are not in the structure tree). */
export function beginArtifact(tag: ArtifactTag): string {
  return `/Artifact <</Type /${tag.artifact}${tag.subtype ? ` /Subtype /${tag.subtype}` : ''}>> BDC\n`;
}
