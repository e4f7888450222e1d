import { diagnostic } from '../../diag/index.js';
import type { Rule } from '../types.js';

/**
 * Seed 000: besides the periodic review, the SOP is revised early when the answer to one
 * of the review questions calls for it ("has the context changed?" yes). The latest
 * review in `review.history` that gave such an answer needs an SOP dated after it (a new
 * version); until then this warns at that review's line. Which answer calls for it is
 * the profile's (`early_review_if`, default yes).
 */
export const reviewEarly: Rule = {
  id: 'review-early',
  severity: 'warning',
  description: 'a recorded review answered a review question in a way that calls for revising the SOP, and the SOP has not been revised since',
  help: 'The profile\'s review questions say which answer calls for revising the SOP before the next scheduled review (cpcm-interagency: objectives not met, the context changed, procedures impractical). Revise the sections concerned and issue a new version with a `date` after that review.',
  run(ctx, report) {
    const { manifest, manifestPositions, manifestFile, profile } = ctx.model;
    const questions = profile.review?.questions ?? [];
    const history = manifest.review?.history ?? [];
    if (!questions.length || !history.length) return;
    // The latest review that called for a revision (history is kept in date order, but may be hand-edited).
    let found: { index: number; date: string; why: string[] } | undefined;
    history.forEach((r, index) => {
      if (typeof r.date !== 'string') return;
      const why = questions.filter((q) => typeof r[q.id] === 'boolean' && r[q.id] === (q.early_review_if ?? true));
      if (why.length && (!found || r.date >= found.date)) found = { index, date: r.date, why: why.map((q) => `${q.text.en ?? Object.values(q.text)[0]} ${(q.early_review_if ?? true) ? 'yes' : 'no'}`) };
    });
    if (!found || String(manifest.date) > found.date) return;
    report(
      diagnostic(
        'review-early',
        'warning',
        `the review of ${found.date} answered ${found.why.map((w) => `"${w}"`).join(', ')}: revise the SOP now, not at the next scheduled review (sop.yaml date ${String(manifest.date)} is not after it)`,
        { ...manifestPositions.at(`/review/history/${found.index}`), file: manifestFile },
        'Update the sections the answers concern, then issue a new version dated after the review (sop.yaml `version` and `date`).',
      ),
    );
  },
};
