import { Table } from '@digdir/designsystemet-react';
import { Link, useLocation } from 'react-router';
import type { MunicipalityListQuery, MunicipalitySort, MunicipalitySummary } from '@varde/contracts';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';

type SortableColumn = 'name' | 'code' | 'population' | 'centrality';

/** The API sorts by code ascending only; the other columns toggle between both directions. */
function nextSort(column: SortableColumn, current: MunicipalitySort): MunicipalitySort {
  if (column === 'code') return 'code';
  return current === column ? `-${column}` : column;
}

function ariaSort(column: SortableColumn, current: MunicipalitySort) {
  if (current === column) return 'ascending' as const;
  if (current === `-${column}`) return 'descending' as const;
  return 'none' as const;
}

function SortHeader({
  column,
  label,
  current,
  numeric = false,
}: {
  column: SortableColumn;
  label: string;
  current: MunicipalitySort;
  numeric?: boolean;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const sort = nextSort(column, current);
  params.set('sort', sort);
  params.delete('lang');
  const hint = sort.startsWith('-') ? t('table.sortDescending') : t('table.sortAscending');
  return (
    <th scope="col" aria-sort={ariaSort(column, current)} className={numeric ? 'num' : undefined}>
      <Link className="sort-link" to={{ search: `?${params.toString()}` }} preventScrollReset>
        {label}
        <span className="ds-sr-only">, {hint}</span>
      </Link>
    </th>
  );
}

export function MunicipalityTable({
  items,
  query,
}: {
  items: MunicipalitySummary[];
  query: MunicipalityListQuery;
}) {
  const { t, number } = useI18n();
  const current = query.sort ?? 'name';
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="municipality-table-caption">
      <Table zebra data-size="sm">
        <caption id="municipality-table-caption">{t('municipalities.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <SortHeader column="name" label={t('municipalities.column.name')} current={current} />
            <SortHeader column="code" label={t('municipalities.column.code')} current={current} />
            <th scope="col">{t('municipalities.column.county')}</th>
            <SortHeader column="population" label={t('municipalities.column.population')} current={current} numeric />
            <SortHeader column="centrality" label={t('municipalities.column.centrality')} current={current} numeric />
            <th scope="col" className="num">
              {t('municipalities.column.area')}
            </th>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((m) => (
            <Table.Row key={m.code}>
              <th scope="row">
                <AppLink to={`/kommuner/${m.code}`}>{m.name}</AppLink>
              </th>
              <Table.Cell>{m.code}</Table.Cell>
              <Table.Cell>{m.countyName}</Table.Cell>
              <Table.Cell className="num">{number(m.population)}</Table.Cell>
              <Table.Cell className="num">{m.centralityClass}</Table.Cell>
              <Table.Cell className="num">{number(m.areaKm2)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
