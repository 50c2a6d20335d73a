import { Button } from '@digdir/designsystemet-react';
import type { LoginFormProblem } from '@varde/contracts/sign-in';
import { type FieldMessage, FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { TextInput } from '../../../components/text-input';
import { type Translate, useI18n } from '../../../i18n/i18n';
import { useLogin } from '../api/login';

const idFor = (path: string) => `login-${path}`;

/** What the server reported after a sign-in without JavaScript (`feil` in the address), as the form shows it. */
export function problemsFromForm(problems: readonly LoginFormProblem[], t: Translate): { fields: FieldMessage[]; message: string | undefined } {
  const fields: FieldMessage[] = [];
  let message: string | undefined;
  for (const problem of problems) {
    if (problem === 'email_required') fields.push({ path: 'email', message: t('validation.required', { field: t('field.email') }) });
    else if (problem === 'email_invalid') fields.push({ path: 'email', message: t('validation.invalid_email', { field: t('field.email') }) });
    else if (problem === 'password_required') fields.push({ path: 'password', message: t('validation.required', { field: t('field.password') }) });
    else if (problem === 'invalid_credentials') message ??= t('error.invalid_credentials');
    else if (problem === 'rate_limited') message ??= t('error.rate_limited');
    else if (problem === 'unreadable') message ??= t('error.bad_request');
    else message ??= t('error.internal');
  }
  return { fields, message: fields.length ? undefined : message };
}

/**
 * Sign in. With JavaScript the form calls the API and loads `next`; without it (or before the page's
 * scripts have loaded) the browser posts it to `/logg-inn`, which signs in and redirects, or comes back
 * here with `reported` problems.
 */
export function LoginForm({ next, reported }: { next: string; reported: readonly LoginFormProblem[] }) {
  const { t } = useI18n();
  const { state, mutate } = useLogin();
  const fromApi = useFormProblems(state);
  const fromServer = state.status === 'idle' && reported.length ? problemsFromForm(reported, t) : null;
  const fields = fromServer?.fields ?? fromApi.fields;
  const problems = fromServer ? { ...fromServer, attempt: 0 } : fromApi.problems;

  return (
    <form
      method="post"
      action="/logg-inn"
      className="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const result = await mutate({ email: String(data.get('email') ?? '').trim(), password: String(data.get('password') ?? '') });
        // A full page load, so the header, the language preference and every loader see the new session.
        if (result.ok) window.location.assign(next);
      }}
    >
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
      <input type="hidden" name="neste" value={next} />
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
