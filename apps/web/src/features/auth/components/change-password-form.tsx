import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { limits } from '@varde/contracts/vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useChangePassword } from '../api/change-password';

const idFor = (path: string) => `password-${path}`;

export function ChangePasswordForm() {
  const { t } = useI18n();
  const { state, mutate } = useChangePassword();
  // The repeated password is checked in the browser before sending: the API never sees it.
  const { fields, problems, rejected, reject, clear } = useFormProblems(state);

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
          reject([{ path: 'repeatPassword', message: t('form.passwordMismatch') }]);
          return;
        }
        clear();
        const result = await mutate({ currentPassword: String(data.get('currentPassword') ?? ''), newPassword });
        if (result.ok) form.reset();
      }}
    >
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
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
        {state.status === 'success' && !rejected ? (
          <Alert data-color="success">
            <Paragraph>{t('account.passwordChanged')}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
