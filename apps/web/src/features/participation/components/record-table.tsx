import { Table, Tag } from '@digdir/designsystemet-react';
import type { ParticipationRecord } from '@varde/contracts/participation-api';
import { AppLink } from '../../../components/app-link';
import { ExternalLink } from '../../../components/external-link';
import { useI18n } from '../../../i18n/i18n';
import { amountText, provenanceLabel, roleLabel, statusLabel } from '../labels';

/** Records in a table: the scheme links to the record, the municipality to its page, the source out. */
export function RecordTable({ items, caption, showMunicipality = true }: { items: ParticipationRecord[]; caption: string; showMunicipality?: boolean }) {
  const { t, number } = useI18n();
  const captionId = `records-caption-${showMunicipality ? 'all' : 'one'}`;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <Table zebra data-size="sm" className="participation-table">
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('field.scheme')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.year')}</Table.HeaderCell>
            {showMunicipality ? <Table.HeaderCell scope="col">{t('field.municipalityCode')}</Table.HeaderCell> : null}
            <Table.HeaderCell scope="col">{t('field.role')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('field.amountNok')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.projectTitle')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('participation.sourceColumn')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((r) => (
            <Table.Row key={r.id}>
              <th scope="row">
                <AppLink to={`/deltakelse/${r.id}`}>{r.scheme.name}</AppLink>
                {r.isExample ? (
                  <>
                    {' '}
                    <Tag data-color="warning" data-size="sm">
                      {t('participation.exampleTag')}
                    </Tag>
                  </>
                ) : null}
                {r.openFlags > 0 ? (
                  <>
                    {' '}
                    <Tag data-color="danger" data-size="sm">
                      {t('participation.flaggedTag')}
                    </Tag>
                  </>
                ) : null}
              </th>
              <Table.Cell>{r.year}</Table.Cell>
              {showMunicipality ? (
                <Table.Cell>
                  <AppLink to={`/kommuner/${r.municipality.code}`}>{r.municipality.name}</AppLink>
                </Table.Cell>
              ) : null}
              <Table.Cell>{roleLabel(t, r.role)}</Table.Cell>
              <Table.Cell>{statusLabel(t, r.status)}</Table.Cell>
              <Table.Cell className="num">{r.amountNok === null ? '–' : amountText(number, t, r.amountNok)}</Table.Cell>
              <Table.Cell>{r.projectTitle ?? '–'}</Table.Cell>
              <Table.Cell>
                {r.source.url ? (
                  <ExternalLink href={r.source.url}>{t('participation.sourceLink')}</ExternalLink>
                ) : (
                  (r.source.document ?? provenanceLabel(t, r.provenance.kind))
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
