import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import type { CurrentUser } from '@varde/contracts';
import type { SolutionContact } from '@varde/contracts/solutions-api';
import { solutionLimits as L } from '@varde/contracts/solutions-vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { useI18n } from '../../../i18n/i18n';
import { useAsk } from '../api/questions';
import { checkTexts } from '../check-text';
import { CountedInput, CountedTextarea } from './counted-field';

const idFor = (path: string) => `ask-${path}`;

/**
 * "Ask the people behind it": a signed-in member of another organisation writes to the solution's
 * contact. Only the two organisations see the conversation; the answer comes in the app and by e-mail.
 */
export function AskForm({ solutionId, askFrom, contact, user }: { solutionId: string; askFrom: string[]; contact: SolutionContact | null; user: CurrentUser }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const ask = useAsk();
  const { fields, problems, reject, clear } = useFormProblems(ask.state);
  const organisations = user.memberships.filter((m) => askFrom.includes(m.organisationId));
  if (organisations.length === 0) return null;
  const to = contact
    ? contact.public && contact.name && !contact.fallbackToAdmins
      ? t('library.askTo', { name: contact.name, organisation: contact.organisationName })
      : t('library.askToOrganisation', { organisation: contact.organisationName })
    : t('library.askToOwners');
  return (
    <section className="section" aria-labelledby="ask-heading">
      <Heading level={2} data-size="sm" id="ask-heading">
        {t('library.askHeading')}
      </Heading>
      <Paragraph data-size="sm">{to}</Paragraph>
      <Paragraph data-size="sm">{t('library.askPrivacy')}</Paragraph>
      <form
        className="form"
        noValidate
        aria-labelledby="ask-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          clear();
          const data = new FormData(event.currentTarget);
          const subject = String(data.get('subject') ?? '').trim();
          const body = String(data.get('body') ?? '').trim();
          const found = checkTexts(t, [
            { path: 'subject', label: t('field.subject'), value: subject, max: L.questionSubjectMax },
            { path: 'body', label: t('library.askBody'), value: body, max: L.messageMax },
          ]);
          if (found.length) return reject(found);
          const result = await ask.mutate({
            id: solutionId,
            organisationId: String(data.get('organisationId') ?? organisations[0]!.organisationId),
            subject,
            body,
          });
          if (result.ok) await navigate(`/losninger/sporsmal/${result.data.id}`);
        }}
      >
        {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
        {organisations.length > 1 ? (
          <SelectInput
            id={idFor('organisationId')}
            name="organisationId"
            label={t('library.askFrom')}
            error={messageFor(fields, 'organisationId')}
            options={organisations.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
          />
        ) : (
          <input type="hidden" name="organisationId" value={organisations[0]!.organisationId} />
        )}
        <CountedInput
          id={idFor('subject')}
          name="subject"
          label={t('field.subject')}
          max={L.questionSubjectMax}
          initial=""
          error={messageFor(fields, 'subject')}
        />
        <CountedTextarea
          id={idFor('body')}
          name="body"
          label={t('library.askBody')}
          max={L.messageMax}
          initial=""
          rows={5}
          error={messageFor(fields, 'body')}
        />
        <div className="form-actions">
          <Button type="submit" loading={ask.state.status === 'pending'}>
            {t('library.askSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
