/**
 * Review items → the source file and line they are about. First by the sopkit bookmark
 * before the item (exact: the export wrote one per block); when the bookmark is gone or
 * names a file that no longer exists, by the words of the item's paragraph against the
 * lines of the SOP's Markdown files (fuzzy: the line sharing most of its words).
 */
import type { MarkdownAnnex, Section, SopModel } from '../../model/types.js';
import { groupComponents } from '../../document/index.js';
import { toWords } from '../../verify/normalize.js';
import { fileKey } from '../anchors.js';
import type { ReviewItem } from './read.js';

export interface MappedItem extends ReviewItem {
  /** Source file relative to the SOP folder, when found. */
  file?: string;
  line?: number;
  /** How it was found. */
  by: 'bookmark' | 'text' | 'none';
  /** The component (or annex) the file belongs to, for the report's grouping. */
  group: string;
}

type SourceFile = Section | MarkdownAnnex;

function sources(model: SopModel): SourceFile[] {
  return [...model.sections, ...model.annexes.filter((a): a is MarkdownAnnex => a.kind === 'markdown-annex')];
}

function groupNames(model: SopModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const lang of model.manifest.languages) {
    for (const g of groupComponents(model, lang)) for (const s of g.sections) out.set(s.file, g.n !== undefined ? `${g.n}. ${g.title}` : g.title);
  }
  for (const a of model.annexes) {
    if (a.kind === 'markdown-annex') out.set(a.file, `Annex ${a.number ?? a.frontMatter.annex ?? ''}${a.title ? `: ${a.title}` : ''}`.trim());
  }
  return out;
}

/** A Markdown line without its block markup (`## `, `- `, `1. `, `> `, table bars), as words. */
function lineWords(line: string): string[] {
  return toWords(line.replace(/^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, ''));
}

/**
 * The line of `files` that `text` comes from: first a line whose words are exactly the
 * paragraph's (short headings), else the line sharing most of its words, if that is at
 * least half of them (and three or more words: fewer say nothing).
 */
function byText(files: readonly SourceFile[], text: string): { file: string; line: number } | undefined {
  const words = toWords(text);
  if (!words.length) return undefined;
  const whole = words.join(' ');
  const want = [...new Set(words)];
  let best: { file: string; line: number; score: number } | undefined;
  for (const f of files) {
    const lines = f.body.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const have = lineWords(lines[i]!);
      if (!have.length) continue;
      if (have.join(' ') === whole) return { file: f.file, line: i + f.bodyLine };
      const set = new Set(have);
      let score = 0;
      for (const w of want) if (set.has(w)) score++;
      if (!best || score > best.score) best = { file: f.file, line: i + f.bodyLine, score };
    }
  }
  return best && want.length >= 3 && best.score / want.length >= 0.5 ? { file: best.file, line: best.line } : undefined;
}

export function mapReview(model: SopModel, items: readonly ReviewItem[]): MappedItem[] {
  const files = sources(model);
  const keys = files.map((f) => [fileKey(f), f] as const);
  // A long key is cut inside the bookmark name (Word's 40 characters): the cut key is a
  // prefix of the file's.
  const byKey = { get: (k: string) => keys.find(([key]) => key === k)?.[1] ?? keys.find(([key]) => key.startsWith(k))?.[1] };
  const groups = groupNames(model);
  // The language of the export: the one its bookmarks name (fuzzy matching stays within it).
  const langs = new Set(items.flatMap((i) => (i.anchor ? [byKey.get(i.anchor.key)?.lang] : [])).filter(Boolean));
  const pool = langs.size ? files.filter((f) => langs.has(f.lang)) : files;
  return items.map((item) => {
    const f = item.anchor ? byKey.get(item.anchor.key) : undefined;
    if (f && item.anchor) return { ...item, file: f.file, line: item.anchor.line, by: 'bookmark' as const, group: groups.get(f.file) ?? f.file };
    const hit = byText(pool, item.paragraph || item.quoted || item.text);
    if (hit) return { ...item, ...hit, by: 'text' as const, group: groups.get(hit.file) ?? hit.file };
    return { ...item, by: 'none' as const, group: '' };
  });
}
