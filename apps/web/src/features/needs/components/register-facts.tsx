import { Paragraph } from '@digdir/designsystemet-react';
import { neighbourKinds } from '@varde/contracts/vocabulary';
import type { NeedsProfile } from '@varde/contracts/needs-api';
import { isOneOf } from '../../../app/is-one-of';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { centralityLabel } from '../../municipalities/components/centrality-legend';
import { NeighbourList } from '../../municipalities/components/neighbour-list';

/** What the public registers say about the municipality, beside what its members write. */
export function RegisterFacts({ register }: { register: NonNullable<NeedsProfile['register']> }) {
  const { t, number } = useI18n();
  const neighbours = register.neighbours.flatMap((n) => (isOneOf(neighbourKinds, n.kind) ? [{ code: n.code, name: n.name, kind: n.kind }] : []));
  return (
    <div className="stack">
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('municipality.county')}</dt>
          <dd>{register.countyName}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('municipality.population')}</dt>
          <dd>{number(register.population)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('municipality.centrality')}</dt>
          <dd>{t('needs.centralityValue', { class: register.centralityClass, label: centralityLabel(t, register.centralityClass) })}</dd>
        </div>
      </dl>
      <NeighbourList neighbours={neighbours} />
      <Paragraph data-size="sm">
        <AppLink to={`/kommuner/${register.code}`}>{t('needs.registerLink', { name: register.name })}</AppLink>
      </Paragraph>
    </div>
  );
}
