import { measureEachLanguage } from '../each.js';
import type { Rule } from '../types.js';

/**
 * A flowchart drawn in the SOP PDF must keep its text at 8 pt or more: when the text
 * block cannot hold it (or a box is taller than a page), the layout names the node to
 * shorten. The warnings come from the PDF layout itself, through
 * `CheckOptions.diagramFit` (injected like the page counter); without it the rule is skipped.
 */
export const diagramFit: Rule = {
  id: 'diagram-fit',
  severity: 'warning',
  description: 'a flowchart only fits the SOP PDF with its text below 8 pt (the node to shorten is named)',
  help: 'Flowcharts (`::flowchart`) are drawn in the SOP PDF sized to the text block, split over pages when tall, and scaled down to at least 8 pt text. When a chart is too wide even at 8 pt, it is printed smaller and this warning names its widest box: shorten that label (and other long ones) in the data file, or split the flow.',
  run(ctx, report) {
    return measureEachLanguage(ctx, ctx.options.diagramFit, (_lang, warnings) => {
      for (const d of warnings) report(d);
    });
  },
};
