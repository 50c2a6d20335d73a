import { Table } from '@digdir/designsystemet-react';
import type { ImportSummary } from '@varde/contracts/participation-api';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';

export function ImportList({ items }: { items: ImportSummary[] }) {
  const { t, number, dateTime } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="imports-caption">
      <Table zebra data-size="sm">
        <caption id="imports-caption">{t('participationImport.listCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('participationImport.file')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('participationImport.rows')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('participationImport.started')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((i) => (
            <Table.Row key={i.id}>
              <th scope="row">
                <AppLink to={`/deltakelse/import/${i.id}`}>{i.fileName}</AppLink>
              </th>
              <Table.Cell>{t(`importStatus.${i.status}`)}</Table.Cell>
              <Table.Cell className="num">{number(i.recordCount ?? i.rowCount)}</Table.Cell>
              <Table.Cell>
                {i.createdBy.name ? t('participationImport.startedBy', { name: i.createdBy.name, when: dateTime(i.createdAt) }) : dateTime(i.createdAt)}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
