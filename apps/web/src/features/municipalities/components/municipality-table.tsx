import { Table } from '@digdir/designsystemet-react';
import { Link, useLocation } from 'react-router';
import type { MunicipalityListQuery, MunicipalitySort, MunicipalitySummary } from '@varde/contracts';
import { useClientNavigation } from '../../../components/client-navigation';
import { useI18n } from '../../../i18n/i18n';

type SortableColumn = 'name' | 'code' | 'county' | 'population' | 'centrality';

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

function SortHeader({ column, label, current, numeric = false }: { column: SortableColumn; label: string; current: MunicipalitySort; numeric?: boolean }) {
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

export function MunicipalityTable({ items, query }: { items: MunicipalitySummary[]; query: MunicipalityListQuery }) {
  const { t, number } = useI18n();
  const current = query.sort ?? 'name';
  const onClick = useClientNavigation();
  return (
    <div className="table-scroll municipality-table" tabIndex={0} role="region" aria-labelledby="municipality-table-caption">
      <Table zebra data-size="sm">
        <caption id="municipality-table-caption">{t('municipalities.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <SortHeader column="name" label={t('municipalities.column.name')} current={current} />
            <SortHeader column="code" label={t('municipalities.column.code')} current={current} />
            <SortHeader column="county" label={t('municipalities.column.county')} current={current} />
            <SortHeader column="population" label={t('municipalities.column.population')} current={current} numeric />
            <SortHeader column="centrality" label={t('municipalities.column.centrality')} current={current} numeric />
            <th scope="col" className="num">
              {t('municipalities.column.area')}
            </th>
          </Table.Row>
        </Table.Head>
        {/* Plain rows and links (one click handler for all): 357 router links were slow to hydrate. */}
        <tbody onClick={onClick}>
          {items.map((m) => (
            <tr key={m.code}>
              <th scope="row">
                <a className="ds-link" href={`/kommuner/${m.code}`}>
                  {m.name}
                </a>
              </th>
              <td>{m.code}</td>
              <td>{m.countyName}</td>
              <td className="num">{number(m.population)}</td>
              <td className="num">{m.centralityClass}</td>
              <td className="num">{number(m.areaKm2)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
