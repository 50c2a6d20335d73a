import { useEffect } from 'react';
import { isRouteErrorResponse, useLocation, useRouteError } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth/api/get-session';
import { useI18n } from '../../i18n/i18n';
import { errorKeys, errorTitle } from '../route-handle';

export function statusOf(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

/** 403, 404, 410 and 500 pages. The HTTP status of the server render comes from the thrown response. */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const keys = errorKeys(status);
  useEffect(() => {
    document.title = errorTitle(t, status);
  }, [t, status]);
  return (
    <div className="page page--narrow">
      <PageHeading>{t(keys.title)}</PageHeading>
      <Paragraph>{t(keys.body)}</Paragraph>
      {status === 403 && user ? <Paragraph>{t('errorPage.forbidden.signedInAs', { name: user.name })}</Paragraph> : null}
      <ul className="link-list">
        <li>
          <AppLink to="/">{t('errorPage.toHome')}</AppLink>
        </li>
        <li>
          <AppLink to="/kommuner">{t('errorPage.toMunicipalities')}</AppLink>
        </li>
        {status >= 500 ? (
          <li>
            <a className="ds-link" href={location.pathname + location.search}>
              {t('errorPage.retry')}
            </a>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** Catches errors from any page and shows them inside the normal header and footer. */
export function PageErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={statusOf(error)} />;
}
