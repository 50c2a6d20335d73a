import { Alert, Details, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth/api/get-session';
import { listMunicipalityOptions } from '../../features/schemes/api/list-municipality-options';
import { FINDER_PAGE_SIZE, finderHref, listSchemes, parseFinderQuery, withoutPage } from '../../features/schemes/api/list-schemes';
import { FinderPagination } from '../../features/schemes/components/finder-pagination';
import { SaveSearch } from '../../features/schemes/components/save-search';
import { SchemeCard } from '../../features/schemes/components/scheme-card';
import { FinderForm } from '../../features/schemes/components/finder-form';
import { VerdictBadge } from '../../features/schemes/components/verdict';
import { disclosureState } from '../../features/schemes/view-cookie';
import { NO_MUNICIPALITY, verdicts, viewCookies } from '@varde/contracts/vocabulary';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/**
 * Two API calls at once: the municipalities for the picker (fetched once in the browser) and the
 * ranked results. An unknown municipality number is dropped with a notice instead of failing the page
 * (the results are then asked for again without it).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const parsed = parseFinderQuery(new URL(request.url).searchParams);
  const listing = listSchemes(api, parsed);
  listing.catch(() => {}); // awaited below unless the municipality turns out unknown
  const municipalities = await orRouteError(request, listMunicipalityOptions(api));
  const chosen = parsed.municipality;
  const unknownMunicipality = chosen && chosen !== NO_MUNICIPALITY && !municipalities.some((m) => m.code === chosen) ? chosen : null;
  const query = unknownMunicipality ? { ...parsed, municipality: undefined } : parsed;
  const list = await orRouteError(request, unknownMunicipality ? listSchemes(api, query) : listing);
  // The filters' disclosure as the visitor left it (a cookie); null when they never chose.
  const filters = disclosureState(request, viewCookies.finderFilters);
  return { query, list, municipalities, unknownMunicipality, filters };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { list }) => (list.municipality ? t('finder.titleFor', { municipality: list.municipality.name }) : t('finder.title')),
  description: (t) => t('finder.description'),
};

export function Component() {
  const { query, list, municipalities, unknownMunicipality, filters } = useLoaderData<Data>();
  const { t, number } = useI18n();
  const { user } = useSession();
  const municipality = list.municipality;
  const filtered = Boolean(
    query.q || query.theme || query.role || query.openNow || query.deadlineWithin || query.funding || query.collaboration || query.owner || query.status,
  );
  // A member who chose no municipality keeps `none` in every link, or they would get their own again.
  const municipalityParam = municipality?.code ?? query.municipality ?? '';
  const savedQuery = { ...withoutPage(query), ...(municipalityParam ? { municipality: municipalityParam } : {}) };

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('finder.heading')}</PageHeading>
        <Paragraph className="lead">{t('finder.lead')}</Paragraph>
        <Details className="finder-intro">
          <Details.Summary>{t('finder.intro.summary')}</Details.Summary>
          <Details.Content>
            <div className="stack">
              <Paragraph>{t('finder.intro.body')}</Paragraph>
              <dl className="verdict-legend">
                {verdicts.map((verdict) => (
                  <div key={verdict}>
                    <dt>
                      <VerdictBadge verdict={verdict} />
                    </dt>
                    <dd>{t(`finder.intro.${verdict}`)}</dd>
                  </div>
                ))}
              </dl>
              <Paragraph>{t('finder.intro.checklist')}</Paragraph>
              <Paragraph>{t('finder.intro.sources')}</Paragraph>
            </div>
          </Details.Content>
        </Details>
      </div>

      <FinderForm
        query={query}
        municipalityCode={municipalityParam}
        municipalities={municipalities}
        owners={list.owners}
        municipalityName={municipality?.name ?? null}
        // Until the visitor chooses, the fields start open only when there is no municipality to answer for.
        filtersOpen={filters === 'open' || (filters === null && !municipality)}
      />

      <section className="section" aria-labelledby="finder-results-heading">
        <Heading level={2} data-size="sm" id="finder-results-heading">
          {municipality ? t('finder.resultsFor', { municipality: municipality.name }) : t('finder.results')}
        </Heading>
        {unknownMunicipality ? (
          <Alert data-color="warning">
            <Paragraph>{t('error.municipality_not_found', { code: unknownMunicipality })}</Paragraph>
          </Alert>
        ) : null}
        {municipality ? null : (
          <Alert data-color="info" className="finder-prompt">
            <Paragraph>{t('finder.choosePrompt')}</Paragraph>
          </Alert>
        )}
        <div role="status" className="result-count">
          <Paragraph>
            {list.total === 0
              ? t('finder.noResults')
              : list.items.length < list.total
                ? t('finder.resultCountPaged', {
                    from: number((query.page - 1) * FINDER_PAGE_SIZE + 1),
                    to: number((query.page - 1) * FINDER_PAGE_SIZE + list.items.length),
                    total: number(list.total),
                  })
                : t('finder.resultCount', { total: number(list.total) })}
          </Paragraph>
          {list.hiddenAsNotRelevant > 0 ? (
            <Paragraph data-size="sm">{t('finder.hiddenNotRelevant', { count: number(list.hiddenAsNotRelevant) })}</Paragraph>
          ) : null}
        </div>
        {user ? (
          <SaveSearch
            query={savedQuery}
            suggestedName={t('finder.save.defaultName', { municipality: municipality?.name ?? t('finder.save.allMunicipalities') })}
          />
        ) : null}
        {list.items.length > 0 ? (
          <ol className="scheme-results">
            {list.items.map((card) => (
              <li key={card.id}>
                <SchemeCard card={card} municipality={municipality} municipalityParam={municipalityParam} />
              </li>
            ))}
          </ol>
        ) : filtered ? (
          <Paragraph>{t('finder.noResultsHint')}</Paragraph>
        ) : null}
        <FinderPagination page={query.page} total={list.total} pageSize={FINDER_PAGE_SIZE} hrefFor={(page) => finderHref(savedQuery, page)} />
      </section>

      <Paragraph className="source-note">
        {t('finder.sourceNote')} <Link href="/api/export/schemes.csv">{t('finder.exportCsv')}</Link> ·{' '}
        <Link href="/api/export/schemes.json">{t('finder.exportJson')}</Link>
      </Paragraph>
    </div>
  );
}
