import { diagnostic } from '../../diag/index.js';
import { measureEachLanguage } from '../each.js';
import type { Rule } from '../types.js';

/**
 * R1: the body (annexes excluded) is ideally at most 30 pages, at most the context's
 * hard limit. The page count comes from the layout stage through
 * `CheckOptions.countBodyPages` (injected, so `check` does not depend on the PDF code
 * and tests use a fake counter); without a counter the rule is skipped.
 */
export const pageBudget: Rule = {
  id: 'page-budget',
  severity: 'warning',
  description: 'the SOP body is over its page budget (over the profile\'s soft limit warns, over its hard limit errors)',
  help: 'The checklist profile sets the page budget of the body, annexes excluded (cpcm-interagency: at most 30 pages, never more than the context\'s hard limit: 60 pages in a development context, 30 in emergency and protracted ones). Move detail into annexes, or set page_limits in sop.yaml if the coordination group agreed on other limits.',
  run(ctx, report) {
    const { model } = ctx;
    // The limits are the profile's (cpcm-interagency: 30, and 60 per context), or sop.yaml's
    // own; a family whose profile sets none has no page budget.
    const soft = model.manifest.page_limits?.soft ?? model.profile.page_limits?.soft;
    const hard = model.manifest.page_limits?.hard ?? model.profile.page_limits?.hard?.[model.manifest.context];
    if (soft === undefined && hard === undefined) return;
    const where = model.manifestPositions.has('/page_limits') ? '/page_limits' : '/context';
    return measureEachLanguage(
      ctx,
      ctx.options.countBodyPages,
      (lang, pages) => {
        if (hard !== undefined && pages > hard) {
          report(diagnostic('page-budget', 'error', `the ${lang} body is ${pages} pages, over the hard limit of ${hard} for context "${model.manifest.context}"`, { ...model.manifestPositions.at(where), file: model.manifestFile }, 'Move detail (forms, tools, long tables) into annexes.'));
        } else if (soft !== undefined && pages > soft) {
          report(diagnostic('page-budget', 'warning', `the ${lang} body is ${pages} pages; the guidance recommends at most ${soft}`, { ...model.manifestPositions.at(where), file: model.manifestFile }, 'Move detail (forms, tools, long tables) into annexes to keep the SOP short enough to be read.'));
        }
      },
      (lang, e) => {
        report(diagnostic('page-budget', 'warning', `the body pages in ${lang} could not be counted: ${(e as Error).message ?? e}`, { ...model.manifestPositions.at(where), file: model.manifestFile }, 'Run `sopkit build` to see the layout problem.'));
      },
    );
  },
};
