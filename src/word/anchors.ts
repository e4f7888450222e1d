/**
 * Where a paragraph of an exported .docx came from, kept in the file itself: every block
 * starts with a Word bookmark whose name encodes the source file and line
 * (`sop_en_s_08_eligibility_L12`). Word and LibreOffice keep bookmarks when they save, so
 * `sopkit comments` can map a reviewer's comment on a re-saved file back to
 * `sections/en/08-eligibility.md:12` without any side table.
 *
 * Word's rules for a bookmark name: at most 40 characters, letters, digits and `_`, first
 * a letter (a leading `_` would make it a hidden bookmark).
 */
const MAX = 40;

/** The short key of a Markdown file: its kind, language and name (`s_en_08_eligibility`). */
export function fileKey(file: { kind: 'section' | 'markdown-annex'; lang: string; name: string }): string {
  const kind = file.kind === 'section' ? 's' : 'a';
  const stem = file.name.replace(/\.md$/i, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const lang = file.lang.replace(/[^A-Za-z0-9]+/g, '');
  return `${kind}_${lang}_${stem}`;
}

/** The bookmark name for line `line` of `key`, cut to Word's 40 characters (the line is kept). */
export function anchorName(key: string, line: number): string {
  const tail = `_L${line}`;
  return `sop_${key}`.slice(0, MAX - tail.length) + tail;
}

/** `{ key, line }` of a sopkit bookmark name, undefined for anyone else's bookmark. */
export function parseAnchor(name: string): { key: string; line: number } | undefined {
  const m = /^sop_(.+)_L(\d+)$/.exec(name);
  return m ? { key: m[1]!, line: Number(m[2]) } : undefined;
}
