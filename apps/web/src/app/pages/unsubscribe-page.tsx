import { useEffect } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { data, isRouteErrorResponse, useLoaderData, useRouteError, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { FormProblems } from '../../components/form-problems';
import { PageHeading } from '../../components/page-heading';
import { isMailToken } from '../../features/auth/api/password-reset';
import { getUnsubscribe, useUnsubscribe } from '../../features/mail/api/unsubscribe';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { ErrorPage } from '../layout/error-page';
import { orRouteError, type RouteErrorData } from '../route-errors';
import { errorTitle, type RouteHandle } from '../route-handle';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token;
  if (!isMailToken(token)) throw data<RouteErrorData>({ code: 'not_found' }, { status: 404 });
  return { token, info: await orRouteError(request, getUnsubscribe(apiFrom(context), token)) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = { title: (t) => t('unsubscribe.title') };

/**
 * The unsubscribe link in a digest or reminder. Opening it changes nothing (mail scanners open links);
 * the button does. Mail providers use the one-click address in the `List-Unsubscribe` header instead.
 */
export function Component() {
  const { token, info } = useLoaderData<Data>();
  const { t } = useI18n();
  const { state, mutate } = useUnsubscribe();
  const done = info.done || state.status === 'success';
  return (
    <div className="page page--narrow">
      <div className="stack">
        <PageHeading>{t('unsubscribe.heading')}</PageHeading>
        <Paragraph>{t(`unsubscribe.lead.${info.topic}`)}</Paragraph>
      </div>
      <div role="status">
        {done ? (
          <Alert data-color="success">
            <Paragraph>{t(`unsubscribe.done.${info.topic}`)}</Paragraph>
            <Paragraph>
              {t('unsubscribe.changeLater')} <AppLink to="/konto">{t('account.title')}</AppLink>
            </Paragraph>
          </Alert>
        ) : null}
      </div>
      {done ? null : (
        <>
          <noscript>
            <Paragraph>{t('form.needsJavaScript')}</Paragraph>
          </noscript>
          {state.status === 'error' ? <FormProblems fields={[]} message={state.error.message} attempt={state.attempt} idFor={(p) => p} /> : null}
          <div className="form-actions">
            <Button type="button" loading={state.status === 'pending'} onClick={() => void mutate(token)}>
              {t('unsubscribe.submit')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** An unknown link gets a page that says where to choose instead (HTTP 404). */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const unknown = isRouteErrorResponse(error) && (error.status === 404 || error.status === 400);
  useEffect(() => {
    if (unknown) document.title = errorTitle(t, 404);
  }, [unknown, t]);
  if (unknown) {
    return (
      <div className="page page--narrow">
        <PageHeading>{t('unsubscribe.invalidHeading')}</PageHeading>
        <Paragraph>{t('unsubscribe.invalidBody')}</Paragraph>
        <Paragraph>
          <AppLink to="/konto">{t('account.title')}</AppLink>
        </Paragraph>
      </div>
    );
  }
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
