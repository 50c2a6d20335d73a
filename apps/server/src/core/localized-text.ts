/** Picking and formatting text in the request's language. */
import { translate, type Language } from '@varde/contracts';
import type { Deadline, LocalizedText } from '@varde/contracts/schemes';
import { osloParts } from '@varde/domain/calls';

export const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export const pick = (text: LocalizedText, lang: Language) => text[lang];

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** A calendar day as people in Norway read it: "2027-02-15" → "15. februar 2027" (no time zone involved). */
export function formatDate(isoDate: string, lang: Language): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number as the web writes it: "1 500 000" in Norwegian, "1,500,000" in English, at most one decimal. */
export function formatNumber(value: number, lang: Language): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/**
 * A deadline as its source states it: "15. februar 2027 kl. 12:00", or with no stated time
 * "15. februar 2027 (klokkeslett ikke oppgitt)" — never a made-up time.
 */
export function formatDeadline(deadline: Pick<Deadline, 'date' | 'time'>, lang: Language): string {
  const date = formatDate(deadline.date, lang);
  return deadline.time === null ? translate(lang, 'deadline.withoutTime', { date }) : translate(lang, 'deadline.withTime', { date, time: deadline.time });
}

/** An instant on an Oslo clock, written like a deadline with its time (a link's expiry): "15. februar 2027 kl. 12:00". */
export function formatInstant(at: Date, lang: Language): string {
  const p = osloParts(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDeadline({ date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` }, lang);
}
