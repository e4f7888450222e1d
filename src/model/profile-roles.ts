import type { Localized, Profile, ProfileComponent } from './types.js';

/**
 * What a profile says about the roles of its components and the settings of its SOPs,
 * read in one place so the PDF, the site, `check` and `init` agree (no component id or
 * context name is special in code).
 */

/** The signature page: the component flagged `generated: signatures` (`true` is the older spelling). */
export function signatureComponent(profile: Profile): ProfileComponent | undefined {
  return profile.components.find((c) => c.generated === 'signatures' || c.generated === true);
}

/** Whether annex files may stand in for a section of `comp`. */
export function isAnnexContainer(comp: ProfileComponent): boolean {
  return comp.annex_container === true;
}

/** The context ids an SOP of this family may name: `contexts`, else the keys of `required`. */
export function profileContexts(profile: Profile): string[] {
  return Object.keys(profile.contexts ?? profile.required);
}

/** The profile's label of context `id` (undefined when the profile gives none). */
export function contextLabel(profile: Profile, id: string): Localized | undefined {
  return profile.contexts?.[id];
}
