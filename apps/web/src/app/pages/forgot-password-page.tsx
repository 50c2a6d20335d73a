import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { AppLink } from '../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../components/form-problems';
import { PageHeading } from '../../components/page-heading';
import { TextInput } from '../../components/text-input';
import { useRequestPasswordReset } from '../../features/auth/api/password-reset';
import { useI18n } from '../../i18n/i18n';
import type { RouteHandle } from '../route-handle';

export const handle: RouteHandle<undefined> = {
  static: true,
  title: (t) => t('forgot.title'),
  description: (t) => t('forgot.description'),
};

const idFor = (path: string) => `forgot-${path}`;

/** Asking for a password link by e-mail: the answer is the same whether or not the address has an account. */
export function Component() {
  const { t, lang } = useI18n();
  const { state, mutate } = useRequestPasswordReset();
  const { fields, problems } = useFormProblems(state);
  const [sentTo, setSentTo] = useState<string | null>(null);

  return (
    <div className="page page--narrow">
      <div className="stack">
        <PageHeading>{t('forgot.heading')}</PageHeading>
        <Paragraph>{t('forgot.lead')}</Paragraph>
      </div>
      <noscript>
        <Paragraph>{t('form.needsJavaScript')}</Paragraph>
      </noscript>
      <form
        className="form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
          const result = await mutate({ email, language: lang });
          if (result.ok) setSentTo(email);
        }}
      >
        {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
        <TextInput
          id={idFor('email')}
          name="email"
          type="email"
          label={t('field.email')}
          autoComplete="username"
          inputMode="email"
          error={messageFor(fields, 'email')}
        />
        <div className="form-actions">
          <Button type="submit" loading={state.status === 'pending'}>
            {t('forgot.submit')}
          </Button>
        </div>
        <div role="status">
          {sentTo && state.status === 'success' ? (
            <Alert data-color="success">
              <Paragraph>{t('forgot.sent', { email: sentTo })}</Paragraph>
            </Alert>
          ) : null}
        </div>
      </form>
      <Paragraph>
        <AppLink to="/logg-inn">{t('forgot.backToLogin')}</AppLink>
      </Paragraph>
    </div>
  );
}
