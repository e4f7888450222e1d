/**
 * Cheap line scans of a Markdown body, so that `check` parses a file into mdast only when
 * a rule needs the exact tree (links, directives, step headings). Parsing every section
 * with micromark was most of the check's time; these scans answer coarser questions
 * (is there any text? which language is the prose in?) in a few milliseconds.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The body's lines outside fenced code blocks and HTML comments. */
export function linesOutsideCode(body: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of body.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const m = FENCE.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined;
      continue;
    }
    if (m) {
      fence = m[1]!;
      continue;
    }
    out.push(line);
  }
  return out;
}

const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const SETEXT_OR_RULE = /^ {0,3}(=+|-+|\*+|_+)\s*$/;
// Link definitions only: a footnote definition (`[^1]: …`) is text.
const DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:/;

/** True when the body has any text besides headings, rules, comments and link definitions. */
export function hasContent(body: string): boolean {
  if (/^ {0,3}(`{3,}|~{3,})/m.test(body)) return true; // a code block is content
  const lines = body.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || HEADING.test(line) || SETEXT_OR_RULE.test(line) || DEFINITION.test(line)) continue;
    // "Title" followed by "===" or "---" is a setext heading, not text.
    if (/^ {0,3}(=+|-+)\s*$/.test(lines[i + 1] ?? '') && line.trim()) {
      i++;
      continue;
    }
    if (/^\s*<\/?[a-zA-Z][^>]*>\s*$/.test(line)) continue; // a lone HTML tag
    return true;
  }
  return false;
}

/** Could the body hold a leaf or container directive (`::name` / `:::name`)? */
export function mayHaveDirectives(body: string): boolean {
  return body.includes('::');
}

/** Could the body hold a link, image or link definition? */
export function mayHaveLinks(body: string): boolean {
  return body.includes('](') || /^ {0,3}\[(?!\^)[^\]]+\]:/m.test(body);
}

/**
 * The prose of a body for counting letters: no fenced or inline code, HTML, link and
 * image targets, autolinks, or directive attributes.
 */
export function proseText(body: string): string {
  return linesOutsideCode(body)
    .join('\n')
    .replace(/`+[^`\n]*`+/g, ' ')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/\]\([^)\n]*\)/g, '] ')
    .replace(/^ {0,3}\[(?!\^)[^\]]+\]:.*$/gm, ' ')
    .replace(/^\s*:{2,}[a-z][\w-]*(\[[^\]]*\])?(\{[^}]*\})?/gim, ' ');
}

export interface ScannedDirective {
  /** `::` (leaf) or `:::` (container). */
  colons: string;
  name: string;
  attributes: Record<string, string>;
  /** 0-based line in the body and 1-based column of the first colon. */
  line: number;
  column: number;
}

const DIRECTIVE_LINE = /^((?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?)(:{2,})([a-zA-Z][\w-]*)(?:\[[^\]\n]*\])?(?:\{([^}\n]*)\})?[ \t]*$/;

/** `data=x key="y z" #id .class` → `{ data: 'x', key: 'y z' }` (ids and classes are ignored). */
function parseAttributes(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const m of text.matchAll(/([a-zA-Z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    if (m.index! > 0 && /[#.]/.test(text[m.index! - 1]!)) continue;
    out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/**
 * Leaf and container directives standing on their own line (as remark-directive requires),
 * outside fenced code; inside block quotes and list items too. Closing `:::` fences have no
 * name and are not reported.
 */
export function scanDirectives(body: string): ScannedDirective[] {
  const out: ScannedDirective[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((line, i) => {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      return;
    }
    if (f) {
      fence = f[1]!;
      return;
    }
    const m = DIRECTIVE_LINE.exec(line);
    if (!m) return;
    out.push({ colons: m[2]!, name: m[3]!, attributes: parseAttributes(m[4]), line: i, column: m[1]!.length + 1 });
  });
  return out;
}

/**
 * ATX (`## Title`) and setext (`Title` + `===`) headings outside fenced code, with their
 * text stripped of inline markup (emphasis, code ticks, link targets).
 */
export function scanHeadings(body: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | undefined;
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      return;
    }
    if (f) {
      fence = f[1]!;
      return;
    }
    const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    let text: string | undefined;
    if (atx) text = atx[1] ?? '';
    else {
      // A one-line paragraph (blank line before it) underlined with === or --- is a setext heading.
      const underlined = /^ {0,3}(=+|-+)[ \t]*$/.test(lines[i + 1] ?? '');
      const startsParagraph = (lines[i - 1] ?? '').trim() === '';
      const isListOrQuote = /^ {0,3}([-*+>]|\d+[.)]\s)/.test(line);
      if (line.trim() && underlined && startsParagraph && !isListOrQuote) text = line.trim();
    }
    if (text === undefined) return;
    out.push({ line: i, text: text.replace(/\]\([^)]*\)/g, ']').replace(/[*_`\[\]]/g, '').replace(/\s+/g, ' ').trim() });
  });
  return out;
}
