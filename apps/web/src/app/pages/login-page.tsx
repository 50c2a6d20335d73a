import { Paragraph } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../components/app-link';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth/api/get-session';
import { LoginForm } from '../../features/auth/components/login-form';
import { safeNextPath } from '../../features/auth/safe-next-path';
import { loginFormProblems } from '@varde/contracts/sign-in';
import { isOneOf } from '../is-one-of';
import { useI18n } from '../../i18n/i18n';
import type { RouteHandle } from '../route-handle';

export const handle: RouteHandle<undefined> = {
  static: true,
  title: (t) => t('login.title'),
  description: (t) => t('login.description'),
};

export function Component() {
  const { t } = useI18n();
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('neste'));
  // Problems the server found in a sign-in sent without JavaScript (POST /logg-inn).
  const reported = [...new Set(searchParams.getAll('feil'))].filter((p) => isOneOf(loginFormProblems, p));

  return (
    <div className="page page--narrow">
      <div className="stack">
        <PageHeading>{t('login.heading')}</PageHeading>
        <Paragraph>{t('login.lead')}</Paragraph>
      </div>
      {user ? (
        <div className="stack">
          <Paragraph>{t('login.alreadySignedIn', { name: user.name })}</Paragraph>
          <Paragraph>
            <AppLink to={next}>{t('login.continue')}</AppLink>
          </Paragraph>
        </div>
      ) : (
        <>
          <LoginForm next={next} reported={reported} />
          <Paragraph>
            <AppLink to="/glemt-passord">{t('login.forgotPassword')}</AppLink>
          </Paragraph>
        </>
      )}
      <Paragraph data-size="sm" className="muted">
        {t('login.invitationOnly')}
      </Paragraph>
    </div>
  );
}
