import { Button } from '@digdir/designsystemet-react';
import type { InvitationPreview } from '@varde/contracts';
import { limits } from '@varde/contracts/vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useAcceptInvitation } from '../api/accept-invitation';

const idFor = (path: string) => `accept-${path}`;

/**
 * A new person chooses a name and a password; someone who already has an account confirms with their
 * password. Either way the answer is a session, and we continue to the organisation's page.
 */
export function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useI18n();
  const { state, mutate } = useAcceptInvitation();
  const isNew = !invitation.accountExists;
  const { fields, problems, reject, clear } = useFormProblems(state, { labels: { password: isNew ? t('invitation.choosePassword') : t('field.password') } });

  return (
    <form
      className="form"
      noValidate
      method="post"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const password = String(data.get('password') ?? '');
        if (isNew && password !== String(data.get('repeatPassword') ?? '')) {
          reject([{ path: 'repeatPassword', message: t('form.passwordMismatch') }]);
          return;
        }
        clear();
        const result = await mutate({ token, password, ...(isNew ? { name: String(data.get('name') ?? '') } : {}) });
        if (!result.ok) return;
        const membership = result.data.user?.memberships.find((m) => m.organisationName === invitation.organisationName);
        // A full page load, so the header and every loader see the new session.
        window.location.assign(membership ? `/organisasjoner/${membership.organisationId}` : '/konto');
      }}
    >
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
      <TextInput id={idFor('email')} name="email" type="email" label={t('field.email')} value={invitation.email} readOnly autoComplete="username" />
      {isNew ? <TextInput id={idFor('name')} name="name" label={t('field.name')} autoComplete="name" error={messageFor(fields, 'name')} /> : null}
      <TextInput
        id={idFor('password')}
        name="password"
        type="password"
        label={isNew ? t('invitation.choosePassword') : t('field.password')}
        description={isNew ? t('form.passwordRule', { min: limits.passwordMin }) : t('invitation.confirmHint')}
        autoComplete={isNew ? 'new-password' : 'current-password'}
        error={messageFor(fields, 'password')}
      />
      {isNew ? (
        <TextInput
          id={idFor('repeatPassword')}
          name="repeatPassword"
          type="password"
          label={t('field.repeatPassword')}
          autoComplete="new-password"
          error={messageFor(fields, 'repeatPassword')}
        />
      ) : null}
      <div className="form-actions">
        <Button type="submit" loading={state.status === 'pending'}>
          {isNew ? t('invitation.submitNew') : t('invitation.submitExisting')}
        </Button>
      </div>
    </form>
  );
}
