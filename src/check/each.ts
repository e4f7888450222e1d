import { didYouMean, type Diagnostic } from '../diag/index.js';
import type { MarkdownAnnex, MarkdownFile, ProfileComponent, Section, SopModel } from '../model/index.js';
import { sourceLanguage } from './context.js';
import type { CheckContext, Rule, RuleMeta } from './types.js';

/**
 * What several check rules walk over, written once: the SOP's Markdown files, translations
 * with their source, the component a section holds, rules on front-matter ids that name nothing,
 * and the layout stage's per-language measures. Each list keeps the order the rules have
 * always reported in (sections before annexes, the manifest's language order).
 */

/** A Markdown file that holds SOP text: a section or a Markdown annex. */
export type TextFile = Section | MarkdownAnnex;

/** Every section, then every Markdown annex (PDF annexes have no text to check). */
export function markdownFiles(model: SopModel): TextFile[] {
  return [...model.sections, ...model.annexes.filter((a): a is MarkdownAnnex => a.kind === 'markdown-annex')];
}

/** Sections and Markdown annexes, grouped by kind folder and file name (how translations pair), then by language. */
export function translationGroups(model: SopModel): Map<string, Map<string, MarkdownFile>> {
  const groups = new Map<string, Map<string, MarkdownFile>>();
  for (const f of markdownFiles(model)) {
    const key = `${f.file.split('/')[0]}/${f.name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Map()));
    g.set(f.lang, f);
  }
  return groups;
}

/** Each translation together with the source-language file it translates; a group with no source file has none. */
export function* translationsOfSource(model: SopModel): Generator<{ source: MarkdownFile; lang: string; translation: MarkdownFile }> {
  const src = sourceLanguage(model);
  for (const g of translationGroups(model).values()) {
    const source = g.get(src);
    if (!source) continue;
    for (const [lang, translation] of g) {
      if (lang !== src) yield { source, lang, translation };
    }
  }
}

/**
 * The profile component a section holds and whether the SOP's context requires it (a
 * problem in a required component is an error, elsewhere a warning); undefined for an
 * annex or a section whose component the profile does not know.
 */
export function componentOf(ctx: CheckContext, f: TextFile): { comp: ProfileComponent; required: boolean } | undefined {
  if (f.kind !== 'section') return undefined;
  const comp = ctx.model.profile.components.find((c) => c.id === f.component);
  return comp && { comp, required: ctx.requiredComponents().has(comp.n) };
}

/**
 * A rule that differs from its siblings only by data: each section whose front-matter `key`
 * names an id that is not in `idsOf(model)` is reported as `diagnose` words it, given the
 * known id closest to the one written (if any) and the known ids.
 */
export function unknownIdRule(
  meta: RuleMeta,
  key: 'component' | 'owner',
  idsOf: (model: SopModel) => string[],
  diagnose: (section: Section, value: string, guess: string | undefined, ids: readonly string[]) => Diagnostic,
): Rule {
  return {
    ...meta,
    run(ctx, report) {
      const ids = idsOf(ctx.model);
      for (const s of ctx.model.sections) {
        const value = s[key];
        if (value === undefined || ids.includes(value)) continue;
        report(diagnose(s, value, didYouMean(value, ids), ids));
      }
    },
  };
}

/**
 * Runs a measure of the layout stage (injected through `CheckOptions`, so `check` does not
 * load the PDF code) once per working language, in order, and hands each result to `use`.
 * Without the measure the rule is skipped. A measure that throws reaches `failed` when given
 * (the next language is still measured); otherwise the rule fails with it.
 */
export async function measureEachLanguage<T>(
  ctx: CheckContext,
  measure: ((model: SopModel, lang: string) => Promise<T>) | undefined,
  use: (lang: string, value: T) => void,
  failed?: (lang: string, error: unknown) => void,
): Promise<void> {
  if (!measure) return;
  for (const lang of ctx.model.manifest.languages) {
    let value: T;
    try {
      value = await measure(ctx.model, lang);
    } catch (e) {
      if (!failed) throw e;
      failed(lang, e);
      continue;
    }
    use(lang, value);
  }
}

/** The review interval in months: sop.yaml's, else the profile's; undefined when neither sets one (no schedule to check). */
export function reviewIntervalMonths(model: SopModel): number | undefined {
  return model.manifest.review?.interval_months ?? model.profile.review?.interval_months;
}
