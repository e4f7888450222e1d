import { localized as pick } from '../i18n/index.js';
import type { Section, SopModel } from '../model/types.js';
import { signatureComponent } from '../model/profile-roles.js';
import { compareText } from '../order.js';

export interface ComponentGroup {
  n?: number;
  id: string;
  title: string;
  sections: Section[];
}

function componentNumber(model: SopModel, s: Section): number | undefined {
  const c = s.component ?? (s.frontMatter.component as unknown);
  if (typeof c === 'number') return c;
  if (typeof c === 'string' && /^\d+$/.test(c)) return Number(c);
  return model.profile.components.find((p) => p.id === c)?.n;
}

/**
 * Sections of `lang` grouped by component, in profile order; the generated signature
 * component added when no section holds it (a section of its own, `::signatures`).
 */
export function groupComponents(model: SopModel, lang: string): ComponentGroup[] {
  const groups = new Map<string, ComponentGroup>();
  for (const s of model.sections) {
    if (s.lang !== lang) continue;
    const n = componentNumber(model, s);
    const id = String(s.component ?? s.frontMatter.component ?? s.name);
    const key = n !== undefined ? `n${n}` : `f${id}`;
    let g = groups.get(key);
    if (!g) {
      const prof = model.profile.components.find((p) => p.n === n);
      const title = String(s.title ?? s.frontMatter.title ?? (prof ? pick(prof.title, lang) : id));
      g = { n, id, title, sections: [] };
      groups.set(key, g);
    }
    g.sections.push(s);
  }
  for (const g of groups.values()) g.sections.sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || compareText(a.name, b.name));
  // The signature page is generated from sop.yaml even when no section was written for it.
  const sig = signatureComponent(model.profile);
  if (sig && groups.size && !groups.has(`n${sig.n}`)) {
    const generated = { kind: 'section', file: 'sop.yaml', lang, name: `${sig.n}-generated`, frontMatter: {}, body: '::signatures\n', bodyLine: 1 } as unknown as Section;
    groups.set(`n${sig.n}`, { n: sig.n, id: sig.id, title: pick(sig.title, lang), sections: [generated] });
  }
  return [...groups.values()].sort((a, b) => (a.n ?? 1e9) - (b.n ?? 1e9) || compareText(a.id, b.id));
}
