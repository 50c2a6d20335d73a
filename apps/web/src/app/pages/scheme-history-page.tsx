import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth/api/get-session';
import { getSchemeDetail } from '../../features/scheme-editor/api/get-scheme-detail';
import { listVersions } from '../../features/scheme-editor/api/list-versions';
import { canEditScheme } from '../../features/scheme-editor/can-edit';
import { VersionTable } from '../../features/scheme-editor/components/version-table';
import { inPageLanguage } from '../../features/scheme-editor/localized-name';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError } from '../route-errors';
import type { RouteHandle } from '../route-handle';

const SCHEME_ID = /^[a-z0-9-]{1,80}$/;

/**
 * Open to everyone: the history of the catalogue is open data. The API gives the editors' names to
 * signed-in users only.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const schemeId = params.schemeId ?? '';
  if (!SCHEME_ID.test(schemeId)) throw notFound();
  const api = apiFrom(context);
  const [detail, versions] = await orRouteError(request, Promise.all([getSchemeDetail(api, schemeId), listVersions(api, schemeId)]));
  return { scheme: { id: detail.scheme.id, name: detail.scheme.name }, ownerOrganisation: detail.ownerOrganisation, versions: versions.items };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { scheme }) => t('history.title', { scheme: inPageLanguage(t, scheme.name) }),
};

export function Component() {
  const { scheme, ownerOrganisation, versions } = useLoaderData<Data>();
  const { t, lang } = useI18n();
  const { user } = useSession();
  const name = scheme.name[lang];
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('history.heading', { scheme: name })}</PageHeading>
        <Paragraph className="lead">{t('history.lead')}</Paragraph>
        {user ? null : <Paragraph>{t('history.namesSignedIn')}</Paragraph>}
        <ul className="link-list">
          <li>
            <AppLink to={`/ordninger/${scheme.id}`}>{t('editor.toScheme', { scheme: name })}</AppLink>
          </li>
          {canEditScheme(user, { ownerOrganisation }) ? (
            <li>
              <AppLink to={`/ordninger/${scheme.id}/rediger`}>{t('editor.link')}</AppLink>
            </li>
          ) : null}
        </ul>
      </div>
      <VersionTable versions={versions} caption={t('history.caption', { scheme: name })} />
    </div>
  );
}
