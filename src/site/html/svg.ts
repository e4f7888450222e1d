import type { Element } from 'hast';
import type { Diagram, LaidOutNode } from '../../diagram/index.js';
import { s } from './h.js';

function shape(n: LaidOutNode): Element {
  const { x, y, width: w, height: hgt } = n;
  const cls = `node node-${n.kind}`;
  if (n.kind === 'decision') {
    const d = Math.min(hgt / 2, 18);
    const pts = [[x + d, y], [x + w - d, y], [x + w, y + hgt / 2], [x + w - d, y + hgt], [x + d, y + hgt], [x, y + hgt / 2]]
      .map(([px, py]) => `${r(px!)},${r(py!)}`).join(' ');
    return s('polygon', { class: cls, points: pts });
  }
  const rx = n.kind === 'start' ? hgt / 2 : n.kind === 'outcome' ? 10 : 4;
  return s('rect', { class: cls, x: r(x), y: r(y), width: r(w), height: r(hgt), rx: r(Math.min(rx, 24)) });
}

const r = (n: number) => Math.round(n * 10) / 10;

/**
 * An accessible inline SVG of a laid-out diagram. Colours come from CSS classes so the
 * print and screen styles (and high-contrast modes) can restyle it; text is real text.
 */
export function diagramToSvg(d: Diagram, title: string, id: string): Element {
  const children: Element[] = [s('title', { id: `${id}-title` }, title)];
  children.push(
    s('defs', {},
      s('marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))),
  );
  for (const e of d.edges) {
    if (e.points.length < 2) continue;
    const path = e.points.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)},${r(p.y)}`).join(' ');
    children.push(s('path', { class: 'edge', d: path, 'marker-end': `url(#${id}-arrow)` }));
    if (e.label) {
      const lh = d.fontSize * 0.85 * 1.4;
      children.push(s('rect', { class: 'edge-label-bg', x: e.label.x, y: e.label.y, width: e.label.width, height: e.label.height, rx: 3 }));
      e.label.lines.forEach((line, i) =>
        children.push(s('text', { class: 'edge-label', x: r(e.label!.x + e.label!.width / 2), y: r(e.label!.y + 2 + lh * (i + 0.75)), 'text-anchor': 'middle' }, line)));
    }
  }
  for (const n of d.nodes) {
    const g: Element[] = [shape(n)];
    const total = n.lines.length * d.lineHeight + n.noteLines.length * d.lineHeight * 0.9;
    let y = n.y + (n.height - total) / 2 + d.lineHeight * 0.72;
    for (const line of n.lines) {
      g.push(s('text', { class: 'node-text', x: r(n.x + n.width / 2), y: r(y), 'text-anchor': 'middle' }, line));
      y += d.lineHeight;
    }
    for (const line of n.noteLines) {
      g.push(s('text', { class: 'node-note', x: r(n.x + n.width / 2), y: r(y - d.lineHeight * 0.1), 'text-anchor': 'middle' }, line));
      y += d.lineHeight * 0.9;
    }
    children.push(s('g', { class: `g-${n.kind}` }, g));
  }
  return s('svg', {
    class: 'diagram',
    viewBox: `0 0 ${d.width} ${d.height}`,
    width: d.width,
    height: d.height,
    role: 'img',
    'aria-labelledby': `${id}-title`,
    direction: d.rtl ? 'rtl' : 'ltr',
    // Never shrink below ~75 %: on a phone the figure scrolls sideways instead of turning to dust.
    style: `min-width:${Math.round(d.width * 0.75)}px`,
  }, children);
}
