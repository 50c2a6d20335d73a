import type { County, Organisation } from '@varde/contracts';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { organisationTypeLabel } from '../labels';

export function OrganisationFacts({ organisation: o, counties }: { organisation: Organisation; counties: County[] }) {
  const { t, number } = useI18n();
  const county = counties.find((c) => c.code === o.countyCode);
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('organisation.type')}</dt>
        <dd>{organisationTypeLabel(t, o.type)}</dd>
      </div>
      {county ? (
        <div className="facts__row">
          <dt>{t('organisation.county')}</dt>
          <dd>{county.name}</dd>
        </div>
      ) : null}
      {o.type === 'municipality' && o.municipalityCode ? (
        <div className="facts__row">
          <dt>{t('organisation.municipality')}</dt>
          <dd>
            <AppLink to={`/kommuner/${o.municipalityCode}`}>{t('organisation.municipalityLink', { code: o.municipalityCode })}</AppLink>
          </dd>
        </div>
      ) : null}
      <div className="facts__row">
        <dt>{t('organisation.memberCount')}</dt>
        <dd>{number(o.memberCount)}</dd>
      </div>
    </dl>
  );
}
