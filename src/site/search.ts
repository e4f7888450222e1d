import { createHash } from 'node:crypto';
import type { ElementContent } from 'hast';
import MiniSearch from 'minisearch';
import { normalizeSearchText, searchTerm } from './normalize.js';

export interface SearchDoc {
  /** Anchor on the page (heading id). */
  id: string;
  title: string;
  /** Title of the component a sub-heading belongs to (the browser reads it from the page). */
  parent?: string;
  text: string;
}

/** Elements whose text is a word of its own: a table cell, a list item, a field. */
const SEPARATE = new Set(['td', 'th', 'tr', 'li', 'p', 'br', 'div', 'dt', 'dd', 'caption', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'table', 'thead', 'tbody', 'ul', 'ol', 'dl', 'blockquote', 'figure', 'details', 'summary', 'pre', 'hr']);

/**
 * The words of a rendered node as a reader sees them: adjacent table cells, list items and
 * fields apart (not "levelDefinitionExamples" glued into one token), drawings left out
 * (their text alternative is on the page). Whitespace collapsed.
 */
export function searchText(node: ElementContent): string {
  const parts: string[] = [];
  const walk = (n: ElementContent) => {
    if (n.type === 'text') { parts.push(n.value); return; }
    if (n.type !== 'element' || n.tagName === 'svg' || n.tagName === 'script' || n.tagName === 'style') return;
    const sep = SEPARATE.has(n.tagName);
    if (sep) parts.push(' ');
    for (const c of n.children) walk(c);
    if (sep) parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

// Titles are not stored: the browser reads them from the page by id (smaller index).
export const SEARCH_FIELDS = ['text'];

export function searchOptions() {
  return { fields: SEARCH_FIELDS, storeFields: [] as string[], processTerm: (t: string) => searchTerm(t) };
}

/** MiniSearch's serialized form, flattened: about half the bytes (the phone budget is 500 KB). */
export interface CompactIndex {
  v: number;
  count: number;
  next: number;
  avg: number[];
  ids: string[];
  lengths: number[];
  /** `[term, docShortId, frequency, docShortId, frequency, …]` */
  terms: (string | number)[][];
}

interface PlainIndex {
  documentCount: number;
  nextId: number;
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  storedFields: Record<string, Record<string, unknown>>;
  dirtCount: number;
  index: [string, Record<string, Record<string, number>>][];
  serializationVersion: number;
}

export function compactIndex(ms: MiniSearch<SearchDoc>): CompactIndex {
  const plain = ms.toJSON() as unknown as PlainIndex;
  const n = plain.nextId;
  const ids: string[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(plain.documentIds[String(i)]!);
    lengths.push(plain.fieldLength[String(i)]?.[0] ?? 0);
  }
  const terms = plain.index.map(([term, fields]) => {
    const row: (string | number)[] = [term];
    for (const [doc, freq] of Object.entries(fields['0'] ?? {})) row.push(Number(doc), freq);
    return row;
  });
  return { v: plain.serializationVersion, count: plain.documentCount, next: n, avg: plain.averageFieldLength, ids, lengths, terms };
}

/**
 * Back to MiniSearch's `loadJS` form. Runs in the browser (shipped with `toString()`), so it
 * must stay self-contained and ES5-safe.
 */
export function expandIndex(c: CompactIndex): PlainIndex {
  const documentIds: Record<string, string> = {};
  const fieldLength: Record<string, number[]> = {};
  const storedFields: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < c.ids.length; i++) {
    documentIds[i] = c.ids[i]!;
    fieldLength[i] = [c.lengths[i]!];
  }
  const index: [string, Record<string, Record<string, number>>][] = [];
  for (let t = 0; t < c.terms.length; t++) {
    const row = c.terms[t]!;
    const postings: Record<string, number> = {};
    for (let k = 1; k < row.length; k += 2) postings[row[k] as number] = row[k + 1] as number;
    index.push([row[0] as string, { 0: postings }]);
  }
  return {
    documentCount: c.count, nextId: c.next, documentIds, fieldIds: { text: 0 }, fieldLength,
    averageFieldLength: c.avg, storedFields, dirtCount: 0, index, serializationVersion: c.v,
  };
}

export function createIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>(searchOptions());
  // The heading goes into the text twice: a hit on a title ranks above a hit in a paragraph.
  ms.addAll(docs.map((d) => ({ ...d, text: `${d.title} ${d.title} ${d.text}` })));
  return ms;
}

/**
 * Builds the search index of one page and returns a script that assigns it to a global:
 * `fetch()` of a JSON file fails on file://, a `<script src>` does not.
 */
export function buildSearchScript(docs: SearchDoc[]): string {
  // `serve` rebuilds on every save; most saves leave a page's text (and index) unchanged.
  const key = createHash('sha256').update(JSON.stringify(docs)).digest('hex');
  const hit = scriptCache.get(key);
  if (hit) return hit;
  const script = makeSearchScript(docs);
  if (scriptCache.size > 32) scriptCache.delete(scriptCache.keys().next().value!);
  scriptCache.set(key, script);
  return script;
}

const scriptCache = new Map<string, string>();

function makeSearchScript(docs: SearchDoc[]): string {
  const compact = compactIndex(createIndex(docs));
  return [
    '/* sopkit search index: generated, do not edit. */',
    // The very functions the index was built with, so query and index terms always agree.
    `(function(){var normalizeSearchText=${normalizeSearchText.toString()};window.SOPKIT_TERM=${searchTerm.toString()};`,
    `window.SOPKIT_SEARCH=(${expandIndex.toString()})(${JSON.stringify(compact)});})();`,
    '',
  ].join('\n');
}
