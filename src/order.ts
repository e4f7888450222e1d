/**
 * The one comparison of names and texts for every sort whose order reaches an output or a
 * message (sections in a component, components, fonts in a PDF, diagnostics, reports).
 * `a.localeCompare(b)` with no locale follows the machine's locale (LANG): under da_DK,
 * "aa.md" sorts after "b.md", so the same SOP would give other PDFs on another machine.
 * A fixed locale keeps the order sopkit always had on its reference machines (en-US, which
 * Node takes under LANG=C.UTF-8 too) and makes it the same everywhere. One collator, made
 * on first use: making one costs a few milliseconds, which `check --no-layout` notices.
 */
let collator: Intl.Collator | undefined;

export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('en-US');
  return collator.compare(a, b);
}
