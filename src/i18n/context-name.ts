import type { Localized, Profile } from '../model/types.js';
import { primaryLanguage } from './direction.js';
import { hasLabel, label } from './labels.js';
import { localized } from './localized.js';

/**
 * The name of an SOP's context in `lang`, as the cover prints it: the profile's own label
 * in that language; else sopkit's catalogue (profiles written before contexts carried
 * labels); else the profile's label in another language; else the id.
 */
export function contextName(profile: Pick<Profile, 'contexts'>, id: string, lang: string, fallbacks: readonly string[] = []): string {
  const own: Localized | undefined = profile.contexts?.[id];
  if (own && (own[lang] !== undefined || own[primaryLanguage(lang)] !== undefined)) return localized(own, lang);
  if (hasLabel(id, lang) || hasLabel(id, 'en')) return label(id, lang);
  return own ? localized(own, lang, fallbacks) : id;
}
