import { useEffect } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { limits } from '@varde/contracts/vocabulary';
import { data, isRouteErrorResponse, useLoaderData, useRouteError, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getInvitation, isInvitationToken } from '../../features/invitations/api/get-invitation';
import { AcceptInvitationForm } from '../../features/invitations/components/accept-invitation-form';
import { roleLabel } from '../../features/organisations/labels';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { ErrorPage } from '../layout/error-page';
import { orRouteError, type RouteErrorData } from '../route-errors';
import { errorTitle, type RouteHandle } from '../route-handle';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token;
  // A malformed token is as unusable as an expired one: show the same friendly page.
  if (!isInvitationToken(token)) throw data<RouteErrorData>({ code: 'invitation_invalid' }, { status: 410 });
  return { token, invitation: await orRouteError(request, getInvitation(apiFrom(context), token)) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = {
  title: (t, { invitation }) => t('invitation.title', { organisation: invitation.organisationName }),
};

export function Component() {
  const { token, invitation } = useLoaderData<Data>();
  const { t, dateTime } = useI18n();
  return (
    <div className="page page--narrow">
      <div className="stack">
        <PageHeading>{t('invitation.heading', { organisation: invitation.organisationName })}</PageHeading>
        <Paragraph>
          {t('invitation.lead', {
            organisation: invitation.organisationName,
            role: roleLabel(t, invitation.role).toLowerCase(),
            expires: dateTime(invitation.expiresAt),
          })}
        </Paragraph>
        <Paragraph>{invitation.accountExists ? t('invitation.existingAccount') : t('invitation.newAccount', { min: limits.passwordMin })}</Paragraph>
      </div>
      <noscript>
        <Paragraph>{t('form.needsJavaScript')}</Paragraph>
      </noscript>
      <AcceptInvitationForm token={token} invitation={invitation} />
    </div>
  );
}

/** Used, expired or unknown invitations get a page that says what to do next (HTTP 410). */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const invalid = isRouteErrorResponse(error) && (error.status === 410 || error.status === 400);
  useEffect(() => {
    if (invalid) document.title = errorTitle(t, 410);
  }, [invalid, t]);
  if (invalid) {
    return (
      <div className="page page--narrow">
        <PageHeading>{t('invitation.invalidHeading')}</PageHeading>
        <Paragraph>{t('invitation.invalidBody')}</Paragraph>
        <Paragraph>
          <AppLink to="/logg-inn">{t('nav.signIn')}</AppLink>
        </Paragraph>
      </div>
    );
  }
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
