import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { isUuid } from '../../features/organisations/api/get-organisation';
import { getRecord } from '../../features/participation/api/get-record';
import { ExampleNotice, RecordsLicence } from '../../features/participation/components/participation-notes';
import { RecordActions } from '../../features/participation/components/record-actions';
import { RecordDetails } from '../../features/participation/components/record-details';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isUuid(params.recordId)) throw notFound();
  return { record: await orRouteError(request, getRecord(apiFrom(context), params.recordId)) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { record }) => t('participation.recordTitle', { scheme: record.scheme.name, municipality: record.municipality.name, year: record.year }),
  description: (t, { record }) =>
    t('participation.recordDescription', { scheme: record.scheme.name, municipality: record.municipality.name, year: record.year }),
};

export function Component() {
  const { record } = useLoaderData<Data>();
  const { t } = useI18n();
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/deltakelse">{t('participation.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{t('participation.recordTitle', { scheme: record.scheme.name, municipality: record.municipality.name, year: record.year })}</PageHeading>
        {record.isExample ? (
          <>
            <Tag data-color="warning">{t('participation.exampleTag')}</Tag>
            <ExampleNotice />
          </>
        ) : null}
      </div>
      <div className="two-columns two-columns--wide-first">
        <RecordDetails record={record} />
        <RecordActions record={record} />
      </div>
      <RecordsLicence />
    </div>
  );
}
