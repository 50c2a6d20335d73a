import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useNavigate, useRevalidator } from 'react-router';
import type { ParticipationRecord } from '@varde/contracts/participation-api';
import { participationLimits } from '@varde/contracts/participation-vocabulary';
import { AppLink } from '../../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { TextareaInput } from '../../../components/textarea-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useDeleteRecord, useFlagRecord, useVerifyRecord } from '../api/record-actions';

/** What the reader may do with the record: verify it, change or remove it, or report it as wrong. */
export function RecordActions({ record }: { record: ParticipationRecord }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const navigate = useNavigate();
  const verify = useVerifyRecord();
  const remove = useDeleteRecord();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { can } = record;
  if (!can.edit && !can.verify && !can.remove && !can.flag) return null;
  const failed = verify.state.status === 'error' ? verify.state.error : remove.state.status === 'error' ? remove.state.error : null;
  return (
    <section className="section" aria-labelledby="record-actions-heading">
      <Heading level={2} data-size="sm" id="record-actions-heading" tabIndex={-1}>
        {t('participation.actionsHeading')}
      </Heading>
      <div className="form-actions">
        {can.verify ? (
          <Button
            variant="secondary"
            loading={verify.state.status === 'pending'}
            onClick={async () => {
              setDone(null);
              if ((await verify.mutate(record.id)).ok) {
                await revalidator.revalidate();
                setDone(t('participation.verified'));
              }
            }}
          >
            {t('participation.verify')}
          </Button>
        ) : null}
        {can.edit ? <AppLink to={`/deltakelse/${record.id}/rediger`}>{t('participation.edit')}</AppLink> : null}
        {can.remove ? (
          confirming ? (
            <>
              <Button
                data-color="danger"
                autoFocus
                loading={remove.state.status === 'pending'}
                onClick={async () => {
                  if ((await remove.mutate(record.id)).ok) await navigate(`/deltakelse?kommune=${record.municipality.code}`);
                  setConfirming(false);
                }}
              >
                {t('participation.confirmRemove')}
              </Button>
              <Button variant="tertiary" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="tertiary" data-color="danger" onClick={() => setConfirming(true)}>
              {t('participation.remove')}
            </Button>
          )
        ) : null}
      </div>
      <div role="status">
        {done ? <Paragraph>{done}</Paragraph> : null}
        {failed ? (
          <Alert data-color="danger">
            <Paragraph>{failed.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {can.flag ? <FlagForm recordId={record.id} /> : null}
    </section>
  );
}

const flagId = (path: string) => `flag-${path}`;

/** A municipality administrator's report that the record is wrong. */
function FlagForm({ recordId }: { recordId: string }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const flag = useFlagRecord();
  const [sent, setSent] = useState(false);
  const { fields, problems } = useFormProblems(flag.state);
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="flag-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setSent(false);
        const data = new FormData(event.currentTarget);
        const url = String(data.get('sourceUrl') ?? '').trim();
        const result = await flag.mutate({ id: recordId, reason: String(data.get('reason') ?? ''), ...(url ? { sourceUrl: url } : {}) });
        if (result.ok) {
          (event.target as HTMLFormElement).reset();
          await revalidator.revalidate();
          setSent(true);
        }
      }}
    >
      <Heading level={3} data-size="xs" id="flag-heading">
        {t('participation.flagHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('participation.flagLead')}</Paragraph>
      {problems ? <FormProblems {...problems} idFor={flagId} /> : null}
      <TextareaInput
        id={flagId('reason')}
        name="reason"
        label={t('field.reason')}
        description={t('participation.flagReasonHint', { max: participationLimits.flagReasonMax })}
        rows={3}
        error={messageFor(fields, 'reason')}
      />
      <TextInput id={flagId('sourceUrl')} name="sourceUrl" type="url" label={t('participation.flagSource')} error={messageFor(fields, 'sourceUrl')} />
      <div className="form-actions">
        <Button type="submit" variant="secondary" loading={flag.state.status === 'pending'}>
          {t('participation.flagSubmit')}
        </Button>
      </div>
      <div role="status">{sent ? <Paragraph>{t('participation.flagSent')}</Paragraph> : null}</div>
    </form>
  );
}
