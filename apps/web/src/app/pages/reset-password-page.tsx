import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { limits } from '@varde/contracts/vocabulary';
import { AppLink } from '../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../components/form-problems';
import { PageHeading } from '../../components/page-heading';
import { TextInput } from '../../components/text-input';
import { useResetPassword } from '../../features/auth/api/password-reset';
import { useI18n } from '../../i18n/i18n';
import type { RouteHandle } from '../route-handle';

export const handle: RouteHandle<undefined> = { static: true, title: (t) => t('reset.title') };

const idFor = (path: string) => `reset-${path}`;

/**
 * Choosing a new password with the link from the e-mail. The token stays in the address: the page
 * needs no data, and the API says whether the link still works when the form is sent.
 */
export function Component() {
  const { t } = useI18n();
  const token = useParams().token ?? '';
  const { state, mutate } = useResetPassword();
  const { fields, problems, rejected, reject, clear } = useFormProblems(state, { labels: { password: t('field.newPassword') } });
  const linkInvalid = state.status === 'error' && (state.error.code === 'link_invalid' || fields.some((f) => f.path === 'token'));
  const done = state.status === 'success' && !rejected;

  return (
    <div className="page page--narrow">
      <div className="stack">
        <PageHeading>{t('reset.heading')}</PageHeading>
        <Paragraph>{t('reset.lead')}</Paragraph>
      </div>
      <noscript>
        <Paragraph>{t('form.needsJavaScript')}</Paragraph>
      </noscript>
      {done ? (
        <div role="status">
          <Alert data-color="success">
            <Paragraph>{t('reset.done')}</Paragraph>
            <Paragraph>
              <AppLink to="/logg-inn">{t('reset.signIn')}</AppLink>
            </Paragraph>
          </Alert>
        </div>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const password = String(data.get('password') ?? '');
            if (password !== String(data.get('repeatPassword') ?? '')) {
              reject([{ path: 'repeatPassword', message: t('form.passwordMismatch') }]);
              return;
            }
            clear();
            await mutate({ token, password });
          }}
        >
          {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
          {linkInvalid ? (
            <Paragraph>
              <AppLink to="/glemt-passord">{t('reset.requestNew')}</AppLink>
            </Paragraph>
          ) : null}
          <TextInput
            id={idFor('password')}
            name="password"
            type="password"
            label={t('field.newPassword')}
            description={t('form.passwordRule', { min: limits.passwordMin })}
            autoComplete="new-password"
            error={messageFor(fields, 'password')}
          />
          <TextInput
            id={idFor('repeatPassword')}
            name="repeatPassword"
            type="password"
            label={t('field.repeatPassword')}
            autoComplete="new-password"
            error={messageFor(fields, 'repeatPassword')}
          />
          <div className="form-actions">
            <Button type="submit" loading={state.status === 'pending'}>
              {t('reset.submit')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
