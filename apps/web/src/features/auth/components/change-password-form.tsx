import { useState } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { limits } from '@varde/contracts/roles';
import { FormProblems, fieldErrorsOf, messageFor, type FieldMessage } from '../../../components/form-problems';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useChangePassword } from '../api/change-password';

const idFor = (path: string) => `password-${path}`;

export function ChangePasswordForm() {
  const { t } = useI18n();
  const { state, mutate } = useChangePassword();
  // Checked in the browser before sending: the API never sees the repeated password.
  const [mismatch, setMismatch] = useState<{ fields: FieldMessage[]; attempt: number } | null>(null);
  const serverFields = fieldErrorsOf(state.status === 'error' ? state.error : null);
  const fields = mismatch ? mismatch.fields : serverFields;
  const attempt = (mismatch?.attempt ?? 0) + (state.status === 'error' ? state.attempt : 0);

  return (
    <form
      className="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const newPassword = String(data.get('newPassword') ?? '');
        if (newPassword !== String(data.get('repeatPassword') ?? '')) {
          setMismatch({
            fields: [{ path: 'repeatPassword', message: t('form.passwordMismatch') }],
            attempt: (mismatch?.attempt ?? 0) + 1,
          });
          return;
        }
        setMismatch(null);
        const result = await mutate({ currentPassword: String(data.get('currentPassword') ?? ''), newPassword });
        if (result.ok) form.reset();
      }}
    >
      {fields.length || state.status === 'error' ? (
        <FormProblems
          fields={fields}
          message={!fields.length && state.status === 'error' ? state.error.message : undefined}
          attempt={attempt}
          idFor={idFor}
        />
      ) : null}
      <TextInput
        id={idFor('currentPassword')}
        name="currentPassword"
        type="password"
        label={t('field.currentPassword')}
        autoComplete="current-password"
        error={messageFor(fields, 'currentPassword')}
      />
      <TextInput
        id={idFor('newPassword')}
        name="newPassword"
        type="password"
        label={t('field.newPassword')}
        description={t('form.passwordRule', { min: limits.passwordMin })}
        autoComplete="new-password"
        error={messageFor(fields, 'newPassword')}
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
          {t('account.changePasswordSubmit')}
        </Button>
      </div>
      <div role="status">
        {state.status === 'success' && !mismatch ? (
          <Alert data-color="success">
            <Paragraph>{t('account.passwordChanged')}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
