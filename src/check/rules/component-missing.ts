import { diagnostic } from '../../diag/index.js';
import { brokenSectionMayHold } from '../context.js';
import type { Rule } from '../types.js';
import { isAnnexContainer } from '../../model/profile-roles.js';

/** R8: the components the context requires must each have a section in every language. */
export const componentMissing: Rule = {
  id: 'component-missing',
  severity: 'error',
  description: 'a component required in the SOP\'s context has no section in a language',
  help: 'The checklist profile lists, per context (cpcm-interagency: emergency, protracted, development), the components an SOP must contain. Add a section file sections/<lang>/NN-<id>.md whose front-matter says `component: <id>`, or change `context` in sop.yaml if the SOP is in another phase. Components marked `generated` (the signature page) are produced by sopkit and need no file; a component marked `annex_container` (cpcm-interagency: "annexes") is also satisfied by annex files.',
  run(ctx, report) {
    const { model } = ctx;
    const required = ctx.requiredComponents();
    const ctxPos = model.manifestPositions.at('/context');
    for (const lang of model.manifest.languages) {
      // A language with no sections at all is one problem, already reported by the loader.
      if (!model.sections.some((s) => s.lang === lang)) continue;
      for (const comp of model.profile.components) {
        if (!required.has(comp.n) || comp.generated) continue;
        if (model.sections.some((s) => s.lang === lang && s.component === comp.id)) continue;
        if (brokenSectionMayHold(model, lang, comp.id)) continue;
        if (isAnnexContainer(comp) && model.annexes.some((a) => a.kind === 'pdf-annex' || a.lang === lang)) continue;
        const nn = String(comp.n).padStart(2, '0');
        report(
          diagnostic(
            'component-missing',
            'error',
            `component ${comp.n} (${comp.title.en ?? comp.id}) is missing in ${lang}`,
            { ...ctxPos, file: model.manifestFile },
            `Create sections/${lang}/${nn}-${comp.id}.md starting with:\n---\ncomponent: ${comp.id}\ntitle: ${comp.title[lang] ?? comp.title.en ?? comp.id}\n---\n(context "${model.manifest.context}" requires it).`,
          ),
        );
      }
    }
  },
};
