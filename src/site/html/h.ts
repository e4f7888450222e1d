import type { Element, ElementContent, Properties, Text } from 'hast';

type Child = ElementContent | string | null | undefined | false | Child[];

/** A tiny hast builder (hastscript without the selector parsing): strings become text nodes. */
export function h(tagName: string, properties: Record<string, unknown> = {}, ...children: Child[]): Element {
  const out: ElementContent[] = [];
  const add = (c: Child) => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else if (typeof c === 'string') out.push(text(c));
    else out.push(c);
  };
  children.forEach(add);
  const props: Properties = {};
  for (const [k, v] of Object.entries(properties)) if (v !== undefined && v !== null && v !== false) props[k] = v as Properties[string];
  return { type: 'element', tagName, properties: props, children: out };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** SVG elements keep their attribute names verbatim (hast property names are HTML-cased). */
export function s(tagName: string, attrs: Record<string, string | number | undefined>, ...children: Child[]): Element {
  const props: Properties = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) props[k] = String(v);
  return h(tagName, props, ...children);
}
