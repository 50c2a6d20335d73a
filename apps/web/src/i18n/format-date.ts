/**
 * Dates in the page language with Varde's own month and weekday names, the same text on the server
 * and in every browser. `Intl.DateTimeFormat` is not used for words: Chromium ships no nynorsk
 * locale data, so `nn-NO` falls back to American English there ("February 15, 2027") while Node
 * writes "15. februar 2027", and the page fails to hydrate (React error #418). Intl is used only to
 * find the wall clock in Europe/Oslo, as numbers, from a locale every browser has.
 */
import type { Language } from '@varde/contracts';

const norwegianMonths = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'] as const;

const months: Record<Language, readonly string[]> = {
  nb: norwegianMonths,
  nn: norwegianMonths,
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Monday first. Short forms as CLDR writes them on their own (a calendar's column heads). */
const weekdays: Record<Language, { long: readonly string[]; short: readonly string[] }> = {
  nb: {
    long: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
    short: ['man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.', 'søn.'],
  },
  nn: {
    long: ['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'søndag'],
    short: ['mån', 'tys', 'ons', 'tor', 'fre', 'lau', 'søn'],
  },
  en: {
    long: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    short: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
};

interface OsloWallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Made on first use, and only for years the rule below does not cover: creating the first Intl
// formatter with a time zone costs tens of milliseconds of main thread on a slow phone (ICU loads its
// zone and locale data), which the page paid while hydrating.
let osloClock: Intl.DateTimeFormat | undefined;

function osloWallClockFromIntl(instant: Date): OsloWallClock {
  osloClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of osloClock.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute! };
}

/** 01:00 UTC on the last Sunday of a month (0-based), when European summer time starts or ends. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

const HOUR_MS = 3_600_000;

/**
 * The date and time on a clock in Oslo at this instant (summer time included). Norway keeps CET
 * (UTC+1) with the EU's summer time (UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October) since 1996; the test checks this against the time-zone database for
 * every change from 1996 to 2099. Other years (and invalid dates, which throw) go through Intl.
 */
function osloWallClock(instant: string | number | Date): OsloWallClock {
  const date = instant instanceof Date ? instant : new Date(instant);
  const time = date.getTime();
  const year = date.getUTCFullYear();
  if (!(year >= 1996 && year <= 2099)) return osloWallClockFromIntl(date);
  const summer = time >= lastSundayOneUtc(year, 2) && time < lastSundayOneUtc(year, 9);
  const oslo = new Date(time + (summer ? 2 : 1) * HOUR_MS);
  return { year: oslo.getUTCFullYear(), month: oslo.getUTCMonth() + 1, day: oslo.getUTCDate(), hour: oslo.getUTCHours(), minute: oslo.getUTCMinutes() };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` and `HH:MM` of an instant on an Oslo clock (from numeric parts, not a locale's pattern). */
export function osloIsoDateTime(instant: string | number | Date): { date: string; time: string } {
  const { year, month, day, hour, minute } = osloWallClock(instant);
  return { date: `${year}-${pad(month)}-${pad(day)}`, time: `${pad(hour)}:${pad(minute)}` };
}

/** `YYYY-MM-DD` of an instant in Oslo. */
export const osloIsoDate = (instant: string | number | Date): string => osloIsoDateTime(instant).date;

/** `YYYY-MM` of an instant in Oslo. */
export const osloIsoMonth = (instant: string | number | Date): string => osloIsoDate(instant).slice(0, 7);

function writeDate(year: number, month: number, day: number, lang: Language): string {
  const name = months[lang][month - 1];
  return lang === 'en' ? `${day} ${name} ${year}` : `${day}. ${name} ${year}`;
}

/** A calendar date, whatever the time zone: "2027-02-15" → "15. februar 2027" / "15 February 2027". */
export function formatCalendarDate(isoDate: string, lang: Language): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return writeDate(year, month, day, lang);
}

/**
 * A date with the time a source states for it, both already on an Oslo clock (a deadline's `date` and
 * `time`): ("2027-02-15", "13:00") → "15. februar 2027 kl. 13:00" / "15 February 2027 at 13:00". No
 * time zone conversion: the values are what the source says.
 */
export function formatCalendarDateTime(isoDate: string, time: string, lang: Language): string {
  return `${formatCalendarDate(isoDate, lang)} ${formatClockTime(time, lang)}`;
}

/** A time of day on an Oslo clock on its own: "13:00" → "kl. 13:00" / "at 13:00". */
export function formatClockTime(time: string, lang: Language): string {
  return `${lang === 'en' ? 'at' : 'kl.'} ${time}`;
}

/** `YYYY-MM` of a calendar date (`YYYY-MM-DD`). */
export const isoDateMonth = (isoDate: string): string => isoDate.slice(0, 7);

/**
 * The `datetime` attribute of a `<time>` for a date and an optional Oslo wall-clock time: `2027-02-15`
 * or `2027-02-15T13:00` (a local date and time, as HTML allows; the zone is always Europe/Oslo).
 */
export const dateTimeAttribute = (isoDate: string, time: string | null): string => (time ? `${isoDate}T${time}` : isoDate);

/** The day in Oslo of an instant: "2027-02-14T23:30:00Z" → "15. februar 2027". */
export function formatOsloDay(instant: string, lang: Language): string {
  const { year, month, day } = osloWallClock(instant);
  return writeDate(year, month, day, lang);
}

/** An instant on an Oslo clock: "15. februar 2027 kl. 13:00" / "15 February 2027 at 13:00". */
export function formatOsloDateTime(instant: string, lang: Language): string {
  const { date, time } = osloIsoDateTime(instant);
  return formatCalendarDateTime(date, time, lang);
}

/**
 * A month inside a sentence: "2027-02" → "februar 2027" / "February 2027". Norwegian writes month
 * names in lower case ("Forrige måned (februar 2027)"); English always capitalises them.
 */
export function formatMonthInText(yearMonth: string, lang: Language): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return `${months[lang][month - 1]!} ${year}`;
}

/** A month that starts a heading or a caption: "2027-02" → "Februar 2027" / "February 2027". */
export function formatMonth(yearMonth: string, lang: Language): string {
  const text = formatMonthInText(yearMonth, lang);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The name of a weekday, 0 = Monday. */
export function weekdayName(mondayFirstIndex: number, lang: Language, width: 'long' | 'short'): string {
  return weekdays[lang][width][mondayFirstIndex]!;
}
