import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { limits } from '@varde/contracts/vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../components/form-problems';
import { PageHeading } from '../../components/page-heading';
import { TextInput } from '../../components/text-input';
import { useCompleteSetup } from '../../features/auth/api/setup';
import { useI18n } from '../../i18n/i18n';
import type { RouteHandle } from '../route-handle';

export const handle: RouteHandle<undefined> = { static: true, title: (t) => t('setup.title') };

const idFor = (path: string) => `setup-${path}`;

/**
 * First run: the link the server printed while no platform administrator exists. The page needs no
 * data (the API checks the link and that the browser is on the server's machine when the form is sent).
 */
export function Component() {
  const { t } = useI18n();
  const token = useParams().token ?? '';
  const { state, mutate } = useCompleteSetup();
  const { fields, problems, reject, clear } = useFormProblems(state);

  return (
    <div className="page page--narrow">
      <div className="stack">
        <PageHeading>{t('setup.heading')}</PageHeading>
        <Paragraph>{t('setup.lead')}</Paragraph>
        <Paragraph>{t('setup.localOnly')}</Paragraph>
      </div>
      <noscript>
        <Paragraph>{t('form.needsJavaScript')}</Paragraph>
      </noscript>
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
          const result = await mutate({ token, name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim(), password });
          // Signed in: a full page load, so every loader sees the new session.
          if (result.ok) window.location.assign('/admin');
        }}
      >
        {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
        {state.status === 'error' && state.error.code === 'link_invalid' ? <Paragraph>{t('setup.invalidBody')}</Paragraph> : null}
        <TextInput id={idFor('name')} name="name" label={t('field.name')} autoComplete="name" error={messageFor(fields, 'name')} />
        <TextInput
          id={idFor('email')}
          name="email"
          type="email"
          label={t('field.email')}
          autoComplete="username"
          inputMode="email"
          error={messageFor(fields, 'email')}
        />
        <TextInput
          id={idFor('password')}
          name="password"
          type="password"
          label={t('field.password')}
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
            {t('setup.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
