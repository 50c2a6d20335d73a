import type { Language } from '@varde/contracts/vocabulary';
import type { LocalizedText } from '@varde/contracts/schemes';
import type { Translate } from '../../i18n/i18n';

/**
 * A text of the scheme document in the page language, where only `t` is at hand (a route handle's
 * title): the catalogue names its own language in `editor.textLanguage`.
 */
export function inPageLanguage(t: Translate, text: LocalizedText): string {
  const lang = t('editor.textLanguage') as Language;
  return text[lang] ?? text.nb;
}
