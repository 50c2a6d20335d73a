import { useI18n, type Formatters } from '../../i18n/i18n';

function createSchemeFormat(i18n: Formatters) {
  const { t, number, locale } = i18n;
  // Made on first use and shared by every component of the page (Intl formatters are costly to create).
  let dayFormat: Intl.DateTimeFormat | undefined;
  let monthFormat: Intl.DateTimeFormat | undefined;
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
    day(iso: string) {
      dayFormat ??= new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });
      return dayFormat.format(new Date(iso));
    },
    /** "Januar 2027" for `2027-01` (capitalised: it starts a heading or caption). */
    month(yearMonth: string) {
      monthFormat ??= new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
      const text = monthFormat.format(new Date(`${yearMonth}-01T00:00:00Z`));
      return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    },
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
