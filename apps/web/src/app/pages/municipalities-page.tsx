import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { listMunicipalities, parseListQuery } from '../../features/municipalities/api/list-municipalities';
import { MunicipalityFilters } from '../../features/municipalities/components/municipality-filters';
import { MunicipalityTable } from '../../features/municipalities/components/municipality-table';
import { NorwayMap } from '../../features/municipalities/components/norway-map';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const query = parseListQuery(new URL(request.url).searchParams);
  const [list, counties] = await orRouteError(request, Promise.all([listMunicipalities(api, query), listCounties(api)]));
  return { query, list, counties };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('municipalities.title'),
  description: (t) => t('municipalities.description'),
};

export function Component() {
  const { query, list, counties } = useLoaderData<Data>();
  const { t, number } = useI18n();
  const filtered = Boolean(query.q || query.county || query.centrality || query.population);

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('municipalities.heading')}</PageHeading>
        <Paragraph className="lead">{t('municipalities.lead')}</Paragraph>
      </div>
      <MunicipalityFilters query={query} counties={counties} />
      <Paragraph className="result-count" role="status">
        {list.items.length === 0
          ? t('municipalities.noResults')
          : t('municipalities.resultCount', { shown: number(list.items.length), total: number(list.total) })}
      </Paragraph>
      <div className="map-layout">
        <NorwayMap highlight={filtered ? list.items.map((m) => m.code) : null} county={query.county ?? null} />
        <div className="stack">
          {list.items.length > 0 ? <MunicipalityTable items={list.items} query={query} /> : null}
          <Paragraph className="source-note">{t('municipalities.sources')}</Paragraph>
        </div>
      </div>
    </div>
  );
}
