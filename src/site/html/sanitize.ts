import { defaultSchema } from '../../vendor/html.js';
import type { Options as Schema } from 'rehype-sanitize';

/**
 * The schema user Markdown/HTML is cleaned with: GitHub's (no script, style, iframe,
 * form, event handler or `javascript:` URL can pass), plus `tel:` links, `bdi`, and
 * `dir`/`lang` everywhere for bidi text. `slotTag` is the placeholder directives are
 * swapped into afterwards; it is only honoured with the per-render nonce.
 */
export function sanitizeSchema(clobberPrefix: string, slotTag: string): Schema {
  const attributes = { ...defaultSchema.attributes };
  attributes['*'] = [...(attributes['*'] ?? []), 'dir', 'lang'];
  attributes[slotTag] = ['dataSlot'];
  return {
    ...defaultSchema,
    clobberPrefix,
    tagNames: [...(defaultSchema.tagNames ?? []), 'bdi', 'bdo', 'span', 'abbr', 'mark', 'small', 'u', 'figure', 'figcaption', 'caption', slotTag],
    attributes,
    protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel'] },
    // Dropped with their content (the default keeps the text of unknown elements).
    strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'select', 'title'],
  };
}
