import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getAnalytics, getMapMeasures, getOpenCallGaps, parseMappingQuery, recordsDownload } from '../../features/mapping/api/mapping';
import { Distribution, GroupRates, RoleShares, SchemeRates, TopMunicipalities } from '../../features/mapping/components/analytics-sections';
import { CoverageStatement } from '../../features/mapping/components/coverage';
import { GapList, OpenCallGapList, trimOpenCallGaps } from '../../features/mapping/components/gap-sections';
import { MappingFilters } from '../../features/mapping/components/mapping-filters';
import { MeasureMap } from '../../features/mapping/components/measure-map';
import { useMappingFormat } from '../../features/mapping/format';
import { getMapShapes } from '../../features/municipalities/api/get-map-shapes';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** Every table of the analytics for the filter in the address, the map's measures and outlines, and the open calls' gaps. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const { query, measure } = parseMappingQuery(new URL(request.url).searchParams);
  const [analytics, map, shapes, counties, openCalls] = await orRouteError(
    request,
    Promise.all([getAnalytics(api, query), getMapMeasures(api, query), getMapShapes(api), listCounties(api), getOpenCallGaps(api, query)]),
  );
  return { query, measure, analytics, map, shapes, counties, openCalls: trimOpenCallGaps(openCalls) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('analytics.title'),
  description: (t) => t('analytics.description'),
};

export function Component() {
  const { query, measure, analytics, map, shapes, counties, openCalls } = useLoaderData<Data>();
  const f = useMappingFormat();
  const { t, number } = f;
  const { overall, coverage } = analytics;
  const sections = [
    ['ordninger', t('analytics.schemes.heading')],
    ['kart', t('analytics.map.heading')],
    ['etter-sentralitet', t('analytics.class.heading')],
    ['etter-storrelse', t('analytics.band.heading')],
    ['etter-fylke', t('analytics.county.heading')],
    ['fordeling', t('analytics.distribution.heading')],
    ['flest-ordninger', t('analytics.top.heading')],
    ['roller', t('analytics.roles.heading')],
    ['gap', t('analytics.gap.heading')],
    ['apne-utlysninger', t('analytics.openCalls.heading')],
    ['grunnlag', t('analytics.coverage.heading')],
  ] as const;
  return (
    <div className="page mapping-page">
      <div className="stack">
        <PageHeading>{t('analytics.heading')}</PageHeading>
        <Paragraph className="lead">{t('analytics.lead')}</Paragraph>
      </div>
      <MappingFilters query={query} measure={measure} counties={counties} exampleDataOn={coverage.exampleDataOn} />
      <Paragraph className="result-count" role="status">
        {t('analytics.summary', {
          participants: number(overall.participants),
          municipalities: number(overall.municipalities),
          share: f.share(overall.rate),
          mean: f.mean(overall.meanSchemes),
        })}
      </Paragraph>
      <nav aria-label={t('analytics.toc')} className="scheme-toc">
        <ul>
          {sections.map(([id, label]) => (
            <li key={id}>
              <a className="ds-link" href={`#${id}`}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SchemeRates data={analytics} query={query} />
      <MeasureMap shapes={shapes} map={map} measure={measure} query={query} />
      <GroupRates kind="class" data={analytics} query={query} />
      <GroupRates kind="band" data={analytics} query={query} />
      <GroupRates kind="county" data={analytics} query={query} />
      <Distribution data={analytics} query={query} />
      <TopMunicipalities data={analytics} query={query} />
      <RoleShares data={analytics} query={query} />
      <GapList map={map} query={query} />
      <OpenCallGapList data={openCalls} query={query} />
      <CoverageStatement coverage={coverage} />
      <section className="section" aria-labelledby="apne-data">
        <Paragraph id="apne-data">
          <AppLink to="/apne-data">{t('analytics.openDataLink')}</AppLink>{' '}
          <a className="ds-link" href={recordsDownload(query)} download>
            {t('analytics.recordsCsv')}
          </a>
        </Paragraph>
      </section>
    </div>
  );
}
