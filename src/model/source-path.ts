/**
 * Where a file sits in an SOP folder's source layout (PRODUCT.md): `sections/<lang>/<name>`
 * or `annexes/<lang>/<name>`, relative to the SOP folder, with `/` (or the watcher's `\` on
 * Windows) between parts. One reading of the layout for the commands that take such paths
 * (`i18n sync`, `init`'s templates) and for `serve`, which builds the saved language first.
 */
export interface LanguageFile {
  kind: 'sections' | 'annexes';
  lang: string;
  /** The rest of the path after the language folder (may hold further folders). */
  name: string;
}

export function languageFile(rel: string): LanguageFile | undefined {
  const m = /^(sections|annexes)[\\/]([^\\/]+)[\\/](.+)$/.exec(rel);
  return m ? { kind: m[1] as LanguageFile['kind'], lang: m[2]!, name: m[3]! } : undefined;
}
