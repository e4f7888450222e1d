import type { Rule } from '../types.js';
import { annexNumbering } from './annex-numbering.js';
import { annexPdf } from './annex-pdf.js';
import { annexRecommended } from './annex-recommended.js';
import { charUnsupported } from './char-unsupported.js';
import { componentDuplicate } from './component-duplicate.js';
import { componentEmpty } from './component-empty.js';
import { componentMissing } from './component-missing.js';
import { componentPlaceholder } from './component-placeholder.js';
import { componentSteps } from './component-steps.js';
import { componentUnknown } from './component-unknown.js';
import { dataFlow } from './data-flow.js';
import { dataReference } from './data-reference.js';
import { diagramFit } from './diagram-fit.js';
import { directiveRule } from './directive.js';
import { endorsementPending } from './endorsement-pending.js';
import { linkBroken } from './link-broken.js';
import { loadProblems } from './load-problems.js';
import { ownerUnknown } from './owner-unknown.js';
import { pageBudget } from './page-budget.js';
import { reviewEarly } from './review-early.js';
import { reviewOverdue } from './review-overdue.js';
import { sectionLanguage } from './section-language.js';
import { servicesStale } from './services-stale.js';
import { topicMissing } from './topic-missing.js';
import { translationMissing } from './translation-missing.js';
import { translationNotSynced, translationStale } from './translation-stale.js';

/** Every rule of `sopkit check`, in the order they run. Ids are stable: never rename one. */
export const RULES: readonly Rule[] = [
  loadProblems,
  componentMissing,
  componentUnknown,
  componentDuplicate,
  componentEmpty,
  componentPlaceholder,
  componentSteps,
  topicMissing,
  reviewOverdue,
  reviewEarly,
  translationMissing,
  translationStale,
  translationNotSynced,
  annexNumbering,
  annexPdf,
  annexRecommended,
  endorsementPending,
  directiveRule,
  dataReference,
  servicesStale,
  ownerUnknown,
  linkBroken,
  dataFlow,
  sectionLanguage,
  charUnsupported,
  pageBudget,
  diagramFit,
];

export {
  annexNumbering, annexPdf, annexRecommended, charUnsupported, componentDuplicate, componentEmpty, componentMissing, componentPlaceholder, componentSteps,
  componentUnknown, dataFlow, dataReference, diagramFit, directiveRule, endorsementPending, linkBroken, loadProblems, ownerUnknown,
  pageBudget, reviewEarly, reviewOverdue, sectionLanguage, servicesStale, topicMissing, translationMissing, translationNotSynced, translationStale,
};
