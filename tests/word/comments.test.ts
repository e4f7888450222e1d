/**
 * `sopkit comments`: a .docx exported by sopkit, into which three comments and two tracked
 * changes are written the way Word writes them (comments.xml + comment ranges, `w:ins`,
 * `w:del` with `w:delText`), gives back every item at the right section file and line;
 * with the bookmarks stripped (a tool that drops them) the words still find the file.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSop } from '../../src/model/index.js';
import { buildDocx } from '../../src/word/export/build.js';
import { JSZip } from '../../src/vendor/zip.js';
import { ROOT, ensureBuilt, sopkit } from '../cli/cli.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
let dir: string;
let exported: Buffer;

function comment(id: number, author: string, text: string): string {
  return `<w:comment w:id="${id}" w:author="${author}" w:date="2026-12-01T09:00:00Z" w:initials="${author[0]}"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:comment>`;
}

/** After bookmark `name`'s end: Word puts a comment's range around the runs it covers. */
function afterBookmark(xml: string, name: string, insert: (rest: string) => string): string {
  const at = xml.indexOf(`w:name="${name}"`);
  expect(at, name).toBeGreaterThan(0);
  const end = xml.indexOf('/>', xml.indexOf('<w:bookmarkEnd', at)) + 2;
  return xml.slice(0, end) + insert(xml.slice(end));
}

/** The export with the review of three agencies written into it. */
async function reviewed(strip = false): Promise<Buffer> {
  const zip = await JSZip.loadAsync(exported);
  let doc = await zip.file('word/document.xml')!.async('string');
  // 1. A comment over the first paragraph of 08-eligibility (line 10).
  doc = afterBookmark(doc, 'sop_s_en_08_eligibility_L10', (rest) => {
    const close = rest.indexOf('</w:p>');
    return `<w:commentRangeStart w:id="0"/>${rest.slice(0, close)}<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>${rest.slice(close)}`;
  });
  // 2. A comment on the heading at line 8 of 03-purpose-scope.
  doc = afterBookmark(doc, 'sop_s_en_03_purpose_scope_L8', (rest) => {
    const close = rest.indexOf('</w:p>');
    return `<w:commentRangeStart w:id="1"/>${rest.slice(0, close)}<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>${rest.slice(close)}`;
  });
  // 3. A point comment (no range) in 12-referral-pathways, line 10.
  doc = afterBookmark(doc, 'sop_s_en_12_referral_pathways_L10', (rest) => `<w:r><w:commentReference w:id="2"/></w:r>${rest}`);
  // 4. A tracked insertion in the same paragraph as comment 1.
  doc = afterBookmark(doc, 'sop_s_en_08_eligibility_L10', (rest) => `<w:ins w:id="90" w:author="DSD" w:date="2026-12-02T08:00:00Z"><w:r><w:t xml:space="preserve">In every district, </w:t></w:r></w:ins>${rest}`);
  // 5. A tracked deletion: the first run of 03-purpose-scope line 10 struck out.
  doc = afterBookmark(doc, 'sop_s_en_03_purpose_scope_L10', (rest) => {
    const run = /^<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/.exec(rest);
    expect(run).not.toBeNull();
    return `<w:del w:id="91" w:author="IRC" w:date="2026-12-02T08:00:00Z"><w:r>${run![1] ?? ''}<w:delText xml:space="preserve">${run![2]}</w:delText></w:r></w:del>${rest.slice(run![0].length)}`;
  });
  if (strip) doc = doc.replace(/<w:bookmark(Start|End)\b[^>]*\/>/g, '');
  zip.file('word/document.xml', doc);
  zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W}>${comment(0, 'UNICEF', 'Add the age limit &amp; the source.')}${comment(1, 'IRC', 'Shorten this heading.')}${comment(2, 'UNICEF', 'Which hotline?')}</w:comments>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

interface Json { diagnostics: Array<{ rule: string; message: string; file?: string; line?: number; hint?: string }> }

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(path.join(os.tmpdir(), 'sopkit-comments-'));
  await cp(path.join(ROOT, 'sop-sources'), path.join(dir, 'sop'), { recursive: true });
  const { model } = await loadSop(path.join(dir, 'sop'));
  await buildDocx(model, path.join(dir, 'out'));
  exported = await readFile(path.join(dir, 'out/docx/sop-v2.1-en.docx'));
}, 120_000);

describe('sopkit comments', () => {
  it('maps three comments and two tracked changes to their section files and lines', async () => {
    await writeFile(path.join(dir, 'returned.docx'), await reviewed());
    const r = sopkit(['comments', 'returned.docx', '--dir', 'sop', '--format', 'json', '--report', 'consultation.md'], dir);
    expect(r.code, r.stderr).toBe(0);
    const got = (JSON.parse(r.stdout) as Json).diagnostics.map((d) => `${d.rule} ${d.file}:${d.line} ${d.message}`);
    expect(got).toHaveLength(5);
    expect(got[0]).toBe('review-comment sections/en/03-purpose-scope.md:8 IRC (2026-12-01) commented on "Purpose": Shorten this heading.');
    expect(got[1]).toMatch(/^review-deletion sections\/en\/03-purpose-scope\.md:10 IRC \(2026-12-02\) deleted "\S/);
    expect(got[2]).toMatch(/^review-comment sections\/en\/08-eligibility\.md:10 UNICEF \(2026-12-01\) commented on "Case management is an intensive service\.[^"]*": Add the age limit & the source\.$/);
    expect(got[3]).toBe('review-insertion sections/en/08-eligibility.md:10 DSD (2026-12-02) inserted "In every district,"');
    expect(got[4]).toBe('review-comment sections/en/12-referral-pathways.md:10 UNICEF (2026-12-01) commented: Which hotline?');
    // The lines are the ones the words come from.
    const src = (f: string) => readFile(path.join(dir, 'sop', f), 'utf8').then((t) => t.split('\n'));
    expect((await src('sections/en/08-eligibility.md'))[9]).toMatch(/^Case management is an intensive service\./);
    expect((await src('sections/en/03-purpose-scope.md'))[7]).toBe("## Purpose");
    const report = await readFile(path.join(dir, 'consultation.md'), 'utf8');
    expect(report).toMatch(/3 comments, 2 tracked changes, from 3 reviewers \(DSD, IRC, UNICEF\)/);
    expect(report).toMatch(/## 8\. Eligibility criteria and flowchart\n\n\| Reviewer[^\n]*\n[^\n]*\n\| DSD \| insertion \| sections\/en\/08-eligibility\.md:10 /);
  });

  it('the consultation report is grouped by reviewer (the agency) and by component, in Markdown and in HTML', async () => {
    const report = await readFile(path.join(dir, 'consultation.md'), 'utf8');
    // By reviewer: how much each agency said, and on which components.
    expect(report).toMatch(/## By reviewer\n\n\| Reviewer \| Comments \| Insertions \| Deletions \| On \|\n\|---\|---\|---\|---\|---\|\n\| DSD \| 0 \| 1 \| 0 \| 8\. Eligibility criteria and flowchart \|\n\| IRC \| 1 \| 0 \| 1 \| 3\. [^|]+\|\n\| UNICEF \| 2 \| 0 \| 0 \| 8\. Eligibility criteria and flowchart; 12\. [^|]+\|\n/);
    // By component: each component once, its rows in reviewer order.
    const headings = [...report.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings[0]).toBe('By reviewer');
    expect(headings.slice(1).map((h) => h!.split('.')[0])).toEqual(['3', '8', '12']);
    const eligibility = report.split('## 8. ')[1]!.split('\n## ')[0]!;
    expect(eligibility.match(/^\| (DSD|UNICEF) /gm)).toEqual(['| DSD ', '| UNICEF ']);

    const r = sopkit(['comments', 'returned.docx', '--dir', 'sop', '--format', 'json', '--report', 'consultation.html'], dir);
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'consultation.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h2>By reviewer</h2>');
    expect(html).toMatch(/<tr><td dir="auto">UNICEF<\/td><td>2<\/td><td>0<\/td><td>0<\/td>/);
    expect(html.match(/<h2 dir="auto">/g)).toHaveLength(3);
    // Reviewers' text is escaped, never markup: "&" in a comment.
    expect(html).toContain('Add the age limit &amp; the source.');
    expect(html).toMatch(/<code>sections\/en\/08-eligibility\.md:10<\/code>/);
  });

  it('github format: one notice annotation per item, at the file and line', async () => {
    const r = sopkit(['comments', 'returned.docx', '--dir', 'sop', '--format', 'github'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^::notice file=sop\/sections\/en\/12-referral-pathways\.md,line=10/m);
    expect(r.stdout.match(/^::notice /gm)).toHaveLength(5);
  });

  it('without the bookmarks (a tool that drops them), the words of the paragraph still find the file', async () => {
    await writeFile(path.join(dir, 'stripped.docx'), await reviewed(true));
    const r = sopkit(['comments', 'stripped.docx', '--dir', 'sop', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const d = (JSON.parse(r.stdout) as Json).diagnostics;
    expect(d).toHaveLength(5);
    const files = d.map((x) => `${x.file}:${x.line}`).sort();
    expect(files).toEqual(['sections/en/03-purpose-scope.md:10', 'sections/en/03-purpose-scope.md:8', 'sections/en/08-eligibility.md:10', 'sections/en/08-eligibility.md:10', 'sections/en/12-referral-pathways.md:10'].sort());
    expect(d.every((x) => /found by its words/.test(x.hint ?? ''))).toBe(true);
  });

  it('a file that is not a .docx: a clear error, exit 2', async () => {
    await writeFile(path.join(dir, 'notes.docx'), 'plain text');
    const r = sopkit(['comments', 'notes.docx', '--dir', 'sop'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read "notes\.docx": it is not a \.docx/);
    expect(r.stderr).toMatch(/hint: /);
  });
});
