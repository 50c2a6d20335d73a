import type { Language } from '../vocabulary';
import { en } from './en';
import { nb, type MessageKey, type Messages } from './nb';
import { nn } from './nn';

export const catalogues: Record<Language, Messages> = { nb, nn, en };

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. Unknown keys come back as the key itself. */
export function translate(lang: Language, key: MessageKey | string, params: MessageParams = {}): string {
  const template = (catalogues[lang] as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in nb;
}
