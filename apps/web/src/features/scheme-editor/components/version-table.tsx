import { Table } from '@digdir/designsystemet-react';
import type { MessageKey } from '@varde/contracts';
import type { SchemeVersion } from '@varde/contracts/catalogue-api';
import { useI18n } from '../../../i18n/i18n';

const changedFieldKeys: Record<string, MessageKey> = {
  id: 'history.field.id',
  name: 'history.field.name',
  summary: 'history.field.summary',
  purpose: 'history.field.purpose',
  owner: 'history.field.owner',
  lifecycle: 'history.field.lifecycle',
  themes: 'field.themes',
  applicants: 'history.field.applicants',
  funding: 'history.field.funding',
  criteria: 'history.field.criteria',
  requiredParts: 'history.field.requiredParts',
  reporting: 'history.field.reporting',
  cadence: 'history.field.cadence',
  rounds: 'history.field.rounds',
  calls: 'history.field.calls',
  url: 'history.field.url',
  sources: 'history.field.sources',
};

/**
 * Newest version first: when, who, the comment and which parts of the scheme changed. "Who" is the
 * catalogue, the editor's name (for signed-in users), or just "saved in Varde" when the API leaves
 * the name out.
 */
export function VersionTable({ versions, caption }: { versions: SchemeVersion[]; caption: string }) {
  const { t, dateTime, number } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="versions-caption">
      <Table data-size="sm" zebra>
        <caption id="versions-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('history.version')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('history.when')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('history.who')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.comment')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('history.changed')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {versions.map((v) => (
            <Table.Row key={v.version}>
              <th scope="row" className="num">
                {number(v.version)}
              </th>
              <Table.Cell>{dateTime(v.changedAt)}</Table.Cell>
              <Table.Cell>{v.changedBy ? (v.changedBy.name ?? t('history.savedInVarde')) : t('history.fromCatalogue')}</Table.Cell>
              <Table.Cell>{v.comment ?? '–'}</Table.Cell>
              <Table.Cell>
                {v.changedFields.length
                  ? v.changedFields.map((f) => (changedFieldKeys[f] ? t(changedFieldKeys[f]) : f)).join(', ')
                  : v.version === versions.at(-1)?.version
                    ? t('history.firstVersion')
                    : t('history.noChanges')}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
