/**
 * Text as extractors return it differs from the text that was typeset in ways that do
 * not change what a reader sees: presentation forms instead of base letters (NFKC
 * folds them), bidi controls, zero-width joiners, and arbitrary runs of spaces between
 * text items. Both sides of every comparison in `verify` go through `normalizeText`.
 */

/**
 * Bidi controls, zero-width characters, soft hyphens and variation selectors: invisible,
 * and an extractor may or may not emit them. Variation selectors matter in practice:
 * sopkit's own PDFs give the text-less glyphs of Noto Naskh (the dots split off a
 * letter) codes in U+FE00–FE0F, and pdf.js returns those codes as text.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFE00-\uFE0F\uFEFF]|\uDB40[\uDD00-\uDDEF]/g;

/** NFKC, invisible format characters removed, every run of white space one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** Like `normalizeText` but with no white space at all: spacing between items is unreliable. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}

/**
 * The words of a text, in order: maximal runs of letters, marks and digits after
 * normalization. Punctuation is dropped because extractors move it across run
 * boundaries ("(SOP)" may come back as "( )SOP", an Arabic comma may attach to the
 * next word), which says nothing about whether the words themselves are in order.
 */
export function toWords(text: string): string[] {
  // A combining mark never starts a word: a space an extractor put before one (pdf.js
  // does when a mark glyph is positioned on its own) is not a word boundary.
  return normalizeText(text).replace(/ (?=\p{M})/gu, '').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
