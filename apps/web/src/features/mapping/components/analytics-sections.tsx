import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { GroupRateRow, MappingAnalytics, MappingQuery } from '@varde/contracts/mapping-api';
import type { MappingBand } from '@varde/contracts/mapping-vocabulary';
import { AppLink } from '../../../components/app-link';
import { BarChart } from '../../../components/charts/bar-chart';
import { Histogram } from '../../../components/charts/histogram';
import { pageQuery } from '../api/mapping';
import { useMappingFormat } from '../format';
import { CoverageLine } from './coverage';
import { TableDownloads } from './downloads';
import { TableBox } from './table-box';

type Analytics = MappingAnalytics;

function SectionHeading({ id, children }: { id: string; children: string }) {
  return (
    <Heading level={2} data-size="sm" id={id}>
      {children}
    </Heading>
  );
}

/** Each scheme's rate over the municipalities its register rules admit, and the same per centrality class. */
export function SchemeRates({ data, query }: { data: Analytics; query: MappingQuery }) {
  const f = useMappingFormat();
  const { t, number } = f;
  const classes = [1, 2, 3, 4, 5, 6].filter((c) => !query.class || query.class.includes(c));
  return (
    <section className="section" aria-labelledby="ordninger">
      <SectionHeading id="ordninger">{t('analytics.schemes.heading')}</SectionHeading>
      <Paragraph>{t('analytics.schemes.lead')}</Paragraph>
      {data.schemes.length === 0 ? (
        <Paragraph>{t('analytics.schemes.none')}</Paragraph>
      ) : (
        <>
          <BarChart
            caption={t('analytics.schemes.chart')}
            max={1}
            formatTick={(v) => f.share(v)}
            data={data.schemes.map((row) => ({
              key: row.scheme.key,
              label: row.scheme.name,
              value: row.rate ?? 0,
              valueText: f.cell(row),
              href: row.scheme.catalogueId ? `/ordninger/${row.scheme.catalogueId}` : undefined,
            }))}
          />
          <TableBox id="scheme-rates" caption={t('analytics.schemes.caption')}>
            <Table.Head>
              <Table.Row>
                <th scope="col">{t('analytics.col.scheme')}</th>
                <th scope="col" className="num">
                  {t('analytics.col.base')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.participants')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.rate')}
                </th>
                {classes.map((c) => (
                  <th scope="col" className="num" key={c}>
                    {t('analytics.col.classRate', { class: c })}
                  </th>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.schemes.map((row) => (
                <Table.Row key={row.scheme.key}>
                  <th scope="row">
                    {row.scheme.catalogueId ? <AppLink to={`/ordninger/${row.scheme.catalogueId}`}>{row.scheme.name}</AppLink> : row.scheme.name}
                    {row.basis === 'all_municipalities' ? <span className="cell-note">{t('analytics.schemes.allBasis')}</span> : null}
                  </th>
                  <Table.Cell className="num">{number(row.municipalities)}</Table.Cell>
                  <Table.Cell className="num">{number(row.participants)}</Table.Cell>
                  <Table.Cell className="num">{f.share(row.rate)}</Table.Cell>
                  {classes.map((c) => {
                    const cell = row.byClass.find((b) => b.centralityClass === c);
                    return (
                      <Table.Cell className="num" key={c}>
                        {cell && cell.municipalities > 0 ? `${f.share(cell.rate)} (${number(cell.participants)}/${number(cell.municipalities)})` : '–'}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
              <Table.Row className="total-row">
                <th scope="row">{t('analytics.overall')}</th>
                <Table.Cell className="num">{number(data.overall.municipalities)}</Table.Cell>
                <Table.Cell className="num">{number(data.overall.participants)}</Table.Cell>
                <Table.Cell className="num">{f.share(data.overall.rate)}</Table.Cell>
                {classes.map((c) => {
                  const row = data.byClass.find((r) => r.group === String(c));
                  return (
                    <Table.Cell className="num" key={c}>
                      {row && row.municipalities > 0 ? f.share(row.rate) : '–'}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            </Table.Body>
          </TableBox>
        </>
      )}
      <CoverageLine coverage={data.coverage} basis={t('analytics.schemes.basis', { count: number(data.overall.municipalities) })} />
      <TableDownloads table="schemes" query={query} label={t('analytics.schemes.heading')} />
    </section>
  );
}

const groupTables = { class: 'classes', band: 'bands', county: 'counties' } as const;

/** One breakdown (class, band or county): rate, participations and mean schemes per group; each bar links to the filter. */
export function GroupRates({ kind, data, query }: { kind: 'class' | 'band' | 'county'; data: Analytics; query: MappingQuery }) {
  const f = useMappingFormat();
  const { t, number } = f;
  const rows = kind === 'class' ? data.byClass : kind === 'band' ? data.byBand : data.byCounty;
  const labelOf = (row: GroupRateRow) =>
    kind === 'class' ? f.classLabel(Number(row.group)) : kind === 'band' ? f.bandLabel(row.group as MappingBand) : (row.label ?? row.group);
  const hrefOf = (row: GroupRateRow) => {
    const next: MappingQuery =
      kind === 'class'
        ? { ...query, class: [Number(row.group)] }
        : kind === 'band'
          ? { ...query, band: [row.group as MappingBand] }
          : { ...query, county: row.group };
    return `/kartlegging${pageQuery(next)}`;
  };
  const id = `etter-${kind === 'class' ? 'sentralitet' : kind === 'band' ? 'storrelse' : 'fylke'}`;
  const shown = rows.filter((r) => r.municipalities > 0);
  return (
    <section className="section" aria-labelledby={id}>
      <SectionHeading id={id}>{t(`analytics.${kind}.heading`)}</SectionHeading>
      {shown.length === 0 ? (
        <Paragraph>{t('analytics.noMunicipalitiesInFilter')}</Paragraph>
      ) : (
        <div className="chart-and-table">
          <BarChart
            caption={t(`analytics.${kind}.chart`)}
            max={1}
            formatTick={(v) => f.share(v)}
            data={shown.map((row) => ({ key: row.group, label: labelOf(row), value: row.rate ?? 0, valueText: f.cell(row), href: hrefOf(row) }))}
          />
          <TableBox id={`${id}-table`} caption={t(`analytics.${kind}.caption`)}>
            <Table.Head>
              <Table.Row>
                <th scope="col">{t(`analytics.col.${kind}`)}</th>
                <th scope="col" className="num">
                  {t('analytics.col.municipalities')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.participants')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.rate')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.participations')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.meanSchemes')}
                </th>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((row) => (
                <Table.Row key={row.group}>
                  <th scope="row">{labelOf(row)}</th>
                  <Table.Cell className="num">{number(row.municipalities)}</Table.Cell>
                  <Table.Cell className="num">{number(row.participants)}</Table.Cell>
                  <Table.Cell className="num">{f.share(row.rate)}</Table.Cell>
                  <Table.Cell className="num">{number(row.participations)}</Table.Cell>
                  <Table.Cell className="num">{f.mean(row.meanSchemes)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </TableBox>
        </div>
      )}
      <CoverageLine coverage={data.coverage} basis={t('analytics.groupBasis')} />
      <TableDownloads table={groupTables[kind]} query={query} label={t(`analytics.${kind}.heading`)} />
    </section>
  );
}

/** How many municipalities take part in 0, 1, 2 … distinct schemes. */
export function Distribution({ data, query }: { data: Analytics; query: MappingQuery }) {
  const f = useMappingFormat();
  const { t, number } = f;
  const total = data.distribution.reduce((sum, row) => sum + row.municipalities, 0);
  return (
    <section className="section" aria-labelledby="fordeling">
      <SectionHeading id="fordeling">{t('analytics.distribution.heading')}</SectionHeading>
      <div className="chart-and-table">
        <Histogram
          caption={t('analytics.distribution.chart')}
          axisLabel={t('analytics.distribution.axis')}
          bins={data.distribution.map((row) => ({
            key: String(row.schemes),
            label: number(row.schemes),
            value: row.municipalities,
            description: t('analytics.distribution.bin', { schemes: number(row.schemes), municipalities: number(row.municipalities) }),
          }))}
        />
        <TableBox id="distribution" caption={t('analytics.distribution.caption')} compact>
          <Table.Head>
            <Table.Row>
              <th scope="col" className="num">
                {t('analytics.col.schemeCount')}
              </th>
              <th scope="col" className="num">
                {t('analytics.col.municipalities')}
              </th>
              <th scope="col" className="num">
                {t('analytics.col.shareOfMunicipalities')}
              </th>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.distribution.map((row) => (
              <Table.Row key={row.schemes}>
                <th scope="row" className="num">
                  {number(row.schemes)}
                </th>
                <Table.Cell className="num">{number(row.municipalities)}</Table.Cell>
                <Table.Cell className="num">{f.share(total > 0 ? row.municipalities / total : null)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </TableBox>
      </div>
      <CoverageLine coverage={data.coverage} basis={t('analytics.distribution.basis', { count: number(total) })} />
      <TableDownloads table="distribution" query={query} label={t('analytics.distribution.heading')} />
    </section>
  );
}

/** The municipalities in the most distinct schemes. */
export function TopMunicipalities({ data, query }: { data: Analytics; query: MappingQuery }) {
  const { t, number } = useMappingFormat();
  return (
    <section className="section" aria-labelledby="flest-ordninger">
      <SectionHeading id="flest-ordninger">{t('analytics.top.heading')}</SectionHeading>
      {data.top.length === 0 ? (
        <Paragraph>{t('analytics.schemes.none')}</Paragraph>
      ) : (
        <TableBox id="top" caption={t('analytics.top.caption', { count: number(data.top.length) })}>
          <Table.Head>
            <Table.Row>
              <th scope="col">{t('analytics.col.municipality')}</th>
              <th scope="col">{t('analytics.col.county')}</th>
              <th scope="col" className="num">
                {t('analytics.col.schemes')}
              </th>
              <th scope="col" className="num">
                {t('analytics.col.participations')}
              </th>
              <th scope="col">{t('analytics.col.schemeNames')}</th>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.top.map((row) => (
              <Table.Row key={row.municipality.code}>
                <th scope="row">
                  <AppLink to={`/kommuner/${row.municipality.code}`}>{row.municipality.name}</AppLink>
                </th>
                <Table.Cell>{row.municipality.countyName}</Table.Cell>
                <Table.Cell className="num">{number(row.schemes)}</Table.Cell>
                <Table.Cell className="num">{number(row.participations)}</Table.Cell>
                <Table.Cell>{row.schemeNames.join('; ')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </TableBox>
      )}
      <CoverageLine coverage={data.coverage} />
      <TableDownloads table="top" query={query} label={t('analytics.top.heading')} />
    </section>
  );
}

/** Lead vs partner per centrality class (a recipient counts as lead). */
export function RoleShares({ data, query }: { data: Analytics; query: MappingQuery }) {
  const f = useMappingFormat();
  const { t, number } = f;
  const rows = data.roles.filter((r) => r.lead + r.partner + r.other > 0);
  return (
    <section className="section" aria-labelledby="roller">
      <SectionHeading id="roller">{t('analytics.roles.heading')}</SectionHeading>
      <Paragraph>{t('analytics.roles.lead')}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t('analytics.schemes.none')}</Paragraph>
      ) : (
        <div className="chart-and-table">
          <BarChart
            caption={t('analytics.roles.chart')}
            max={1}
            formatTick={(v) => f.share(v)}
            data={rows.map((row) => ({
              key: String(row.centralityClass),
              label: f.classLabel(row.centralityClass),
              value: row.leadShare ?? 0,
              valueText: f.share(row.leadShare),
              description: `${f.classLabel(row.centralityClass)}: ${t('analytics.roles.value', { share: f.share(row.leadShare), lead: number(row.lead), partner: number(row.partner) })}`,
            }))}
          />
          <TableBox id="roles" caption={t('analytics.roles.caption')}>
            <Table.Head>
              <Table.Row>
                <th scope="col">{t('analytics.col.class')}</th>
                <th scope="col" className="num">
                  {t('analytics.col.lead')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.partner')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.other')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.leadShare')}
                </th>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.centralityClass}>
                  <th scope="row">{f.classLabel(row.centralityClass)}</th>
                  <Table.Cell className="num">{number(row.lead)}</Table.Cell>
                  <Table.Cell className="num">{number(row.partner)}</Table.Cell>
                  <Table.Cell className="num">{number(row.other)}</Table.Cell>
                  <Table.Cell className="num">{f.share(row.leadShare)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </TableBox>
        </div>
      )}
      <CoverageLine coverage={data.coverage} basis={t('analytics.roles.basis')} />
      <TableDownloads table="roles" query={query} label={t('analytics.roles.heading')} />
    </section>
  );
}
