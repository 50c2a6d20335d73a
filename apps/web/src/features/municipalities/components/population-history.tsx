import { Table } from '@digdir/designsystemet-react';
import type { MunicipalityDetail } from '@varde/contracts';
import { useI18n } from '../../../i18n/i18n';

export function PopulationHistory({ history, name }: { history: MunicipalityDetail['populationHistory']; name: string }) {
  const { t, number, date } = useI18n();
  const rows = [...history].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="table-scroll table-scroll--compact">
      <Table data-size="sm">
        <caption>{t('municipality.historyCaption', { name })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('municipality.historyDate')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('municipality.historyPopulation')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('municipality.historyChange')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row, i) => {
            const previous = rows[i - 1];
            const change = previous ? row.population - previous.population : null;
            return (
              <Table.Row key={row.date}>
                <Table.Cell>{date(row.date)}</Table.Cell>
                <Table.Cell className="num">{number(row.population)}</Table.Cell>
                <Table.Cell className="num">{change === null ? '–' : `${change > 0 ? '+' : ''}${number(change)}`}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
