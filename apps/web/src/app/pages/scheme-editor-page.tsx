import { useEffect, useRef, useState } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { data, useLoaderData, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { listCounties } from '../../features/municipalities/api/list-counties';
import { getSchemeDetail } from '../../features/scheme-editor/api/get-scheme-detail';
import { listCatalogueOptions } from '../../features/scheme-editor/api/list-catalogue';
import { canEditScheme } from '../../features/scheme-editor/can-edit';
import { SchemeEditorForm } from '../../features/scheme-editor/components/scheme-editor-form';
import { inPageLanguage } from '../../features/scheme-editor/localized-name';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { notFound, orRouteError, signInRedirect, type RouteErrorData } from '../route-errors';
import type { RouteHandle } from '../route-handle';

const SCHEME_ID = /^[a-z0-9-]{1,80}$/;

/** Owners of the scheme and platform admins; the API checks the same rule again when saving. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const schemeId = params.schemeId ?? '';
  if (!SCHEME_ID.test(schemeId)) throw notFound();
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const [detail, counties, catalogue] = await orRouteError(
    request,
    Promise.all([getSchemeDetail(api, schemeId), listCounties(api), listCatalogueOptions(api)]),
  );
  if (!canEditScheme(session.user, detail)) throw data<RouteErrorData>({ code: 'not_scheme_owner' }, { status: 403 });
  return { detail, counties, catalogue };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { detail }) => t('editor.title', { scheme: inPageLanguage(t, detail.scheme.name) }),
};

export function Component() {
  const { detail, counties, catalogue } = useLoaderData<Data>();
  const { t, lang, dateTime } = useI18n();
  const revalidator = useRevalidator();
  const [saved, setSaved] = useState<SchemeDetail | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const name = detail.scheme.name[lang];

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('editor.heading', { scheme: name })}</PageHeading>
        <Paragraph className="lead">{t('editor.lead')}</Paragraph>
        <Paragraph>{t('editor.versionInfo', { version: detail.version, when: dateTime(detail.updatedAt) })}</Paragraph>
        <ul className="link-list">
          <li>
            <AppLink to={`/ordninger/${detail.scheme.id}`}>{t('editor.toScheme', { scheme: name })}</AppLink>
          </li>
          <li>
            <AppLink to={`/ordninger/${detail.scheme.id}/historikk`}>{t('history.link')}</AppLink>
          </li>
        </ul>
      </div>
      {saved ? (
        <Alert ref={savedRef} tabIndex={-1} data-color="success" className="form-problems" role="status">
          <Paragraph>
            {t('editor.saved', { version: saved.version })} <AppLink to={`/ordninger/${detail.scheme.id}/historikk`}>{t('history.link')}</AppLink>
          </Paragraph>
        </Alert>
      ) : null}
      {/* A new version re-mounts the form with the saved document, so the next save starts from it. */}
      <SchemeEditorForm
        key={detail.version}
        detail={detail}
        counties={counties}
        catalogue={catalogue}
        onSaved={async (result) => {
          await revalidator.revalidate();
          setSaved(result);
        }}
      />
    </div>
  );
}
