import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { getSession } from '../../features/auth/api/get-session';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { LanguagePreferenceForm } from '../../features/auth/components/language-preference-form';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { getMailPreferences } from '../../features/mail/api/mail-preferences';
import { MailPreferencesForm } from '../../features/mail/components/mail-preferences-form';
import { organisationTypeLabel, roleLabel } from '../../features/organisations/labels';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await orRouteError(request, getSession(apiFrom(context)));
  if (!session.user) throw signInRedirect(request);
  return { user: session.user, mail: await orRouteError(request, getMailPreferences(apiFrom(context))) };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = { title: (t) => t('account.title') };

export function Component() {
  const { user, mail } = useLoaderData<Data>();
  const { t, lang } = useI18n();

  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('account.heading')}</PageHeading>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('field.name')}</dt>
            <dd>{user.name}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('field.email')}</dt>
            <dd>{user.email}</dd>
          </div>
        </dl>
        {user.isPlatformAdmin ? (
          <Paragraph>
            <Tag data-color="info">{t('account.platformAdmin')}</Tag> <AppLink to="/admin">{t('nav.admin')}</AppLink>
          </Paragraph>
        ) : null}
      </div>

      <section className="section" aria-labelledby="memberships-heading">
        <Heading level={2} data-size="sm" id="memberships-heading">
          {t('account.membershipsHeading')}
        </Heading>
        {user.memberships.length === 0 ? (
          <Paragraph>{t('account.noMemberships')}</Paragraph>
        ) : (
          <ul className="link-list">
            {user.memberships.map((m) => (
              <li key={m.organisationId}>
                <AppLink to={`/organisasjoner/${m.organisationId}`}>{m.organisationName}</AppLink>{' '}
                <span className="muted">
                  ({organisationTypeLabel(t, m.organisationType)}, {roleLabel(t, m.role)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="two-columns">
        <section className="section" aria-labelledby="language-heading">
          <Heading level={2} data-size="sm" id="language-heading">
            {t('account.languageHeading')}
          </Heading>
          <LanguagePreferenceForm current={user.language ?? lang} />
        </section>

        <section className="section" aria-labelledby="password-heading">
          <Heading level={2} data-size="sm" id="password-heading">
            {t('account.passwordHeading')}
          </Heading>
          <ChangePasswordForm />
        </section>
      </div>

      <section className="section" aria-labelledby="mail-heading">
        <Heading level={2} data-size="sm" id="mail-heading">
          {t('account.mailHeading')}
        </Heading>
        <MailPreferencesForm current={mail} />
      </section>

      <section className="section" aria-labelledby="signout-heading">
        <Heading level={2} data-size="sm" id="signout-heading">
          {t('account.signOutHeading')}
        </Heading>
        <Paragraph>{t('account.signOutHint')}</Paragraph>
        <SignOutButton size="md" variant="secondary" />
      </section>
    </div>
  );
}
