import { useState } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useNavigate, useRevalidator } from 'react-router';
import type { SolutionView } from '@varde/contracts/solutions-api';
import { solutionLimits as L } from '@varde/contracts/solutions-vocabulary';
import { AppLink } from '../../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { ActionStatus, ConfirmStep, useListActions } from '../../../components/list-actions';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useDiscardDraft } from '../api/save-draft';
import { useContactConsent, usePublish, useWithdraw } from '../api/solution-actions';

/**
 * What the owners do: members change the draft; an owner organisation's administrator publishes it
 * (every owner is told) and may withdraw that organisation's name; the contact decides whether their
 * name and role are shown.
 */
export function OwnerActions({ solution, draftRevision }: { solution: SolutionView; draftRevision: number | null }) {
  const { t, dateTime } = useI18n();
  // Said outside the publish form, which goes away once nothing is left to publish.
  const [published, setPublished] = useState(false);
  const { can } = solution;
  if (!can.editDraft && !can.publish && can.withdrawFor.length === 0 && !solution.contact?.isViewer) return null;
  return (
    <section className="section owner-actions" aria-labelledby="owner-actions-heading">
      <Heading level={2} data-size="sm" id="owner-actions-heading" tabIndex={-1}>
        {t('library.ownerHeading')}
      </Heading>
      {solution.hasDraft ? (
        <Paragraph>{solution.draftUpdatedAt ? t('library.draftChanged', { when: dateTime(solution.draftUpdatedAt) }) : t('library.draftExists')}</Paragraph>
      ) : solution.status !== 'draft' ? (
        <Paragraph>{t('library.noDraftChanges')}</Paragraph>
      ) : null}
      {can.editDraft ? (
        <ul className="link-list">
          <li>
            <AppLink to={`/losninger/${solution.id}/rediger`}>{solution.hasDraft ? t('library.editDraft') : t('library.startDraft')}</AppLink>
          </li>
        </ul>
      ) : null}
      {can.editDraft && solution.hasDraft && solution.status !== 'draft' ? <DiscardDraft solutionId={solution.id} /> : null}
      {can.publish && solution.hasDraft && draftRevision !== null ? (
        <PublishForm solutionId={solution.id} revision={draftRevision} onPublished={() => setPublished(true)} />
      ) : null}
      {!can.publish && can.editDraft && solution.hasDraft ? <Paragraph data-size="sm">{t('library.publishByAdmin')}</Paragraph> : null}
      {can.withdrawFor.length > 0 ? <WithdrawButtons solution={solution} /> : null}
      <div role="status">
        {published ? (
          <Alert data-color="success">
            <Paragraph>{t('library.published')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {solution.contact?.isViewer ? <ConsentForm solution={solution} /> : null}
    </section>
  );
}

function PublishForm({ solutionId, revision, onPublished }: { solutionId: string; revision: number; onPublished: () => void }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const publish = usePublish();
  const { fields, problems } = useFormProblems(publish.state);
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="publish-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const note = String(new FormData(event.currentTarget).get('versionNote') ?? '').trim();
        if ((await publish.mutate({ id: solutionId, revision, versionNote: note || null })).ok) {
          onPublished();
          await revalidator.revalidate();
          document.getElementById('owner-actions-heading')?.focus();
        }
      }}
    >
      <Heading level={3} data-size="xs" id="publish-heading">
        {t('library.publishHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('library.publishLead')}</Paragraph>
      {problems ? <FormProblems {...problems} idFor={(path) => `publish-${path}`} /> : null}
      <TextInput
        id="publish-versionNote"
        name="versionNote"
        label={t('library.publishNote')}
        description={t('library.publishNoteHint')}
        maxLength={L.versionNoteMax}
        error={messageFor(fields, 'versionNote')}
      />
      <div className="form-actions">
        <Button type="submit" loading={publish.state.status === 'pending'}>
          {t('library.publish')}
        </Button>
      </div>
    </form>
  );
}

function DiscardDraft({ solutionId }: { solutionId: string }) {
  const { t } = useI18n();
  const actions = useListActions('owner-actions-heading');
  const discard = useDiscardDraft();
  return (
    <div className="form-actions">
      <ConfirmStep
        actions={actions}
        rowKey="discard"
        id="discard-draft"
        label={t('library.discardDraft')}
        confirmLabel={t('library.confirmDiscardDraft')}
        name={t('library.draft')}
        pending={discard.state.status === 'pending'}
        onConfirm={() => actions.run(() => discard.mutate(solutionId), t('library.draftDiscarded'))}
      />
      <ActionStatus done={actions.done} error={discard.state.status === 'error' ? discard.state.error : null} />
    </div>
  );
}

function WithdrawButtons({ solution }: { solution: SolutionView }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const actions = useListActions('owner-actions-heading');
  const withdraw = useWithdraw();
  const owners = solution.owners.filter((o) => solution.can.withdrawFor.includes(o.organisationId) && !o.withdrawnAt);
  if (owners.length === 0) return null;
  return (
    <div className="stack">
      <Heading level={3} data-size="xs">
        {t('library.withdrawHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('library.withdrawLead')}</Paragraph>
      <div className="form-actions">
        {owners.map((o) => (
          <ConfirmStep
            key={o.organisationId}
            actions={actions}
            rowKey={o.organisationId}
            id={`withdraw-${o.organisationId}`}
            label={t('library.withdraw', { organisation: o.name })}
            confirmLabel={t('library.confirmWithdraw', { organisation: o.name })}
            name={solution.content.title}
            pending={withdraw.state.status === 'pending'}
            onConfirm={() =>
              actions.run(
                async () => {
                  const result = await withdraw.mutate({ id: solution.id, organisationId: o.organisationId });
                  if (result.ok) await navigate(`/losninger/${solution.id}`, { replace: true, preventScrollReset: true });
                  return result;
                },
                t('library.withdrawn', { organisation: o.name }),
              )
            }
          />
        ))}
      </div>
      <ActionStatus done={actions.done} error={withdraw.state.status === 'error' ? withdraw.state.error : null} alert />
    </div>
  );
}

function ConsentForm({ solution }: { solution: SolutionView }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const consent = useContactConsent();
  const { fields, problems } = useFormProblems(consent.state);
  const [done, setDone] = useState(false);
  const contact = solution.contact!;
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="consent-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(false);
        const data = new FormData(event.currentTarget);
        const role = String(data.get('role') ?? '').trim();
        if ((await consent.mutate({ id: solution.id, public: data.get('public') === 'yes', role: role || null })).ok) {
          await revalidator.revalidate();
          setDone(true);
        }
      }}
    >
      <Heading level={3} data-size="xs" id="consent-heading">
        {t('library.consentHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('library.consentLead')}</Paragraph>
      {problems ? <FormProblems {...problems} idFor={(path) => `consent-${path}`} /> : null}
      <TextInput
        id="consent-role"
        name="role"
        label={t('field.contactRole')}
        maxLength={L.contactRoleMax}
        defaultValue={contact.role ?? ''}
        error={messageFor(fields, 'role')}
      />
      <Field asChild>
        <div>
          <Input type="checkbox" id="consent-public" name="public" value="yes" defaultChecked={contact.public} />
          <Label htmlFor="consent-public" weight="regular">
            {t('library.form.contactPublic')}
          </Label>
        </div>
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="secondary" loading={consent.state.status === 'pending'}>
          {t('library.consentSave')}
        </Button>
      </div>
      <div role="status">
        {done ? (
          <Alert data-color="success">
            <Paragraph>{t('library.consentSaved')}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
