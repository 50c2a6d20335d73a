import type { Deadline } from '@varde/contracts/schemes';
import { formatCalendarDate, formatCalendarDateTime, formatMonth, formatMonthInText, formatOsloDay } from '../../i18n/format-date';
import { useI18n, type Formatters } from '../../i18n/i18n';

function createSchemeFormat(i18n: Formatters) {
  const { t, number, lang } = i18n;
  const nok = (value: number) => t('scheme.nok', { amount: number(value) });
  return {
    ...i18n,
    nok,
    /** A grant range, or null when the catalogue has no amounts. */
    nokRange(min: number | null, max: number | null): string | null {
      if (min !== null && max !== null) return t('scheme.nokRange', { min: number(min), max: number(max) });
      if (max !== null) return t('scheme.nokUpTo', { max: nok(max) });
      if (min !== null) return t('scheme.nokFrom', { min: nok(min) });
      return null;
    },
    percent: (share: number) => t('scheme.percent', { value: number(share * 100, Number.isInteger(share * 100) ? 0 : 1) }),
    /** The calendar day of a moment in Norwegian time ("15. januar 2027"). */
    day: (iso: string) => formatOsloDay(iso, lang),
    /**
     * A deadline as its source states it, in words: "15. februar 2027 kl. 13:00", or "15. februar 2027,
     * klokkeslett ikke oppgitt" when no source states the time (never a made-up time).
     */
    deadlineText: (deadline: Deadline | null): string =>
      deadline === null
        ? t('deadline.none')
        : deadline.time
          ? formatCalendarDateTime(deadline.date, deadline.time, lang)
          : t('deadline.withoutTime', { date: formatCalendarDate(deadline.date, lang) }),
    /** "Januar 2027" for `2027-01` (capitalised: it starts a heading or caption). */
    month: (yearMonth: string) => formatMonth(yearMonth, lang),
    /** "januar 2027" for `2027-01` inside a sentence (Norwegian month names are lower case). */
    monthInText: (yearMonth: string) => formatMonthInText(yearMonth, lang),
  };
}

const byFormatters = new WeakMap<Formatters, ReturnType<typeof createSchemeFormat>>();

/** Amounts, shares and dates of the scheme pages, in the page language and Norwegian time. */
export function useSchemeFormat() {
  const i18n = useI18n();
  let format = byFormatters.get(i18n);
  if (!format) {
    format = createSchemeFormat(i18n);
    byFormatters.set(i18n, format);
  }
  return format;
}
