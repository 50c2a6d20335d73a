import { describe, expect, it } from 'vitest';
import {
  dateTimeAttribute,
  formatCalendarDate,
  formatCalendarDateTime,
  formatClockTime,
  formatMonth,
  formatMonthInText,
  formatOsloDateTime,
  formatOsloDay,
  isoDateMonth,
  osloIsoDate,
  osloIsoDateTime,
  weekdayName,
} from './format-date';
import { createFormatters } from './i18n';
import type { Messages } from '@varde/contracts';

const locales = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' } as const;
type Lang = keyof typeof locales;
const langs = Object.keys(locales) as Lang[];

describe('format-date', () => {
  it('writes dates with Norwegian month names in nb and nn, English in en', () => {
    expect(formatCalendarDate('2026-03-05', 'nb')).toBe('5. mars 2026');
    expect(formatCalendarDate('2026-03-05', 'nn')).toBe('5. mars 2026');
    expect(formatCalendarDate('2026-03-05', 'en')).toBe('5 March 2026');
    expect(formatCalendarDate('2027-12-31T23:59:00+01:00', 'nn')).toBe('31. desember 2027');
    expect(formatMonth('2027-01', 'nn')).toBe('Januar 2027');
    expect(formatMonth('2027-05', 'en')).toBe('May 2027');
    // Inside a sentence Norwegian month names stay in lower case; English ones are always capitalised.
    expect(formatMonthInText('2027-01', 'nb')).toBe('januar 2027');
    expect(formatMonthInText('2027-10', 'nn')).toBe('oktober 2027');
    expect(formatMonthInText('2027-05', 'en')).toBe('May 2027');
    expect([0, 1, 5].map((d) => weekdayName(d, 'nn', 'long'))).toEqual(['måndag', 'tysdag', 'laurdag']);
    expect([0, 6].map((d) => weekdayName(d, 'nb', 'short'))).toEqual(['man.', 'søn.']);
    expect(weekdayName(3, 'en', 'long')).toBe('Thursday');
  });

  it('writes a date-only value and a date with a stated Oslo time without converting time zones', () => {
    // A deadline as a source states it: a day, and a time only when stated.
    expect(formatCalendarDate('2027-02-15', 'nn')).toBe('15. februar 2027');
    expect(formatCalendarDateTime('2027-02-15', '13:00', 'nb')).toBe('15. februar 2027 kl. 13:00');
    expect(formatCalendarDateTime('2027-07-01', '00:30', 'nn')).toBe('1. juli 2027 kl. 00:30');
    expect(formatCalendarDateTime('2027-02-15', '09:05', 'en')).toBe('15 February 2027 at 09:05');
    expect(formatClockTime('08:30', 'nn')).toBe('kl. 08:30');
    expect(formatClockTime('08:30', 'en')).toBe('at 08:30');
    expect(isoDateMonth('2027-02-15')).toBe('2027-02');
    expect(dateTimeAttribute('2027-02-15', null)).toBe('2027-02-15');
    expect(dateTimeAttribute('2027-02-15', '13:00')).toBe('2027-02-15T13:00');
  });

  it('reads instants on an Oslo clock across both summer-time changes and midnight', () => {
    // Summer time starts 2026-03-29 at 02:00 (01:00 UTC): the clock jumps to 03:00.
    expect(formatOsloDateTime('2026-03-29T00:59:00Z', 'nn')).toBe('29. mars 2026 kl. 01:59');
    expect(formatOsloDateTime('2026-03-29T01:00:00Z', 'nn')).toBe('29. mars 2026 kl. 03:00');
    // It ends 2026-10-25 at 03:00 (01:00 UTC): 02:30 comes twice.
    expect(formatOsloDateTime('2026-10-25T00:30:00Z', 'nb')).toBe('25. oktober 2026 kl. 02:30');
    expect(formatOsloDateTime('2026-10-25T01:30:00Z', 'nb')).toBe('25. oktober 2026 kl. 02:30');
    expect(formatOsloDateTime('2026-10-25T02:30:00Z', 'en')).toBe('25 October 2026 at 03:30');
    // Late evening UTC is already the next day in Oslo: in winter from 23:00, in summer from 22:00.
    expect(formatOsloDay('2026-12-31T23:30:00Z', 'nn')).toBe('1. januar 2027');
    expect(formatOsloDay('2026-12-31T22:30:00Z', 'nn')).toBe('31. desember 2026');
    expect(formatOsloDay('2026-06-30T22:00:00Z', 'en')).toBe('1 July 2026');
    expect(osloIsoDate('2026-06-30T21:59:00Z')).toBe('2026-06-30');
    expect(osloIsoDate('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    expect(formatOsloDateTime('2027-02-15T23:00:00+01:00', 'nb')).toBe('15. februar 2027 kl. 23:00');
    expect(formatOsloDateTime('2027-02-14T23:00:00Z', 'nb')).toBe('15. februar 2027 kl. 00:00');
  });

  // Node has full ICU, so its text is what the pages read before; only the browser lacked nn.
  it('writes exactly what Intl writes with full locale data, for every day of a year and hours around the clock', () => {
    for (const lang of langs) {
      const date = new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });
      const dateTime = new Intl.DateTimeFormat(locales[lang], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Oslo',
      });
      const month = new Intl.DateTimeFormat(locales[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' });
      const weekday = (width: 'long' | 'short') => new Intl.DateTimeFormat(locales[lang], { weekday: width, timeZone: 'UTC' });
      for (let hours = 0; hours < 366 * 24; hours += 7) {
        const instant = new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000 + 17 * 60_000).toISOString();
        expect(formatOsloDay(instant, lang), `${lang} ${instant}`).toBe(date.format(new Date(instant)));
        expect(formatOsloDateTime(instant, lang), `${lang} ${instant}`).toBe(dateTime.format(new Date(instant)));
      }
      for (let m = 1; m <= 12; m++) {
        const yearMonth = `2027-${String(m).padStart(2, '0')}`;
        const intl = month.format(new Date(`${yearMonth}-01T00:00:00Z`));
        expect(formatMonth(yearMonth, lang)).toBe(intl.charAt(0).toUpperCase() + intl.slice(1));
        expect(formatMonthInText(yearMonth, lang)).toBe(intl);
      }
      for (let d = 0; d < 7; d++) {
        const monday = new Date(Date.UTC(2024, 0, 1 + d)); // 2024-01-01 was a Monday
        expect(weekdayName(d, lang, 'long')).toBe(weekday('long').format(monday));
        expect(weekdayName(d, lang, 'short')).toBe(weekday('short').format(monday));
      }
    }
  });

  // The Oslo clock follows the EU summer-time rule without Intl for 1996–2099 (format-date.ts): the
  // time-zone database must agree at every change and in between.
  it('reads the Oslo clock as the time-zone database does, at every summer-time change from 1996 to 2099', () => {
    const tz = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const fromTz = (time: number) => {
      const p = Object.fromEntries(tz.formatToParts(time).map((part) => [part.type, part.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    const ours = (time: number) => {
      const { date, time: clock } = osloIsoDateTime(time);
      return `${date} ${clock}`;
    };
    const instants: number[] = [];
    for (let year = 1995; year <= 2100; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (let minutes = -180; minutes <= 180; minutes += 15) instants.push(change + minutes * 60_000 - 1, change + minutes * 60_000);
      }
      instants.push(Date.UTC(year, 0, 1) - 1, Date.UTC(year, 0, 1), Date.UTC(year, 11, 31, 22, 59, 59, 999), Date.UTC(year, 11, 31, 23));
      for (let hours = 0; hours < 366 * 24; hours += 997) instants.push(Date.UTC(year, 0, 1) + hours * 3_600_000 + 7 * 60_000);
    }
    for (const time of instants) expect(ours(time), new Date(time).toISOString()).toBe(fromTz(time));
    expect(() => osloIsoDate('not a date')).toThrow(RangeError);
  });

  it('does not depend on the runtime having locale data for the page language', () => {
    const original = Intl.DateTimeFormat;
    // A browser without nynorsk data: any locale but the one Oslo's clock is read with answers in en-US.
    const fake = ((locale?: string | string[], options?: Intl.DateTimeFormatOptions) =>
      new original(locale === 'en-GB' ? 'en-GB' : 'en-US', options)) as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = fake;
    try {
      const nn = createFormatters({ lang: 'nn', messages: {} as Messages });
      expect(nn.date('2027-02-15')).toBe('15. februar 2027');
      expect(nn.dateTime('2027-02-15T12:00:00Z')).toBe('15. februar 2027 kl. 13:00');
    } finally {
      Intl.DateTimeFormat = original;
    }
  });
});
