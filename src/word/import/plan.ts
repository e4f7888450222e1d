/**
 * The files `sopkit import` writes for one language, computed without touching the disk:
 * one section file per Word part mapped to a component (front-matter `component`,
 * `title`, and `order` when a component gets several parts), the parts that matched no
 * component together in one clearly named file outside sections/ (so `check` does not take
 * it for a section), the images under assets/, and `import-map.yaml`, the mapping the user
 * can correct and feed back with `--map`.
 */
import type { Profile } from '../../model/types.js';
import { parseDocument, stringify } from '../../vendor/yaml.js';
import type { WordConversion } from './convert.js';
import { matchComponent } from './match.js';

export interface MappingRow {
  heading: string;
  /** Component id, undefined when unmapped. */
  component?: string;
  confidence: number;
  /** Where the part goes (relative to the SOP folder). */
  file: string;
  /** Given by the user's map rather than by matching. */
  fromMap?: boolean;
}

export interface ImportPlan {
  files: Map<string, string | Uint8Array>;
  rows: MappingRow[];
}

/** `heading → component` pairs of a map file (in order; `component: null` = leave unmapped). */
export type UserMap = Array<{ heading: string; component: string | null }>;

export class MapFileError extends Error {}

/** Reads an import-map.yaml written by `import` (and edited by the user). */
export function readUserMap(text: string, profile: Profile): UserMap {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new MapFileError(`it is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const sections = (doc.toJS() as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(sections)) throw new MapFileError('it has no `sections:` list (write it with `sopkit import` first, then edit it)');
  return sections.map((s, i) => {
    const o = (s ?? {}) as { heading?: unknown; component?: unknown };
    if (typeof o.heading !== 'string') throw new MapFileError(`sections[${i}] has no \`heading\``);
    const c = o.component;
    if (c === null || c === undefined || c === '') return { heading: o.heading, component: null };
    const id = String(c);
    if (!profile.components.some((p) => p.id === id || String(p.n) === id)) {
      throw new MapFileError(`sections[${i}] ("${o.heading}") names component "${id}", which profile ${profile.id} does not have (ids: ${profile.components.map((p) => p.id).join(', ')})`);
    }
    return { heading: o.heading, component: profile.components.find((p) => p.id === id || String(p.n) === id)!.id };
  });
}

const yamlString = (s: string) => JSON.stringify(s);

export function planImport(conv: WordConversion, profile: Profile, lang: string, source: string, userMap?: UserMap): ImportPlan {
  const files = new Map<string, string | Uint8Array>();
  const rows: MappingRow[] = [];
  const pending = userMap ? [...userMap] : undefined;
  const perComponent = new Map<string, number>();
  const unmappedFile = `imported-unmapped-${lang}.md`;
  const unmapped: string[] = [];
  for (const part of conv.parts) {
    let component: string | undefined;
    let confidence = 0;
    let fromMap = false;
    const given = pending?.findIndex((m) => m.heading === part.heading) ?? -1;
    if (given >= 0) {
      component = pending![given]!.component ?? undefined;
      pending!.splice(given, 1);
      confidence = 1;
      fromMap = true;
    } else if (part.heading) {
      const m = matchComponent(profile, part.heading);
      component = m.component?.id;
      confidence = m.confidence;
    }
    const comp = profile.components.find((c) => c.id === component);
    if (!comp) {
      unmapped.push(part.heading ? `## ${part.title}\n\n${part.markdown}` : part.markdown);
      rows.push({ heading: part.heading || '(text before the first heading)', confidence: Math.round(confidence * 100) / 100, file: unmappedFile, fromMap });
      continue;
    }
    const k = (perComponent.get(comp.id) ?? 0) + 1;
    perComponent.set(comp.id, k);
    const name = `${String(comp.n).padStart(2, '0')}-${comp.id}${k > 1 ? `-${k}` : ''}.md`;
    const file = `sections/${lang}/${name}`;
    const fm = [`component: ${comp.id}`, `title: ${yamlString(part.title || comp.title[lang] || comp.id)}`, ...(k > 1 ? [`order: ${k}`] : [])];
    files.set(file, `---\n${fm.join('\n')}\n---\n\n${part.markdown}\n`);
    rows.push({ heading: part.heading, component: comp.id, confidence: Math.round(confidence * 100) / 100, file, fromMap });
  }
  // The first of several parts of one component keeps `order: 1` implicitly; say it when there are more.
  for (const [id, count] of perComponent) {
    if (count < 2) continue;
    const comp = profile.components.find((c) => c.id === id)!;
    const first = `sections/${lang}/${String(comp.n).padStart(2, '0')}-${id}.md`;
    files.set(first, String(files.get(first)).replace(/^---\n/, '---\norder: 1\n'));
  }
  if (unmapped.length) {
    files.set(unmappedFile, `<!-- Imported from ${source} by sopkit: the parts whose heading matched no component of profile ${profile.id}. Move each into the right section file (or name its component in import-map.yaml and import again into a new folder), then delete this file. -->\n\n${unmapped.join('\n\n')}\n`);
  }
  for (const [name, bytes] of conv.images) files.set(`assets/${name}`, bytes);
  files.set('import-map.yaml', [
    `# sopkit import map of ${source} (${lang}). Correct a \`component\` (a component id of profile`,
    `# ${profile.id}, or null to leave the part unmapped), then import again into a new folder with`,
    '#   sopkit import FILE.docx --into NEW-FOLDER --map import-map.yaml',
    stringify({ source, language: lang, profile: profile.id, sections: rows.map((r) => ({ heading: r.heading, component: r.component ?? null, confidence: r.confidence, file: r.file })) }).trimEnd(),
    '',
  ].join('\n'));
  return { files, rows };
}
