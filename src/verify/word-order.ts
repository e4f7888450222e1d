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

/** LCS lengths of a[a0:a1] against every prefix (or, reversed, every suffix) of b[b0:b1]. */
function lcsRow(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number, reverse: boolean): Int32Array {
  const m = b1 - b0;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i < a1 - a0; i++) {
    const x = reverse ? a[a1 - 1 - i]! : a[a0 + i]!;
    for (let j = 1; j <= m; j++) {
      const y = reverse ? b[b1 - j]! : b[b0 + j - 1]!;
      if (x === y) cur[j] = prev[j - 1]! + 1;
      else cur[j] = cur[j - 1]! > prev[j]! ? cur[j - 1]! : prev[j]!;
    }
    [prev, cur] = [cur, prev];
  }
  return prev;
}

/**
 * One longest common subsequence of a and b, as `match[i]` = index in b of a[i], or −1
 * (Hirschberg: linear memory, so a whole document against its whole extraction fits).
 */
function alignEncoded(a: Int32Array, b: Int32Array): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const go = (a0: number, a1: number, b0: number, b1: number): void => {
    // Equal ends match for free and shrink the work.
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) match[a0++] = b0++;
    while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) match[--a1] = --b1;
    if (a0 >= a1 || b0 >= b1) return;
    if (a1 - a0 === 1) {
      for (let j = b0; j < b1; j++) {
        if (b[j] === a[a0]) {
          match[a0] = j;
          break;
        }
      }
      return;
    }
    const mid = (a0 + a1) >> 1;
    const fwd = lcsRow(a, a0, mid, b, b0, b1, false);
    const bwd = lcsRow(a, mid, a1, b, b0, b1, true);
    const m = b1 - b0;
    let best = -1;
    let split = 0;
    for (let j = 0; j <= m; j++) {
      const v = fwd[j]! + bwd[m - j]!;
      if (v > best) {
        best = v;
        split = j;
      }
    }
    go(a0, mid, b0, b0 + split);
    go(mid, a1, b0 + split, b1);
  };
  go(0, a.length, 0, b.length);
  return match;
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
  // The window is as long as the page's source-like words, running headers and page
  // numbers included, so it reaches into the next page. Trim its ends while the end
  // word is not on the page or is a surplus copy (the window holds more than the page).
  let start = bestStart;
  let end = bestStart + len - 1;
  win.fill(0);
  for (let i = start; i <= end; i++) win[source[i]!]!++;
  const surplus = (w: number) => win[w]! > need[w]!;
  while (start < end && surplus(source[start]!)) win[source[start++]!]!--;
  while (end > start && surplus(source[end]!)) win[source[end--]!]!--;
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
  /** Source words between two facing pages' stretches, up to this many, are charged to both pages. Default 200. */
  maxGap?: number;
  /**
   * Runs of source words whose place among the pages the source does not fix
   * (footnotes: at the foot of the page of their reference, or at the end of the
   * document, depending on the engine). Each run is scored in its own order, on the
   * page that gives back most of it among the words the main alignment left over,
   * and counts for that page and the document; a run found nowhere counts as lost.
   */
  floating?: ReadonlyArray<readonly string[]>;
}

/**
 * The metric per page, consistent with the metric for the whole document. The source
 * is aligned once with the extracted words of all pages in order (one longest common
 * subsequence); a page's stretch of the source runs from the first to the last source
 * word matched on it, and it recovered the words matched on it. Source words between
 * the stretches of two facing pages go to the page that has them out of order, or to
 * both when neither has them (lost at the page break).
 *
 * Which pages are scored is decided WITHOUT looking at word order (`locateSpan`), so
 * a page extracted backwards is scored (and fails) instead of being skipped.
 */
export function pageWordOrder(
  source: readonly string[],
  pages: ReadonlyArray<readonly string[]>,
  options: PageWordOrderOptions = {},
): PageWordOrder[] {
  return wordOrderReport(source, pages, options).pages;
}

/** The metric for the whole document (pages in order) and per page, from one alignment. */
export function wordOrderReport(
  source: readonly string[],
  pages: ReadonlyArray<readonly string[]>,
  options: PageWordOrderOptions = {},
): { document: WordOrderScore; pages: PageWordOrder[] } {
  const minWords = options.minWords ?? 20;
  const minShare = options.minShare ?? 0.5;
  const maxGap = options.maxGap ?? 200;
  const floats = options.floating ?? [];
  const encoded = encode(source, ...pages, ...floats);
  const src = encoded[0]!;
  const enc = encoded.slice(1, 1 + pages.length);
  const floatEnc = encoded.slice(1 + pages.length);
  const vocab = vocabSize(src, ...enc, ...floatEnc);
  const total = enc.reduce((n, p) => n + p.length, 0);
  const all = new Int32Array(total);
  const pageOf = new Int32Array(total);
  const pageStart = new Int32Array(enc.length);
  let at = 0;
  enc.forEach((p, k) => {
    pageStart[k] = at;
    all.set(p, at);
    pageOf.fill(k, at, at + p.length);
    at += p.length;
  });
  const match = alignEncoded(src!, all);
  const first = new Int32Array(enc.length).fill(-1);
  const last = new Int32Array(enc.length).fill(-1);
  const count = new Int32Array(enc.length);
  for (let i = 0; i < match.length; i++) {
    if (match[i]! < 0) continue;
    const k = pageOf[match[i]!]!;
    if (first[k]! < 0) first[k] = i;
    last[k] = i;
    count[k]!++;
  }
  const spans = enc.map((p, k) => {
    const bag = locateEncoded(src!, p, vocab);
    if (!bag || bag.overlap < minWords || bag.overlap < minShare * bag.candidates) return undefined;
    // Nothing matched in order at all: score the page against where its words are.
    return count[k]! > 0 ? { start: first[k]!, end: last[k]! } : { start: bag.start, end: bag.end };
  });
  // Source words between the stretches of two facing pages: a word still on one of the
  // two pages (extracted, but out of order) is charged to that page; a word on neither
  // was lost at the page break and is charged to both.
  const extra = new Int32Array(enc.length);
  const widened = spans.map((s) => (s ? { ...s } : undefined));
  const matchedAt = new Uint8Array(total);
  for (const j of match) if (j >= 0) matchedAt[j] = 1;
  const leftovers = (k: number) => {
    const bag = new Map<number, number>();
    const base = pageStart[k]!;
    enc[k]!.forEach((w, j) => {
      if (!matchedAt[base + j]) bag.set(w, (bag.get(w) ?? 0) + 1);
    });
    return bag;
  };
  const take = (bag: Map<number, number>, w: number) => {
    const n = bag.get(w) ?? 0;
    if (n > 0) bag.set(w, n - 1);
    return n > 0;
  };
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (!a || !b) continue;
    const gap = b.start - a.end - 1;
    if (gap <= 0 || gap > maxGap) continue;
    const here = leftovers(k);
    const next = leftovers(k + 1);
    for (let i = a.end + 1; i < b.start; i++) {
      const w = src![i]!;
      if (take(next, w)) extra[k + 1]!++;
      else if (take(here, w)) extra[k]!++;
      else {
        extra[k]!++;
        extra[k + 1]!++;
      }
    }
    widened[k]!.end = b.start - 1;
    widened[k + 1]!.start = a.end + 1;
  }
  // Floating runs: each against every page's words the alignment left unmatched, in
  // order; the best page keeps the run (and its matched words are used up).
  const floatWords = new Int32Array(enc.length);
  const floatFound = new Int32Array(enc.length);
  let floatTotal = 0;
  let floatRecovered = 0;
  for (const f of floatEnc) {
    floatTotal += f.length;
    let best = 0;
    let bestPage = -1;
    let bestMatch: Int32Array | undefined;
    let bestIndex: number[] = [];
    for (let k = 0; k < enc.length; k++) {
      const index: number[] = [];
      for (let j = 0; j < enc[k]!.length; j++) if (!matchedAt[pageStart[k]! + j]) index.push(j);
      const rest = Int32Array.from(index, (j) => enc[k]![j]!);
      const n = lcsEncoded(f, rest);
      if (n > best) {
        best = n;
        bestPage = k;
        bestMatch = alignEncoded(f, rest);
        bestIndex = index;
      }
    }
    floatRecovered += best;
    if (bestPage < 0) continue;
    for (const j of bestMatch!) if (j >= 0) matchedAt[pageStart[bestPage]! + bestIndex[j]!] = 1;
    floatWords[bestPage]! += f.length;
    floatFound[bestPage]! += best;
  }
  const perPage = enc.map((_, k): PageWordOrder => {
    const span = widened[k];
    if (!span) return { page: k + 1, scored: false, sourceWords: 0, recovered: 0, fraction: 1 };
    const own = spans[k]!;
    const sourceWords = own.end - own.start + 1 + extra[k]! + floatWords[k]!;
    const recovered = Math.min(count[k]! + floatFound[k]!, sourceWords);
    return { page: k + 1, scored: true, span, sourceWords, recovered, fraction: recovered / sourceWords };
  });
  const recovered = count.reduce((n, c) => n + c, 0) + floatRecovered;
  const sourceWords = src.length + floatTotal;
  const document = { sourceWords, recovered, fraction: sourceWords ? recovered / sourceWords : 1 };
  return { document, pages: perPage };
}

/** Convenience: words of a text (see `toWords`) scored against extracted text. */
export function textWordOrder(sourceText: string, extractedText: string): WordOrderScore {
  return wordOrderScore(toWords(sourceText), toWords(extractedText));
}
