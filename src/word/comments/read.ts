/**
 * Reviewers' comments (`word/comments.xml`, anchored in `word/document.xml` by
 * `w:commentRangeStart`/`w:commentReference`) and tracked changes (`w:ins`, `w:del`) of a
 * returned .docx, each with the sopkit bookmark in force where it sits (the last one
 * before it in document order, see ../anchors.ts) and the text of its paragraph (for the
 * fuzzy fallback when a bookmark was lost).
 *
 * WordprocessingML is read with a tokenizer over its tags, not a DOM: only the element
 * names above matter, and they are the same whether Word, LibreOffice or sopkit wrote
 * the file.
 */
import { JSZip } from '../../vendor/zip.js';
import { parseAnchor } from '../anchors.js';

export type ReviewKind = 'comment' | 'insertion' | 'deletion';

export interface ReviewItem {
  kind: ReviewKind;
  author: string;
  /** ISO date-time as the file gives it ('' when absent). */
  date: string;
  /** The comment's own text, or the inserted / deleted text. */
  text: string;
  /** For a comment: the text it is attached to. */
  quoted?: string;
  /** The sopkit bookmark before the item, when there is one. */
  anchor?: { key: string; line: number };
  /** The text of the paragraph the item starts in. */
  paragraph: string;
}

export class NotADocxError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]!);
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
}

/** The text of each `w:comment` of comments.xml, by id. */
function commentBodies(xml: string): Map<string, { author: string; date: string; text: string }> {
  const out = new Map<string, { author: string; date: string; text: string }>();
  for (const m of xml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const head = m[1]!;
    const paragraphs = m[2]!.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join('')).filter(Boolean);
    out.set(attr(head, 'w:id') ?? '', { author: attr(head, 'w:author') ?? '', date: attr(head, 'w:date') ?? '', text: paragraphs.join('\n') });
  }
  return out;
}

const TOKEN = /<w:bookmarkStart\b[^>]*>|<w:commentRangeStart\b[^>]*>|<w:commentRangeEnd\b[^>]*>|<w:commentReference\b[^>]*>|<w:(ins|del)\b[^>]*?(\/?)>|<\/w:(ins|del)>|<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>|<w:p\b[^>]*?(\/?)>|<\/w:p>/g;

/** Reads the comments and tracked changes of the .docx `bytes`, in document order. */
export async function readReview(bytes: Uint8Array): Promise<ReviewItem[]> {
  let zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new NotADocxError('it is not a .docx (not a zip package)');
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (documentXml === undefined) throw new NotADocxError('it has no word/document.xml (not a Word document)');
  const bodies = commentBodies((await zip.file('word/comments.xml')?.async('string')) ?? '');

  const items: ReviewItem[] = [];
  let anchor: ReviewItem['anchor'];
  let paragraph = '';
  /** Items whose paragraph text is still being read (filled at the paragraph's end). */
  let waiting: ReviewItem[] = [];
  /** Comments open between their range start and end: their quoted text grows. */
  const openComments = new Map<string, ReviewItem>();
  let change: ReviewItem | undefined;
  const seen = new Set<string>();

  const startComment = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const body = bodies.get(id) ?? { author: '', date: '', text: '' };
    const item: ReviewItem = { kind: 'comment', ...body, quoted: '', anchor, paragraph: '' };
    items.push(item);
    waiting.push(item);
    openComments.set(id, item);
  };

  for (const m of documentXml.matchAll(TOKEN)) {
    const tag = m[0];
    if (tag.startsWith('<w:bookmarkStart')) {
      const a = parseAnchor(attr(tag, 'w:name') ?? '');
      if (a) anchor = a;
    } else if (tag.startsWith('<w:commentRangeStart')) startComment(attr(tag, 'w:id') ?? '');
    else if (tag.startsWith('<w:commentRangeEnd')) openComments.delete(attr(tag, 'w:id') ?? '');
    else if (tag.startsWith('<w:commentReference')) {
      // A comment without a range (a point comment) is anchored at its reference.
      startComment(attr(tag, 'w:id') ?? '');
      openComments.delete(attr(tag, 'w:id') ?? '');
    } else if (m[1]) {
      // `<w:ins …/>` inside run or paragraph properties marks formatting or a paragraph
      // mark, not inserted text.
      if (m[2]) continue;
      change = { kind: m[1] === 'ins' ? 'insertion' : 'deletion', author: attr(tag, 'w:author') ?? '', date: attr(tag, 'w:date') ?? '', text: '', anchor, paragraph: '' };
      items.push(change);
      waiting.push(change);
    } else if (m[3]) change = undefined;
    else if (m[4]) {
      const text = decodeXml(m[5]!);
      paragraph += text;
      if (change) change.text += text;
      for (const c of openComments.values()) c.quoted += text;
    } else if (tag === '</w:p>' || m[6]) {
      for (const w of waiting) w.paragraph = paragraph;
      waiting = [];
      paragraph = '';
    }
  }
  for (const w of waiting) w.paragraph = paragraph;
  // A change whose every run was empty (a deleted paragraph mark) says nothing to a reader.
  return items.filter((i) => i.kind === 'comment' || i.text.trim() !== '');
}
