import { createContext, use, useMemo } from 'react';
import type { Language, MessageKey, Messages } from '@varde/contracts';

/**
 * The page language is decided by the server per request and fixed for the life of the document:
 * switching language is a full page load, so only one catalogue is ever loaded in the browser.
 */
export interface I18nValue {
  lang: Language;
  messages: Messages;
}

export const I18nContext = createContext<I18nValue | null>(null);

const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Loads one language's catalogue as its own chunk. */
export async function loadMessages(lang: Language): Promise<Messages> {
  switch (lang) {
    case 'nn':
      return (await import('@varde/contracts/i18n/nn')).nn;
    case 'en':
      return (await import('@varde/contracts/i18n/en')).en;
    default:
      return (await import('@varde/contracts/i18n/nb')).nb;
  }
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslate(messages: Messages): Translate {
  return (key, params = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
}

export interface Formatters {
  lang: Language;
  locale: string;
  t: Translate;
  /** "1 500 000" in Norwegian, "1,500,000" in English. */
  number: (value: number, fractionDigits?: number) => string;
  /** A calendar date ("2027-02-15" → "15. februar 2027"), independent of the time zone. */
  date: (isoDate: string) => string;
  /** A moment in time, shown in Norwegian time so the server and the browser agree. */
  dateTime: (iso: string) => string;
}

export function createFormatters({ lang, messages }: I18nValue): Formatters {
  const locale = locales[lang];
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
  });
  const numberFormats = new Map<number, Intl.NumberFormat>();
  return {
    lang,
    locale,
    t: createTranslate(messages),
    number(value, fractionDigits = 0) {
      let format = numberFormats.get(fractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits });
        numberFormats.set(fractionDigits, format);
      }
      return format.format(value);
    },
    date: (isoDate) => dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
  };
}

/** Text and number/date formatting in the page language. */
export function useI18n(): Formatters {
  const value = use(I18nContext);
  if (!value) throw new Error('I18nContext is missing');
  return useMemo(() => createFormatters(value), [value]);
}
