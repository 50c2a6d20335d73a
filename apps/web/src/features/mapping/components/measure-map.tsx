import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { MapMeasures, MappingQuery, MapValue } from '@varde/contracts/mapping-api';
import { type MapMeasure, mapMeasures, mappingBandFloors, mappingBands } from '@varde/contracts/mapping-vocabulary';
import { AppLink } from '../../../components/app-link';
import { type LegendEntry, type MapRegion, type MapShapes, RegionMap } from '../../../components/charts/region-map';
import { countThresholds, thresholdClasses } from '../../../components/charts/scales';
import { pageQuery } from '../api/mapping';
import { useMappingFormat } from '../format';
import { CoverageLine } from './coverage';
import { TableDownloads } from './downloads';
import { TableBox } from './table-box';

/** Rate classes: under 20 %, 20–40 % … 80 % and over. */
const RATE_THRESHOLDS = [0.2, 0.4, 0.6, 0.8];
/** Gap classes around "as expected" (±0.5 schemes). */
const GAP_THRESHOLDS = [-1.5, -0.5, 0.5, 1.5];
/** Population classes: the mapping's bands. */
const POPULATION_THRESHOLDS = mappingBands.slice(1).map((b) => mappingBandFloors[b]);

type Scheme = {
  legend: LegendEntry[];
  clsOf: (item: MapValue) => string;
  valueText: (item: MapValue) => string;
};

/** The colour classes, legend and value text of one measure. */
function useMeasureScheme(measure: MapMeasure, items: MapValue[]): Scheme {
  const f = useMappingFormat();
  const { t, number } = f;
  const range = (from: string | null, to: string | null) =>
    from === null ? t('analytics.legend.under', { value: to! }) : to === null ? t('analytics.legend.over', { value: from }) : `${from}–${to}`;
  switch (measure) {
    case 'participation': {
      const { classOf, ranges } = thresholdClasses(countThresholds(items.map((i) => i.participation)));
      return {
        // Whole counts: [1, 3) is "1–2".
        legend: ranges.map((r) => ({
          cls: `seq-${r.cls + 1}`,
          label:
            r.to === null
              ? t('analytics.legend.orMore', { value: number(r.from ?? 0) })
              : r.from === null || r.to - 1 === (r.from ?? 0)
                ? number(r.to - 1)
                : `${number(r.from)}–${number(r.to - 1)}`,
        })),
        clsOf: (i) => `seq-${classOf(i.participation) + 1}`,
        valueText: (i) => t('analytics.map.participation', { count: number(i.participation) }),
      };
    }
    case 'rate': {
      const { classOf, ranges } = thresholdClasses(RATE_THRESHOLDS);
      return {
        legend: [
          ...ranges.map((r) => ({ cls: `seq-${r.cls + 1}`, label: range(r.from === null ? null : f.share(r.from), r.to === null ? null : f.share(r.to)) })),
          { cls: 'map-none', label: t('analytics.legend.noRate') },
        ],
        clsOf: (i) => (i.rate === null ? 'map-none' : `seq-${classOf(i.rate) + 1}`),
        valueText: (i) => (i.rate === null ? t('analytics.legend.noRate') : t('analytics.map.rate', { share: f.share(i.rate) })),
      };
    }
    case 'gap': {
      const { classOf } = thresholdClasses(GAP_THRESHOLDS);
      return {
        legend: [1, 2, 3, 4, 5].map((c) => ({ cls: `div-${c}`, label: t(`analytics.legend.gap${c}` as 'analytics.legend.gap1') })),
        clsOf: (i) => `div-${classOf(i.gap) + 1}`,
        valueText: (i) =>
          Math.abs(i.gap) < 0.05
            ? t('analytics.map.gapEven')
            : i.gap < 0
              ? t('analytics.map.gapBelow', { value: number(-i.gap, 1) })
              : t('analytics.map.gapAbove', { value: number(i.gap, 1) }),
      };
    }
    case 'population': {
      const { classOf } = thresholdClasses(POPULATION_THRESHOLDS);
      return {
        legend: mappingBands.map((b, c) => ({ cls: `seq6-${c + 1}`, label: f.bandLabel(b) })),
        clsOf: (i) => `seq6-${classOf(i.population) + 1}`,
        valueText: (i) => t('analytics.map.population', { count: number(i.population) }),
      };
    }
    case 'centrality':
      return {
        legend: [1, 2, 3, 4, 5, 6].map((c) => ({ cls: `c${c}`, label: f.classLabel(c) })),
        clsOf: (i) => `c${i.centralityClass}`,
        valueText: (i) => f.classLabel(i.centralityClass),
      };
  }
}

/**
 * The municipalities coloured by the chosen measure, zoomed to the county filter; municipalities
 * outside the class/band filter are grey context. Links to other measures keep the filter; the table
 * behind "Show as a table" has every measure of the municipalities in the selection.
 */
export function MeasureMap({ shapes, map, measure, query }: { shapes: MapShapes; map: MapMeasures; measure: MapMeasure; query: MappingQuery }) {
  const f = useMappingFormat();
  const { t, number } = f;
  const inFilter = map.items.filter((i) => i.inFilter);
  const scheme = useMeasureScheme(measure, inFilter);
  const regions: MapRegion[] = inFilter.map((i) => ({
    code: i.code,
    cls: scheme.clsOf(i),
    label: `${i.name}: ${scheme.valueText(i)}`,
    href: `/kommuner/${i.code}`,
  }));
  return (
    <section className="section" aria-labelledby="kart">
      <Heading level={2} data-size="sm" id="kart">
        {t('analytics.map.heading')}
      </Heading>
      <nav aria-label={t('analytics.map.measures')}>
        <ul className="measure-links">
          {mapMeasures.map((m) => (
            <li key={m}>
              {m === measure ? (
                <span aria-current="true" className="measure-links__current">
                  {t(`analytics.measure.${m}`)}
                </span>
              ) : (
                <AppLink to={`/kartlegging${pageQuery(query, m)}#kart`} preventScrollReset>
                  {t(`analytics.measure.${m}`)}
                </AppLink>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <RegionMap
        shapes={shapes}
        county={query.county ?? null}
        regions={regions}
        caption={t('analytics.map.caption', { measure: t(`analytics.measure.${measure}`), count: number(inFilter.length) })}
        legendTitle={t(`analytics.measure.${measure}`)}
        legend={inFilter.length < map.items.length ? [...scheme.legend, { cls: 'map-out', label: t('analytics.legend.outside') }] : scheme.legend}
        note={<Paragraph data-size="sm">{t(`analytics.map.about.${measure}`)}</Paragraph>}
        table={
          <TableBox id="map-table" caption={t('analytics.map.tableCaption', { count: number(inFilter.length) })}>
            <Table.Head>
              <Table.Row>
                <th scope="col">{t('analytics.col.municipality')}</th>
                <th scope="col" className="num">
                  {t('analytics.measure.participation')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.measure.rate')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.measure.gap')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.measure.population')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.measure.centrality')}
                </th>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {inFilter.map((i) => (
                <Table.Row key={i.code}>
                  <th scope="row">
                    <a className="ds-link" href={`/kommuner/${i.code}`}>
                      {i.name}
                    </a>
                  </th>
                  <Table.Cell className="num">{number(i.participation)}</Table.Cell>
                  <Table.Cell className="num">{f.share(i.rate)}</Table.Cell>
                  <Table.Cell className="num">{f.signed(i.gap)}</Table.Cell>
                  <Table.Cell className="num">{number(i.population)}</Table.Cell>
                  <Table.Cell className="num">{i.centralityClass}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </TableBox>
        }
      />
      <CoverageLine coverage={map.coverage} basis={t('analytics.map.basis')} />
      <TableDownloads table="gap" query={query} label={t('analytics.gap.heading')} />
    </section>
  );
}
