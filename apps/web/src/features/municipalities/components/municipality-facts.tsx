import { Link } from '@digdir/designsystemet-react';
import type { MessageKey, MunicipalityDetail } from '@varde/contracts';
import { Facts, type FactRow } from '../../../components/facts';
import { useI18n } from '../../../i18n/i18n';
import { centralityLabel } from './centrality-legend';

const languageFormKey: Record<MunicipalityDetail['languageForm'], MessageKey> = {
  neutral: 'languageForm.neutral',
  bokmal: 'languageForm.bokmal',
  nynorsk: 'languageForm.nynorsk',
};

export function MunicipalityFacts({ municipality: m }: { municipality: MunicipalityDetail }) {
  const { t, number, date } = useI18n();
  const rows: FactRow[] = [
    [t('municipality.code'), m.code],
    [t('municipality.county'), m.countyName],
    [t('municipality.population'), t('municipality.populationValue', { count: number(m.population), date: date(m.populationDate) })],
    [t('municipality.area'), t('municipality.areaValue', { area: number(m.areaKm2, 1) })],
    [
      t('municipality.centrality'),
      t('municipality.centralityValue', {
        class: m.centralityClass,
        label: centralityLabel(t, m.centralityClass),
        index: number(m.centralityIndex),
      }),
    ],
    [t('municipality.adminCentre'), m.adminCentre],
    [t('municipality.languageForm'), t(languageFormKey[m.languageForm])],
  ];
  if (m.website) {
    rows.push([
      t('municipality.website'),
      <Link key="website" href={m.website} rel="noopener">
        {m.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
      </Link>,
    ]);
  }
  return <Facts rows={rows} />;
}
