import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth/api/get-session';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { PageLinks } from '../../features/participation/components/page-links';
import { parseSolutionSearch, searchSolutions } from '../../features/search/api/search-solutions';
import { SolutionSearch } from '../../features/search/components/solution-search';
import { libraryHref, listSolutions, parseSolutionQuery } from '../../features/solutions/api/list-solutions';
import { SolutionFilters } from '../../features/solutions/components/solution-filters';
import { SolutionList } from '../../features/solutions/components/solution-list';
import { SolutionExampleNotice } from '../../features/solutions/components/solution-notes';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const query = parseSolutionQuery(new URL(request.url).searchParams);
  const searchQuery = parseSolutionSearch(new URL(request.url).searchParams);
  const [list, counties, result] = await orRouteError(
    request,
    Promise.all([listSolutions(api, query), listCounties(api), searchQuery ? searchSolutions(api, searchQuery) : null]),
  );
  return { query, list, counties, search: searchQuery && result ? { query: searchQuery, result } : null };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('library.title'),
  description: (t) => t('library.description'),
};

export function Component() {
  const { query, list, counties, search } = useLoaderData<Data>();
  const { t, number } = useI18n();
  const { user } = useSession();
  const isAdmin = !!user?.isPlatformAdmin;
  const canDraft = !!user && user.memberships.length > 0;
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('library.heading')}</PageHeading>
        <Paragraph className="lead">{t('library.lead')}</Paragraph>
        <ul className="link-list">
          {canDraft ? (
            <li>
              <AppLink to="/losninger/ny">{t('library.createLink')}</AppLink>
            </li>
          ) : null}
          {user ? (
            <li>
              <AppLink to="/losninger/mine">{t('library.mineLink')}</AppLink>
            </li>
          ) : null}
          {isAdmin ? (
            <li>
              <AppLink to="/losninger/meldinger">{t('library.reportsLink')}</AppLink>
            </li>
          ) : null}
          <li>
            <a className="ds-link" href={`/api/solutions/export.json${query.example === 'exclude' ? '?example=exclude' : ''}`}>
              {t('library.exportJson')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/api/solutions/export.csv${query.example === 'exclude' ? '?example=exclude' : ''}`}>
              {t('library.exportCsv')}
            </a>
          </li>
        </ul>
      </div>
      <SolutionSearch search={search} counties={counties} exampleDataOn={list.exampleDataOn} />
      {search ? null : <SolutionFilters query={query} counties={counties} exampleDataOn={list.exampleDataOn} />}
      {search ? null : (
        <>
          {list.includesExamples ? <SolutionExampleNotice /> : null}
          <Paragraph className="result-count" role="status">
            {list.total === 0 ? t('library.noSolutions') : t('library.solutionCount', { total: number(list.total) })}
          </Paragraph>
          {list.items.length > 0 ? <SolutionList items={list.items} /> : null}
          <PageLinks
            page={list.page}
            total={list.total}
            pageSize={list.pageSize}
            hrefFor={(page) => libraryHref(query, page)}
            label={t('library.pagesLabel')}
          />
        </>
      )}
    </div>
  );
}
