import { Button } from '@digdir/designsystemet-react';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useLogin } from '../api/login';

const idFor = (path: string) => `login-${path}`;

export function LoginForm({ next }: { next: string }) {
  const { t } = useI18n();
  const { state, mutate } = useLogin();
  const { fields, problems } = useFormProblems(state);

  return (
    <form
      method="post"
      className="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const result = await mutate({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
        // A full page load, so the header, the language preference and every loader see the new session.
        if (result.ok) window.location.assign(next);
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
      <TextInput
        id={idFor('password')}
        name="password"
        type="password"
        label={t('field.password')}
        autoComplete="current-password"
        error={messageFor(fields, 'password')}
      />
      <div className="form-actions">
        <Button type="submit" loading={state.status === 'pending'}>
          {t('login.submit')}
        </Button>
      </div>
    </form>
  );
}
