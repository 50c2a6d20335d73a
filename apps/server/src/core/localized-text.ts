/** Picking and formatting text in the request's language. */
import type { Language } from '@varde/contracts';
import type { LocalizedText } from '@varde/contracts/schemes';

export const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export const pick = (text: LocalizedText, lang: Language) => text[lang];

/** A deadline as people in Norway read it: "15. februar 2027 kl. 23:59". */
export function formatDeadline(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}
