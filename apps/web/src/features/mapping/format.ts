import type { RateCell } from '@varde/contracts/mapping-api';
import type { MappingBand } from '@varde/contracts/mapping-vocabulary';
import { type Formatters, useI18n } from '../../i18n/i18n';

function createMappingFormat(i18n: Formatters) {
  const { t, number } = i18n;
  /** "24 %", "2,5 %" under 10 %, "–" without a base. */
  const share = (rate: number | null): string => {
    if (rate === null) return t('analytics.noBase');
    const value = rate * 100;
    return t('analytics.percent', { value: number(value, value < 10 && !Number.isInteger(value) ? 1 : 0) });
  };
  return {
    ...i18n,
    share,
    /** "12 av 50 (24 %)" */
    cell: (cell: RateCell): string =>
      cell.municipalities === 0
        ? t('analytics.noMunicipalities')
        : t('analytics.cell', { participants: number(cell.participants), municipalities: number(cell.municipalities), share: share(cell.rate) }),
    /** "1 – mest sentral" */
    classLabel: (c: number) => t('centrality.option', { class: c, label: t(`centrality.class${c}` as 'centrality.class1') }),
    bandLabel: (band: MappingBand) => t(`mappingBand.${band}`),
    /** A mean with one decimal ("1,4"). */
    mean: (value: number) => number(value, 1),
    /** A signed difference with one decimal ("+0,8", "−1,2", "0,0"). */
    signed: (value: number) => (value > 0.05 ? `+${number(value, 1)}` : number(Math.abs(value) < 0.05 ? 0 : value, 1)),
  };
}

const byFormatters = new WeakMap<Formatters, ReturnType<typeof createMappingFormat>>();

/** Shares, counts and group names of the mapping pages, in the page language. */
export function useMappingFormat() {
  const i18n = useI18n();
  let format = byFormatters.get(i18n);
  if (!format) {
    format = createMappingFormat(i18n);
    byFormatters.set(i18n, format);
  }
  return format;
}
