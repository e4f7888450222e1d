/**
 * "Is the text layer readable in logical order?" measured as a number: the fraction of
 * the source words an extractor gives back in source order, i.e. the longest common
 * subsequence of the source word sequence and the extracted word sequence, divided by
 * the number of source words. Extra extracted words (running headers, page numbers,
 * generated headings) cost nothing; a word that is missing, reversed or moved away
 * from its neighbours counts as not recovered.
 *
 * Used by the verify tests (per page, ≥ 90 % on body pages) and by bench/pdf.mjs (per
 * engine), so both report the same metric.
 */
import { toWords } from './normalize.js';

export { toWords } from './normalize.js';

export interface WordOrderScore {
  /** Number of source words compared. */
  sourceWords: number;
  /** Source words recovered in order (LCS length). */
  recovered: number;
  /** recovered / sourceWords (1 when there are no source words). */
  fraction: number;
}

/** Maps words to small integers so the inner loops compare numbers, not strings. */
function encode(...seqs: ReadonlyArray<readonly string[]>): Int32Array[] {
  const ids = new Map<string, number>();
  return seqs.map((seq) => {
    const out = new Int32Array(seq.length);
    seq.forEach((w, i) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      out[i] = id;
    });
    return out;
  });
}

function lcsEncoded(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Rolling rows over the shorter sequence: O(|a|·|b|) time, O(min) memory.
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  let prev = new Int32Array(short.length + 1);
  let cur = new Int32Array(short.length + 1);
  for (let i = 1; i <= long.length; i++) {
    const x = long[i - 1]!;
    for (let j = 1; j <= short.length; j++) {
      if (x === short[j - 1]) cur[j] = prev[j - 1]! + 1;
      else cur[j] = cur[j - 1]! > prev[j]! ? cur[j - 1]! : prev[j]!;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[short.length]!;
}

/** Length of the longest common subsequence of two word sequences. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const [ea, eb] = encode(a, b);
  return lcsEncoded(ea!, eb!);
}

/** The metric for a whole text: source words recovered in order / source words. */
export function wordOrderScore(source: readonly string[], extracted: readonly string[]): WordOrderScore {
  const recovered = lcsLength(source, extracted);
  return { sourceWords: source.length, recovered, fraction: source.length ? recovered / source.length : 1 };
}

export interface SourceSpan {
  /** First source word index (inclusive). */
  start: number;
  /** Last source word index (inclusive). */
  end: number;
  /** Page words found in the stretch, counted as a multiset (order ignored). */
  overlap: number;
  /** Page words that occur anywhere in the source (the stretch is this long before trimming). */
  candidates: number;
}

/**
 * Where in the source a page's words come from, found WITHOUT looking at their order
 * (otherwise a page extracted backwards would not be found, and would escape the
 * metric): the window of the source, as long as the page has words that occur in the
 * source, that shares the most words with the page (as multisets), trimmed to its
 * first and last shared word. Undefined when no word is shared.
 */
function locateEncoded(source: Int32Array, page: Int32Array, vocab: number): SourceSpan | undefined {
  const need = new Int32Array(vocab);
  const inSource = new Uint8Array(vocab);
  for (const w of source) inSource[w] = 1;
  let len = 0;
  for (const w of page) {
    if (!inSource[w]) continue;
    need[w]!++;
    len++;
  }
  if (len === 0) return undefined;
  len = Math.min(len, source.length);
  const win = new Int32Array(vocab);
  let overlap = 0;
  let best = -1;
  let bestStart = 0;
  for (let i = 0; i < source.length; i++) {
    const w = source[i]!;
    if (win[w]! < need[w]!) overlap++;
    win[w]!++;
    if (i >= len) {
      const out = source[i - len]!;
      win[out]!--;
      if (win[out]! < need[out]!) overlap--;
    }
    if (i >= len - 1 && overlap > best) {
      best = overlap;
      bestStart = i - len + 1;
    }
  }
  if (best <= 0) return undefined;
  let start = bestStart;
  let end = bestStart + len - 1;
  while (start < end && need[source[start]!] === 0) start++;
  while (end > start && need[source[end]!] === 0) end--;
  return { start, end, overlap: best, candidates: len };
}

function vocabSize(...seqs: Int32Array[]): number {
  let max = -1;
  for (const s of seqs) for (const w of s) if (w > max) max = w;
  return max + 1;
}

export function locateSpan(source: readonly string[], page: readonly string[]): SourceSpan | undefined {
  const [s, p] = encode(source, page);
  return locateEncoded(s!, p!, vocabSize(s!, p!));
}

export interface PageWordOrder extends WordOrderScore {
  /** 1-based page number. */
  page: number;
  /** False for pages with (almost) no source text: they have no span and their fraction means nothing. */
  scored: boolean;
  /** The source stretch this page was scored against. */
  span?: { start: number; end: number };
}

export interface PageWordOrderOptions {
  /**
   * A page sharing fewer source words than this with any stretch of the source has no
   * source text (title page, contents, diagrams) and is not scored. Default 20.
   */
  minWords?: number;
  /**
   * A page is scored only when at least this share of its words that occur in the
   * source fall in one stretch of it: pages made mostly of generated text (a services
   * table or flowchart built from data files, the contents) share common words with
   * the source everywhere but with no stretch in particular. Default 0.5.
   */
  minShare?: number;
  /** Source words between two consecutive pages' stretches, up to this many, are charged to both pages. Default 200. */
  maxGap?: number;
}

/**
 * The metric per page. Each page is scored against the source stretch it comes from;
 * the words that fall between the stretches of two facing scored pages (lost at the
 * page break, or at the edge of a page) are charged to both pages, so a page cannot
 * improve its score by dropping its first or last line.
 */
export function pageWordOrder(
  source: readonly string[],
  pages: ReadonlyArray<readonly string[]>,
  options: PageWordOrderOptions = {},
): PageWordOrder[] {
  const minWords = options.minWords ?? 20;
  const minShare = options.minShare ?? 0.5;
  const maxGap = options.maxGap ?? 200;
  const [src, ...enc] = encode(source, ...pages);
  const vocab = vocabSize(src!, ...enc);
  const spans = enc.map((p) => {
    const s = locateEncoded(src!, p, vocab);
    return s && s.overlap >= minWords && s.overlap >= minShare * s.candidates ? { start: s.start, end: s.end } : undefined;
  });
  const located = spans.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
  const widened = spans.map((s) => (s ? { ...s } : undefined));
  for (let k = 0; k + 1 < located.length; k++) {
    // Only between facing pages: the source words of an unscored page in between
    // (a table with generated columns, a diagram) are not lost words of its neighbours.
    if (located[k + 1]! !== located[k]! + 1) continue;
    const a = spans[located[k]!]!;
    const b = spans[located[k + 1]!]!;
    const gap = b.start - a.end - 1;
    if (gap > 0 && gap <= maxGap) {
      widened[located[k]!]!.end = b.start - 1;
      widened[located[k + 1]!]!.start = a.end + 1;
    }
  }
  return enc.map((p, i) => {
    const span = widened[i];
    if (!span) return { page: i + 1, scored: false, sourceWords: 0, recovered: 0, fraction: 1 };
    const stretch = src!.subarray(span.start, span.end + 1);
    const recovered = lcsEncoded(stretch, p);
    return { page: i + 1, scored: true, span, sourceWords: stretch.length, recovered, fraction: stretch.length ? recovered / stretch.length : 1 };
  });
}

/** Convenience: words of a text (see `toWords`) scored against extracted text. */
export function textWordOrder(sourceText: string, extractedText: string): WordOrderScore {
  return wordOrderScore(toWords(sourceText), toWords(extractedText));
}
