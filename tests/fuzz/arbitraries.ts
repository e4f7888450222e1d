// Generators of hostile and near-valid SOP inputs for the fuzz lane (fast-check).
import fc from 'fast-check';
import { stringify } from 'yaml';
import { DIRECTIVES } from '../../src/markdown/index.js';

// ---------------------------------------------------------------- text pieces

/** Characters that have broken text pipelines elsewhere: controls, NUL, BOM, lone surrogates, bidi controls, marks. */
const NASTY = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\t', '\u001b', '\u007f', '\u0085', '\u00a0',
  '\ufeff', '\ufffe', '\uffff', '\ufffd', '\ud800', '\udfff', '\udbff', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\u0640',
  '\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652', '\u0301\u0302\u0303\u0304', '\u2028', '\u2029', '\u00ad',
  '😀', '👩🏽‍👧', '←', '→', '☐', '✓', '𝔸', '\u{10ffff}', '\u{e0001}', 'ﷺ', 'ﷲ', '﷽', 'ǅ', 'ß', 'İ',
];
const AR_WORDS = ['الطفل', 'الحالة', 'إدارة', 'الحماية', 'مؤهل', 'خطر', 'الأسرة', 'أخصائي', 'ٱلْحَمْدُ', 'لا', '٣', '١٢٣٫٤٥'];
const EN_WORDS = ['child', 'case', 'risk', 'referral', 'UNICEF', 'GBV', 'MHPSS', '24/7', '+964 750 000 0201', 'a.b@c.org', 'O\'Neil', 'post-exposure'];
const PUNCT = ['.', ',', ':', ';', '!', '?', '(', ')', '[', ']', '{', '}', '<', '>', '"', "'", '`', '*', '_', '~', '|', '\\', '#', '&', '%', '$', '^', '=', '+', '-', '/', '@', '«', '»', '،', '؛', '؟'];

export const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EN_WORDS, ...AR_WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.constantFrom(...PUNCT) },
  // Huge words: wider than any column, URLs, codes.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'ب', 'https://example.org/', '٣', 'W', '—'), fc.integer({ min: 50, max: 3000 })).map(([c, n]) => c.repeat(Math.ceil(n / c.length))) },
);

const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));

// ---------------------------------------------------------------- Markdown

const URLS = ['https://example.org/a b', 'mailto:a@b.org', 'javascript:alert(1)', 'file:///etc/passwd', '../../outside.md', '#criteria', '#', 'https://مثال.إختبار/مسار', 'data:text/html,<script>', '', '<>', 'http://[::1]', 'img.png', '../sop.yaml', '/etc/passwd', '%00', '\u0000'];

export const inline: fc.Arbitrary<string> = fc.letrec<{ inl: string }>((tie) => ({
  inl: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    { weight: 8, arbitrary: words(6) },
    { weight: 1, arbitrary: tie('inl').map((t) => `*${t}*`) },
    { weight: 1, arbitrary: tie('inl').map((t) => `**${t}**`) },
    { weight: 1, arbitrary: tie('inl').map((t) => `~~${t}~~`) },
    { weight: 1, arbitrary: words(3).map((t) => `\`${t}\``) },
    { weight: 1, arbitrary: fc.tuple(tie('inl'), fc.constantFrom(...URLS)).map(([t, u]) => `[${t}](${u})`) },
    { weight: 1, arbitrary: fc.constantFrom(...URLS).map((u) => `<${u}>`) },
    { weight: 1, arbitrary: fc.tuple(words(2), fc.constantFrom('missing.png', 'https://x.org/a.png', '../../x.png', 'data/eligibility.yaml', 'annexes/02-dpia.pdf')).map(([a, u]) => `![${a}](${u})`) },
    { weight: 1, arbitrary: fc.constantFrom('1', '2', 'a', 'x y', '').map((l) => `[^${l}]`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('abbr', 'x', 'criteria', ''), tie('inl')).map(([n, t]) => `:${n}[${t}]`) },
    { weight: 1, arbitrary: fc.constantFrom('<b>', '</b>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!--', '-->', '&amp;', '&#0;', '&#x110000;', '&nbsp;') },
    // Deep inline nesting, past the limit at times.
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom('*', '**', '~~', '[')).map(([n, m]) => (m === '[' ? `${'['.repeat(n)}x${'](u)'.repeat(n)}` : `${`${m}a `.repeat(n)}x${` b${m}`.repeat(n)}`)) },
  ),
})).inl;

const directiveName = fc.oneof(fc.constantFrom(...DIRECTIVES.map((d) => d.name)), fc.constantFrom('flowchrt', 'criteria ', 'Card', 'script', '', '::', 'x-y'));
const dataName = fc.oneof(fc.constantFrom('eligibility', 'case-steps', 'prioritisation', 'urgent-action', 'services', 'pathways'), fc.constantFrom('missing', '../sop', '', 'eligibility.yaml', '"quoted"', 'a b'));
export const directive: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(directiveName, dataName).map(([n, d]) => `::${n}{data=${d}}`),
  directiveName.map((n) => `::${n}`),
  fc.tuple(directiveName, fc.constantFrom('{data=', '{', '}', '{data=eligibility', '{#id .class key="v"}', '{data=eligibility data=services}', '[label]{data=eligibility}', '[')).map(([n, a]) => `::${n}${a}`),
  fc.tuple(directiveName, fc.constantFrom(':::', '::::')).map(([n, f]) => `${f}${n}\ninside\n${f}`),
  fc.constant(':::x\nnever closed'),
);

const tableRow = (cols: number) => fc.array(fc.oneof(inline, fc.constant(''), fc.constant('\\|')), { minLength: 0, maxLength: cols + 2 }).map((cells) => `| ${cells.join(' | ')} |`);
export const table: fc.Arbitrary<string> = fc.integer({ min: 1, max: 12 }).chain((cols) =>
  fc.tuple(tableRow(cols), fc.array(tableRow(cols), { maxLength: 6 }), fc.constantFrom('---', ':--', '--:', ':-:', '-', '')).map(([head, rows, sep]) => [head, `|${` ${sep} |`.repeat(cols)}`, ...rows].join('\n')),
);

const nestMarkers = ['> ', '- ', '* ', '1. ', '+ ', '- [ ] ', '- [x] ', '[^n]: '];
/** A chain of containers on one line or by indentation, 0–45 levels (the limit is 32). */
export const deepBlock: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 0, max: 45 }), fc.array(fc.constantFrom(...nestMarkers), { minLength: 1, maxLength: 3 }), fc.boolean(), inline).map(([n, markers, oneLine, text]) => {
  if (oneLine) return `${Array.from({ length: n }, (_, i) => markers[i % markers.length]).join('')}${text}`;
  return Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- ${text}`).join('\n');
});

export const block: fc.Arbitrary<string> = fc.letrec<{ blk: string }>((tie) => ({
  blk: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    { weight: 6, arbitrary: inline },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([d, t]) => `${'#'.repeat(d)} ${t}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] ', '- [x] '), fc.array(tie('blk'), { minLength: 1, maxLength: 4 })).map(([m, items]) => items.map((i) => `${m}${i.replace(/\n/g, '\n   ')}`).join('\n')) },
    { weight: 1, arbitrary: tie('blk').map((b) => b.split('\n').map((l) => `> ${l}`).join('\n')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````', '```js'), words(8), fc.boolean()).map(([f, t, close]) => `${f}\n${t}\n${close ? f.replace(/[a-z]+$/, '') : ''}`) },
    { weight: 1, arbitrary: words(5).map((t) => `    ${t}`) },
    { weight: 2, arbitrary: table },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('1', '2', 'a', 'x y', ''), tie('blk')).map(([l, b]) => `[^${l}]: ${b.replace(/\n/g, '\n    ')}`) },
    { weight: 2, arbitrary: directive },
    { weight: 1, arbitrary: fc.constantFrom('---', '***', '___', '- - -', '<div>', '</div>', '<script>alert(1)</script>', '<!-- comment', '::pagebreak', '<details><summary>x</summary>') },
    { weight: 1, arbitrary: deepBlock },
  ),
})).blk;

/** A Markdown body: blocks joined by blank lines or single newlines (lazy continuations, merged blocks). */
export const markdownBody: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n', '\n\n\n', '\r\n\r\n', '\n \n')), { maxLength: 12 }), fc.constantFrom('', '\ufeff', '\u0000', '\n'))
  .map(([parts, prefix]) => prefix + parts.map(([b, sep]) => b + sep).join(''));

// ---------------------------------------------------------------- YAML

/** A scalar of any YAML-ish kind, some hostile. */
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: words(4) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-31', '2026-13-01', '99999-01-01', '1.0', '2.1', 'draft', 'final', 'emergency', 'A4', 'Letter', 'ar', 'en', 'xx', '', ' ', 'TODO(sopkit)', 'mini', 'cpcm-interagency', '../../etc/passwd', '1e400', '0x1F', '.inf', '.nan', '~', 'yes', 'no', 'on') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);

const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    { weight: 4, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('v'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('id', 'title', 'en', 'ar', 'label', 'text', 'version', 'date', 'nodes', 'edges', 'from', 'to', 'type', 'next'), fc.string({ maxLength: 8 })), tie('v'), { maxKeys: 4 }) },
  ),
})).v;

type Json = unknown;
/** Every path (list of keys/indexes) of a value, for mutations. */
function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}
function setAt(root: Json, p: (string | number)[], f: (old: Json) => Json | undefined): Json {
  if (p.length === 0) return f(root);
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  const [k, ...rest] = p;
  if (rest.length === 0) {
    const nv = f(copy[k!]);
    if (nv === undefined) {
      if (Array.isArray(copy)) copy.splice(k as number, 1);
      else delete copy[k!];
    } else copy[k!] = nv;
    return copy;
  }
  copy[k!] = setAt(copy[k!], rest, f);
  return copy;
}

type Mutation = { kind: 'delete' | 'replace' | 'wrap' | 'dup'; value: unknown; pick: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom('delete', 'replace', 'replace', 'wrap', 'dup') as fc.Arbitrary<Mutation['kind']>, value: anyValue, pick: fc.nat() });

function mutate(value: Json, muts: Mutation[]): Json {
  let v = value;
  for (const m of muts) {
    const ps = paths(v);
    const p = ps[m.pick % ps.length]!;
    if (p.length === 0) continue;
    v = setAt(v, p, (old) => {
      switch (m.kind) {
        case 'delete':
          return undefined;
        case 'replace':
          return m.value;
        case 'wrap':
          return [old];
        case 'dup':
          return Array.isArray(old) ? [...old, ...old] : old;
      }
    });
  }
  return v;
}

/** Text-level damage to a YAML document: what a hand edit or a bad copy does. */
const TEXT_DAMAGE: Array<(t: string, n: number) => string> = [
  (t, n) => t.slice(0, n % (t.length + 1)),
  (t, n) => { const lines = t.split('\n'); const i = n % lines.length; lines[i] = `\t${lines[i]}`; return lines.join('\n'); },
  (t, n) => { const lines = t.split('\n'); const i = n % lines.length; lines.splice(i, 0, lines[i]!); return lines.join('\n'); },
  (t, n) => { const i = n % (t.length + 1); return `${t.slice(0, i)}: [{"'${t.slice(i)}`; },
  (t) => `\ufeff${t}`,
  (t) => t.replace(/\n/g, '\r\n'),
  (t, n) => { const i = n % (t.length + 1); return `${t.slice(0, i)}\u0000${t.slice(i)}`; },
  (t, n) => `${t}\nx: ${'['.repeat(20 + (n % 100))}${']'.repeat(20 + (n % 100))}\n`,
  (t) => `${t}\nbomb: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
  (t) => `${t}\n${Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
  (t) => `${t}\n---\nsecond: document\n`,
  (t) => `%YAML 1.1\n---\n${t}`,
  (t) => `${t}\n*undefined_alias\n`,
  (t) => t.replace(/: /, ': &anchor ').concat('\nref: *anchor\n'),
];

export interface YamlSeed {
  /** Where the YAML goes: a file path, or a section's front-matter (`front-matter:sections/en/x.md`). */
  target: string;
  value: unknown;
}

/** Near-valid variations of a valid value (key dropped, wrong type, odd strings) and text-level damage, plus junk. */
export function yamlText(seed: YamlSeed): fc.Arbitrary<string> {
  const nearValid = fc.array(mutation, { minLength: 0, maxLength: 4 }).map((ms) => {
    const v = mutate(seed.value, ms);
    try {
      return stringify(v);
    } catch {
      return JSON.stringify(v) ?? '';
    }
  });
  const damaged = fc.tuple(nearValid, fc.integer({ min: 0, max: TEXT_DAMAGE.length - 1 }), fc.nat()).map(([t, i, n]) => TEXT_DAMAGE[i]!(t, n));
  const junk = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    anyValue.map((v) => { try { return stringify(v); } catch { return ''; } }),
    fc.constantFrom('', '\n', '---', '...', '- a\n- b', '[', '{', '"', "'", ': :', '? ', '!!binary AAAA', '!!js/function "x"', '&a *a', 'a: b: c', 'key:\n\t- tab'),
  );
  return fc.oneof({ weight: 4, arbitrary: nearValid }, { weight: 3, arbitrary: damaged }, { weight: 1, arbitrary: junk });
}
