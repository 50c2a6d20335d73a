import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { advisedCounties } from '../../features/participation/roles';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth/api/get-session';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { listRecords, parseRecordQuery } from '../../features/participation/api/list-records';
import { listParticipationSchemes } from '../../features/participation/api/list-schemes';
import { PageLinks } from '../../features/participation/components/page-links';
import { ExampleNotice, IncompleteNote, RecordsLicence } from '../../features/participation/components/participation-notes';
import { RecordFilters } from '../../features/participation/components/record-filters';
import { RecordTable } from '../../features/participation/components/record-table';
import { useI18n } from '../../i18n/i18n';
import { apiFrom, toQuery } from '../api-client';
import { orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const query = parseRecordQuery(new URL(request.url).searchParams);
  const [list, counties, schemes] = await orRouteError(request, Promise.all([listRecords(api, query), listCounties(api), listParticipationSchemes(api)]));
  return { query, list, counties, schemes };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('participation.title'),
  description: (t) => t('participation.description'),
};

export function Component() {
  const { query, list, counties, schemes } = useLoaderData<Data>();
  const { t, number } = useI18n();
  const { user } = useSession();
  const adviser = !!user && (user.isPlatformAdmin || advisedCounties(user).length > 0);
  const hrefFor = (page: number) =>
    `/deltakelse${toQuery({ ordning: query.scheme, fylke: query.county, kommune: query.municipality, ar: query.year, status: query.status, eksempel: query.example === 'exclude' ? 'nei' : undefined, side: page > 1 ? page : undefined })}`;
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('participation.heading')}</PageHeading>
        <Paragraph className="lead">{t('participation.lead')}</Paragraph>
        <IncompleteNote />
        {user ? (
          <ul className="link-list">
            <li>
              <AppLink to="/deltakelse/ny">{t('participation.createLink')}</AppLink>
            </li>
            {adviser ? (
              <>
                <li>
                  <AppLink to="/deltakelse/import">{t('participation.importLink')}</AppLink>
                </li>
                <li>
                  <AppLink to="/deltakelse/meldinger">{t('participation.flagsLink')}</AppLink>
                </li>
              </>
            ) : null}
          </ul>
        ) : null}
      </div>
      <RecordFilters query={query} counties={counties} schemes={schemes} exampleDataOn={list.exampleDataOn} />
      {list.includesExamples ? <ExampleNotice /> : null}
      <Paragraph className="result-count" role="status">
        {list.total === 0 ? t('participation.noRecords') : t('participation.recordCount', { total: number(list.total) })}
      </Paragraph>
      {list.items.length > 0 ? <RecordTable items={list.items} caption={t('participation.tableCaption')} /> : null}
      <PageLinks page={list.page} total={list.total} pageSize={list.pageSize} hrefFor={hrefFor} label={t('participation.pagesLabel')} />
      <RecordsLicence />
    </div>
  );
}
