import { createContext, use } from 'react';
import type { Language, MessageKey, Messages } from '@varde/contracts';
import { formatCalendarDate, formatOsloDateTime } from './format-date';

/**
 * The page language is decided by the server per request and fixed for the life of the document:
 * switching language is a full page load, so only one catalogue is ever loaded in the browser.
 */
interface I18nValue {
  lang: Language;
  messages: Messages;
}

/** Each language's name, written in that language (for choosing one). */
export const languageNames: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

export const I18nContext = createContext<I18nValue | null>(null);

const loaded = new Map<Language, Promise<Messages>>();

/** Loads one language's catalogue as its own chunk (once: the server renders many pages with it). */
export function loadMessages(lang: Language): Promise<Messages> {
  let messages = loaded.get(lang);
  if (!messages) {
    messages = importMessages(lang);
    loaded.set(lang, messages);
    messages.catch(() => loaded.delete(lang));
  }
  return messages;
}

async function importMessages(lang: Language): Promise<Messages> {
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
  // Most messages have no placeholder: they are returned as they are, without a regular expression.
  return (key, params = {}) => {
    const message = messages[key];
    return message.includes('{')
      ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])))
      : message;
  };
}

export interface Formatters {
  lang: Language;
  t: Translate;
  /** "1 500 000" in Norwegian, "1,500,000" in English. */
  number: (value: number, fractionDigits?: number) => string;
  /** A calendar date ("2027-02-15" → "15. februar 2027"), independent of the time zone. */
  date: (isoDate: string) => string;
  /** A moment in time on an Oslo clock ("15. februar 2027 kl. 13:00"), the same on the server and in the browser. */
  dateTime: (iso: string) => string;
}

/**
 * Numbers as Intl.NumberFormat writes them (nb/nn: "1 234 567,5" with no-break spaces and "−"; en:
 * "1,234,567.5"), without it: creating the first Intl.NumberFormat of a page cost some 50 ms of main
 * thread on a slow phone, and the result is the same on the server and in every browser.
 */
export function formatNumber(value: number, fractionDigits: number, lang: Language): string {
  const english = lang === 'en';
  const [whole = '0', fraction] = Math.abs(value).toFixed(fractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, english ? ',' : '\u00a0');
  const digits = fraction ? `${grouped}${english ? '.' : ','}${fraction}` : grouped;
  return value < 0 && Number(digits.replace(/\D/g, '')) !== 0 ? `${english ? '-' : '\u2212'}${digits}` : digits;
}

/** Dates are written with Varde's own month names (`format-date.ts`): browsers lack nynorsk locale data. */
export function createFormatters({ lang, messages }: I18nValue): Formatters {
  return {
    lang,
    t: createTranslate(messages),
    number: (value, fractionDigits = 0) => formatNumber(value, fractionDigits, lang),
    date: (isoDate) => formatCalendarDate(isoDate, lang),
    dateTime: (iso) => formatOsloDateTime(iso, lang),
  };
}

/** One set of formatters per language and catalogue, shared by every component on the page. */
const formattersByValue = new WeakMap<I18nValue, Formatters>();

/** Text and number/date formatting in the page language. */
export function useI18n(): Formatters {
  const value = use(I18nContext);
  if (!value) throw new Error('I18nContext is missing');
  let formatters = formattersByValue.get(value);
  if (!formatters) {
    formatters = createFormatters(value);
    formattersByValue.set(value, formatters);
  }
  return formatters;
}
