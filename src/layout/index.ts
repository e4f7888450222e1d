/**
 * Layout: Markdown trees → positioned, format-free frames (see src/frame/). The renderer
 * in pdf/ reads frames; nothing here knows PDF.
 */
import type { SopModel } from '../model/types.js';
import { countBodyPagesOf } from './document.js';

export { externalUri, percentEncode } from './uri.js';
export { LayoutReuse, type LaidComponent } from './reuse.js';
export { layoutSop, layoutMarkdownAnnex, diagramDiagnostics, runningHeader, annexHeader, annexNumber, componentsFor, type SopLayout } from './document.js';
export { createTheme, PAPER, type Theme, type PageSize } from './theme.js';
export { layoutParagraph, uncoveredCharacters } from '../text/index.js';
export { formatHeadingNumber } from './blocks.js';
export { MIN_DIAGRAM_TEXT } from './diagram.js';

/**
 * Body pages (components, excluding cover, contents and annexes) of the SOP in `lang`,
 * counted from the same layout the PDF uses, without writing files.
 */
export async function countBodyPages(model: SopModel, lang: string): Promise<number> {
  return countBodyPagesOf(model, lang);
}
