import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { getRegionOverview, listRegions } from '../../features/mapping/api/mapping';
import { CoverageStatement } from '../../features/mapping/components/coverage';
import { CallList, OpenCallsTable, ScopeMunicipalities, UpcomingDeadlines } from '../../features/mapping/components/region-overview';
import { useMappingFormat } from '../../features/mapping/format';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/**
 * A regional adviser's overview of the municipalities their organisation advises. Signed-in advisers
 * only (the API answers 403 to anyone else). An adviser in several regional organisations picks one
 * (`?org=`); by default the first.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const regions = await orRouteError(request, listRegions(api));
  const wanted = new URL(request.url).searchParams.get('org');
  const chosen = regions.items.find((r) => isUuid(wanted ?? undefined) && r.id === wanted) ?? regions.items[0] ?? null;
  const overview = chosen ? await orRouteError(request, getRegionOverview(api, chosen.id)) : null;
  return { regions: regions.items, overview };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { overview }) => (overview ? t('region.titleFor', { name: overview.organisation.name }) : t('region.title')),
  description: (t) => t('region.description'),
};

export function Component() {
  const { regions, overview } = useLoaderData<Data>();
  const { t, number } = useMappingFormat();
  if (!overview) {
    return (
      <div className="page">
        <PageHeading>{t('region.title')}</PageHeading>
        <Paragraph>{t('region.noRegions')}</Paragraph>
      </div>
    );
  }
  const { scope } = overview;
  const scopeText =
    scope.kind === 'counties'
      ? t('region.scope.counties', { count: number(scope.municipalities.length), counties: scope.counties.map((c) => c.name).join(', ') })
      : t('region.scope.list', { count: number(scope.municipalities.length) });
  return (
    <div className="page region-page">
      <div className="stack">
        <PageHeading>{t('region.titleFor', { name: overview.organisation.name })}</PageHeading>
        <Paragraph className="lead">{scopeText}</Paragraph>
        {!scope.stored ? <Paragraph data-size="sm">{t('region.scope.default')}</Paragraph> : null}
        <Paragraph data-size="sm">{t('region.privacy')}</Paragraph>
        {regions.length > 1 ? (
          <nav aria-label={t('region.choose')}>
            <ul className="link-list">
              {regions.map((r) =>
                r.id === overview.organisation.id ? (
                  <li key={r.id} aria-current="page">
                    {r.name}
                  </li>
                ) : (
                  <li key={r.id}>
                    <AppLink to={`/region?org=${r.id}`}>{r.name}</AppLink>
                  </li>
                ),
              )}
            </ul>
          </nav>
        ) : null}
        <ul className="link-list">
          <li>
            <AppLink to={`/organisasjoner/${overview.organisation.id}`}>{t('region.organisationLink')}</AppLink>
          </li>
          <li>
            <AppLink to="/kartlegging">{t('region.analyticsLink')}</AppLink>
          </li>
        </ul>
      </div>
      <CallList overview={overview} />
      <UpcomingDeadlines overview={overview} />
      <OpenCallsTable overview={overview} />
      <ScopeMunicipalities overview={overview} />
      <CoverageStatement coverage={overview.coverage} />
    </div>
  );
}
