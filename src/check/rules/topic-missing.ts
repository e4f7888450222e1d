import { diagnostic } from '../../diag/index.js';
import type { SourcePosition } from '../../diag/index.js';
import { brokenSectionMayHold, valuePosition } from '../context.js';
import { headingsIn } from '../scan.js';
import { keywordMatcher, keywordsFor } from '../keywords.js';
import { foldForMatch } from '../text.js';
import type { Rule } from '../types.js';

/**
 * A topic the profile requires (cpcm-interagency: the exit strategy; a family of the
 * user's own: whatever its guidance says an SOP "must include") needs a heading, in each
 * working language, that contains one of the topic's keywords as whole words. Unlike a
 * component's `steps`, a topic may sit in any section, or in the ones the profile names.
 */
export const topicMissing: Rule = {
  id: 'topic-missing',
  severity: 'error',
  description: 'a topic the checklist profile requires (e.g. the exit strategy) has no heading in a language',
  help: 'The profile lists topics (`topics:`) an SOP of its family must cover and, per language, keywords of which one must appear in a heading, e.g. "## Exit strategy". Keywords match as whole words (the same folding as component steps). A topic with `components:` is looked for in those components\' sections only; `severity: warning` marks a recommended topic; `contexts:` limits it to some contexts.',
  run(ctx, report) {
    const { model } = ctx;
    for (const topic of model.profile.topics ?? []) {
      if (topic.contexts && !topic.contexts.includes(model.manifest.context)) continue;
      const severity = topic.severity ?? 'error';
      for (const lang of model.manifest.languages) {
        const all = model.sections.filter((s) => s.lang === lang);
        if (!all.length) continue; // the loader reports a language without sections
        const sections = topic.components ? all.filter((s) => s.component !== undefined && topic.components!.includes(s.component)) : all;
        // A broken front-matter block may hide the section that holds it: one error is enough.
        if (topic.components?.some((id) => brokenSectionMayHold(model, lang, id)) || (!topic.components && all.some((s) => s.frontMatterBroken))) continue;
        const words = keywordsFor(topic.keywords, lang);
        if (!words?.length) continue;
        const headings = sections.flatMap((s) => headingsIn(ctx.view(s).tree).map((h) => foldForMatch(h.text)));
        if (headings.some(keywordMatcher(words, lang))) continue;
        const title = topic.title[lang] ?? topic.title.en ?? topic.id;
        // Where to write it: the first section of the named components, else sop.yaml's profile line.
        const where: SourcePosition = sections[0] && topic.components ? valuePosition(sections[0], 'component') : { ...model.manifestPositions.at('/profile'), file: model.manifestFile };
        const inWhat = topic.components ? ` in ${topic.components.join(' or ')}` : '';
        report(
          diagnostic(
            'topic-missing',
            severity,
            `the ${lang} SOP does not cover the topic "${topic.title.en ?? topic.id}"${inWhat}: no heading contains ${words.map((w) => `"${w}"`).join(' or ')}`,
            where,
            `Add a heading for it${inWhat ? ` to a section of ${topic.components!.join(' or ')}` : ''}, e.g. "## ${title}", and describe it (the profile ${model.profile.id} requires it).`,
          ),
        );
      }
    }
  },
};
