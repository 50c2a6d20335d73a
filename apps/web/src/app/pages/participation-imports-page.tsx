import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { listImports } from '../../features/participation/api/imports';
import { ImportList } from '../../features/participation/components/import-list';
import { UploadForm } from '../../features/participation/components/upload-form';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

/** Regional advisers and platform administrators: the API answers 403 for anyone else, which becomes the 403 page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  return { imports: await orRouteError(request, listImports(api)) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t) => t('participationImport.title'),
};

export function Component() {
  const { imports } = useLoaderData<Data>();
  const { t } = useI18n();
  return (
    <div className="page">
      <Paragraph data-size="sm">
        <AppLink to="/deltakelse">{t('participation.backToList')}</AppLink>
      </Paragraph>
      <div className="stack">
        <PageHeading>{t('participationImport.heading')}</PageHeading>
        <Paragraph className="lead">{t('participationImport.lead')}</Paragraph>
      </div>
      <section className="section" aria-labelledby="upload-heading">
        <Heading level={2} data-size="sm" id="upload-heading">
          {t('participationImport.uploadHeading')}
        </Heading>
        <UploadForm maxRows={imports.maxRows} />
      </section>
      <section className="section" aria-labelledby="imports-heading">
        <Heading level={2} data-size="sm" id="imports-heading">
          {t('participationImport.listHeading')}
        </Heading>
        {imports.items.length === 0 ? <Paragraph>{t('participationImport.none')}</Paragraph> : <ImportList items={imports.items} />}
      </section>
    </div>
  );
}
