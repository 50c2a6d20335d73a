import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { CreatedInvitation } from '@varde/contracts';
import { isLanguage, languages, membershipRoles } from '@varde/contracts/vocabulary';
import { CopyField } from '../../../components/copy-field';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { languageNames, useI18n } from '../../../i18n/i18n';
import { useCreateInvitation } from '../api/create-invitation';
import { roleLabel } from '../labels';

const idFor = (path: string) => `invite-${path}`;

/**
 * With a mail server the invitation went by e-mail to the invitee only, and the inviter never sees the
 * link. Without one, the link is shown once (only a hash of it is stored), labelled as a link to send
 * yourself, with a copy button.
 */
function CreatedLink({ invitation }: { invitation: CreatedInvitation }) {
  const { t, dateTime } = useI18n();
  if (invitation.delivery === 'email' || !invitation.acceptUrl) {
    return (
      <Alert data-color="success">
        <Heading level={3} data-size="xs">
          {t('invite.sentHeading')}
        </Heading>
        <Paragraph>{t('invite.sentBody', { email: invitation.email, expires: dateTime(invitation.expiresAt) })}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert data-color="success" className="copy-box">
      <Heading level={3} data-size="xs">
        {t('invite.createdHeading')}
      </Heading>
      <Paragraph>{t('invite.createdBody', { email: invitation.email, expires: dateTime(invitation.expiresAt) })}</Paragraph>
      <CopyField
        id="invite-link"
        label={t('invite.linkLabel')}
        value={invitation.acceptUrl}
        texts={{ copy: t('invite.copy'), copied: t('invite.copied'), failed: t('invite.copyFailed') }}
      />
    </Alert>
  );
}

export function InviteForm({ organisationId }: { organisationId: string }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const { state, mutate } = useCreateInvitation();
  const { fields, problems } = useFormProblems(state, { labels: { language: t('invite.languageLabel') } });

  return (
    <div className="stack">
      <form
        className="form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const role = data.get('role') === 'admin' ? 'admin' : 'member';
          const language = data.get('language');
          const result = await mutate({
            organisationId,
            email: String(data.get('email') ?? '').trim(),
            role,
            ...(isLanguage(language) ? { language } : {}),
          });
          if (result.ok) {
            form.reset();
            await revalidator.revalidate();
          }
        }}
      >
        {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
        <TextInput id={idFor('email')} name="email" type="email" label={t('field.email')} autoComplete="off" error={messageFor(fields, 'email')} />
        <SelectInput
          id={idFor('role')}
          name="role"
          label={t('field.role')}
          description={t('invite.roleHint')}
          defaultValue="member"
          error={messageFor(fields, 'role')}
          options={membershipRoles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
        />
        <SelectInput
          id={idFor('language')}
          name="language"
          label={t('invite.languageLabel')}
          defaultValue=""
          error={messageFor(fields, 'language')}
          options={[{ value: '', label: t('invite.languageDefault') }, ...languages.map((l) => ({ value: l, label: languageNames[l] }))]}
        />
        <div className="form-actions">
          <Button type="submit" loading={state.status === 'pending'}>
            {t('invite.submit')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">{state.status === 'success' ? <CreatedLink invitation={state.data} /> : null}</div>
    </div>
  );
}
