import { describe, expect, it } from 'vitest';
import { formatNumber } from './i18n';

const locales = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' } as const;

describe('formatNumber', () => {
  // One difference on purpose: a negative number that rounds to zero is written "0", not "−0".
  it('writes numbers exactly as Intl.NumberFormat does in each page language', () => {
    const values = [0, 7, 42, 999, 1000, 1500, 12_345, 773, 53_638, 1_234_567, 5_000_000, 1_500_000_000, -42, -1500];
    for (const [lang, locale] of Object.entries(locales) as [keyof typeof locales, string][]) {
      for (const digits of [0, 1, 2]) {
        const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
        for (const value of [...values, 0.5, 12.25, 461.8, 8104.4]) {
          expect(formatNumber(value, digits, lang), `${lang} ${value} ${digits}`).toBe(intl.format(Number(value.toFixed(digits))));
        }
      }
    }
  });
});
