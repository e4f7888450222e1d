import { diagnostic } from '../../diag/index.js';
import { addMonths, parseIsoDate } from '../text.js';
import type { Profile } from '../../model/types.js';
import type { Rule } from '../types.js';
import { reviewIntervalMonths } from '../each.js';

/** The profile's review questions for the hint (diagnostics are in English), or nothing. */
function questionList(profile: Profile): string {
  const qs = profile.review?.questions ?? [];
  return qs.length ? ` (answer: ${qs.map((q) => q.text.en ?? Object.values(q.text)[0]).join(' ')})` : '';
}

/** R7: review at least every `interval_months` (sop.yaml's, else the profile's); "today" comes from the options, never the clock. */
export const reviewOverdue: Rule = {
  id: 'review-overdue',
  severity: 'error',
  description: 'the SOP\'s periodic review is overdue (review.last + review.interval_months is before today)',
  help: 'The SOP is reviewed at least every review.interval_months (sop.yaml\'s, else the checklist profile\'s: six months for cpcm-interagency), earlier when the context changes. Hold the review, then set review.last in sop.yaml to its date (and add it to review.history). CI can pin the date with --today YYYY-MM-DD.',
  run(ctx, report) {
    const { manifest, manifestPositions, manifestFile } = ctx.model;
    const last = parseIsoDate(manifest.review?.last);
    if (!last) return; // the schema check reports a malformed date
    // sop.yaml's interval, else the profile's (cpcm-interagency: 6); neither: no schedule to check.
    const months = reviewIntervalMonths(ctx.model);
    if (months === undefined) return;
    const due = addMonths(last, months);
    if (due >= ctx.options.today) return;
    report(
      diagnostic(
        'review-overdue',
        'error',
        `the review is overdue: last review ${manifest.review.last} + ${months} months = due ${due}, and today is ${ctx.options.today}`,
        { ...manifestPositions.at('/review/last'), file: manifestFile },
        `Review the SOP with the agencies${questionList(ctx.model.profile)}, then set review.last to the review date (and record it under review.history).`,
      ),
    );
  },
};
