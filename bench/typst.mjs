/**
 * The Typst peer of bench/pdf.mjs. Two jobs, kept apart so that only Typst's own work is
 * timed:
 *
 * - `markdownToTypst(markdown, lang)` (not timed, run once per document): the bench
 *   corpus's Markdown (headings, paragraphs, emphasis, lists, tables, footnotes, links)
 *   as Typst markup, through the same Markdown parser sopkit uses (lib/markdown), with
 *   the page and text set-up of an A4 document in the corpus's language and font.
 * - `node bench/typst.mjs IN.typ OUT.pdf FONTDIR...` (timed, one whole process per run,
 *   like every other peer): reads the Typst file, compiles it with the Typst compiler
 *   for Node (`@myriaddreamin/typst-ts-node-compiler`, a dev-only dependency) using only
 *   the font folders given (the very Noto TTFs sopkit embeds), and writes the PDF.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Typst markup characters, escaped with a backslash wherever they stand in text. */
const SPECIAL = /[\\#*_`$<>@[\]~\/=\-+.:'"]/g;
const esc = (s) => s.replace(/\s+/g, ' ').replace(SPECIAL, (c) => `\\${c}`);

/** A Typst string literal (for `#set` arguments and titles). */
const str = (s) => JSON.stringify(s);

/**
 * mdast → Typst markup. `notes` maps footnote labels to their definitions: Typst sets a
 * footnote where it is referenced (`#footnote[…]`), so the definition goes there.
 */
function convert(root, lang) {
  const notes = new Map();
  for (const n of root.children) if (n.type === 'footnoteDefinition') notes.set(n.identifier, n);
  const inline = (nodes) => nodes.map(inl).join('');
  function inl(n) {
    switch (n.type) {
      case 'text': return esc(n.value);
      case 'emphasis': return `#emph[${inline(n.children)}]`;
      case 'strong': return `#strong[${inline(n.children)}]`;
      case 'delete': return `#strike[${inline(n.children)}]`;
      case 'inlineCode': return `#raw(${str(n.value)})`;
      case 'break': return ' \\\n';
      case 'link': return `#link(${str(n.url)})[${inline(n.children)}]`;
      case 'image': return esc(n.alt ?? '');
      case 'html': return '';
      case 'footnoteReference': {
        const d = notes.get(n.identifier);
        return d ? `#footnote[${d.children.map((c) => (c.type === 'paragraph' ? inline(c.children) : block(c, ''))).join(' ')}]` : '';
      }
      default: return n.children ? inline(n.children) : esc(n.value ?? '');
    }
  }
  function block(n, indent) {
    switch (n.type) {
      case 'heading': return `${'='.repeat(n.depth)} ${inline(n.children)}\n`;
      case 'paragraph': return `${indent}${inline(n.children)}\n`;
      case 'list': return n.children.map((item, i) => {
        const mark = n.ordered ? `${(n.start ?? 1) + i}.` : '-';
        const [first, ...rest] = item.children;
        const head = first?.type === 'paragraph' ? inline(first.children) : '';
        const tail = (first?.type === 'paragraph' ? rest : item.children).map((c) => block(c, `${indent}  `)).join('');
        return `${indent}${mark} ${head}\n${tail}`;
      }).join('') + '\n';
      case 'table': {
        const cols = n.children[0]?.children.length ?? 1;
        const cells = n.children.flatMap((row, r) => row.children.map((c) => (r === 0 ? `[#strong[${inline(c.children)}]]` : `[${inline(c.children)}]`)));
        return `#table(columns: ${cols}, ${cells.join(', ')})\n`;
      }
      case 'blockquote': return `#quote(block: true)[\n${n.children.map((c) => block(c, '')).join('\n')}]\n`;
      case 'code': return `#raw(block: true, ${str(n.value)})\n`;
      case 'thematicBreak': return '#line(length: 100%)\n';
      case 'footnoteDefinition': case 'html': case 'yaml': return '';
      default: return n.children ? n.children.map((c) => block(c, indent)).join('\n') : '';
    }
  }
  return root.children.map((c) => block(c, '')).filter(Boolean).join('\n');
}

/**
 * The corpus document (front matter + Markdown body) as one Typst file. `parseMarkdown`
 * is sopkit's parser (remark + GFM), passed in from the package snapshot the bench times.
 */
export function markdownToTypst(markdown, { lang, title, parseMarkdown }) {
  const rtl = lang === 'ar';
  const font = rtl ? 'Noto Naskh Arabic' : 'Noto Serif';
  const setup = [
    `#set document(title: ${str(title ?? '')})`,
    // sopkit's theme (src/layout/theme.ts): A4, margins 70/62/62 pt, 11 pt body with a
    // line height of 1.75 (Arabic) or 1.45, 9.5 pt tables, headings 17/14/12.5/11.5 pt,
    // so both engines set about the same number of pages.
    '#set page(paper: "a4", margin: (top: 70pt, bottom: 62pt, x: 62pt), numbering: "1")',
    `#set text(lang: ${str(lang)}, dir: ${rtl ? 'rtl' : 'ltr'}, font: (${str(font)}, "Noto Serif"), size: 11pt, top-edge: 0.8em, bottom-edge: -0.2em)`,
    `#set par(justify: true, leading: ${rtl ? '0.75em' : '0.45em'}, spacing: 6pt + ${rtl ? '0.75em' : '0.45em'})`,
    '#set heading(numbering: none)',
    '#show heading.where(level: 1): set text(size: 17pt)',
    '#show heading.where(level: 2): set text(size: 14pt)',
    '#show heading.where(level: 3): set text(size: 12.5pt)',
    '#show table: set text(size: 9.5pt)',
    '#set table(inset: 4pt)',
    '',
  ].join('\n');
  return `${setup}${title ? `#align(center, text(size: 18pt, weight: "bold")[${esc(title)}])\n\n` : ''}${convert(parseMarkdown(markdown), lang)}`;
}

// ---------------------------------------------------------------- the timed process
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [input, output, ...fontPaths] = process.argv.slice(2);
  if (!input || !output || !fontPaths.length) {
    process.stderr.write('usage: node bench/typst.mjs IN.typ OUT.pdf FONTDIR...\n');
    process.exit(2);
  }
  const require = createRequire(fileURLToPath(import.meta.url));
  const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths }] });
  const pdf = compiler.pdf({ mainFileContent: readFileSync(input, 'utf8') });
  writeFileSync(output, pdf);
}
