import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ParticipationList } from '@varde/contracts/participation-api';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { ExampleNotice, IncompleteNote } from './participation-notes';
import { RecordTable } from './record-table';

/** The municipality page's list of its participation records, with what the list cannot tell. */
export function MunicipalityParticipation({ code, name, records }: { code: string; name: string; records: ParticipationList }) {
  const { t, number } = useI18n();
  return (
    <section className="section" aria-labelledby="participation-heading">
      <Heading level={2} data-size="sm" id="participation-heading">
        {t('participation.municipalityHeading')}
      </Heading>
      {records.includesExamples ? <ExampleNotice /> : null}
      {records.total === 0 ? (
        <Paragraph>{t('participation.municipalityNone', { name })}</Paragraph>
      ) : (
        <RecordTable items={records.items} caption={t('participation.municipalityCaption', { name, count: number(records.total) })} showMunicipality={false} />
      )}
      <IncompleteNote />
      {records.total > records.items.length ? (
        <Paragraph>
          <AppLink to={`/deltakelse?kommune=${code}`}>{t('participation.municipalityAll', { count: number(records.total) })}</AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
