import { useEffect, useId, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { Member } from '@varde/contracts';
import type { PipelineStatus } from '@varde/contracts/vocabulary';
import type { PipelineItem } from '@varde/contracts/pipeline-api';
import type { Deadline } from '@varde/contracts/schemes';
import { createApi, fetchTransport } from '../../../app/api-client';
import { AppLink } from '../../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { useSession } from '../../auth/api/get-session';
import { listMembers } from '../../organisations/api/list-members';
import { osloIsoDate } from '../../../i18n/format-date';
import { useSchemeFormat } from '../../schemes/format';
import { listPipeline } from '../api/list-pipeline';
import { useUpsertPipelineItem } from '../api/upsert-pipeline-item';
import { statusLabel } from '../statuses';
import { PipelineFields, readPipelineFields } from './pipeline-fields';

interface SchemePipelineSlotProps {
  schemeId: string;
  /** The scheme's calls (real and predicted), titles already in the page language. */
  calls: { id: string; title: string; deadline: Deadline | null; predicted: boolean; status?: 'forecast' | 'open' | 'closed' }[];
  /** `SchemeDetail.pipelineStatus`: shown before the municipality's own items have loaded. */
  pipelineStatus: PipelineStatus | null;
}

const idFor = (path: string) => `scheme-pipeline-${path}`;

/** The call to offer first: the member's latest item for the scheme, else the next open or coming call. */
function initialCallId(calls: SchemePipelineSlotProps['calls'], items: PipelineItem[]): string {
  const latest = [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (latest) return latest.callId;
  const today = osloIsoDate(new Date());
  // Deadlines as the source states them: day, then time (one without a stated time lasts the whole day).
  const key = (c: SchemePipelineSlotProps['calls'][number]) => `${c.deadline!.date} ${c.deadline!.time ?? '24:00'}`;
  const coming = calls.filter((c) => c.status !== 'closed' && c.deadline && c.deadline.date >= today).sort((a, b) => key(a).localeCompare(key(b)));
  return coming[0]?.id ?? '';
}

/**
 * "Where do we stand with this scheme?" on a scheme's page, for members of a municipality: pick the
 * call (or the scheme as a whole), set the status, an assignee and notes. The items and the members
 * are fetched in the browser, so the public page's loader stays the same for everyone. For anyone
 * else it renders nothing.
 */
export function SchemePipelineSlot({ schemeId, calls, pipelineStatus }: SchemePipelineSlotProps) {
  const { user } = useSession();
  const organisation = user?.memberships.find((m) => m.organisationType === 'municipality') ?? null;
  if (!organisation) return null;
  return (
    <SlotForm
      key={organisation.organisationId}
      organisationId={organisation.organisationId}
      organisationName={organisation.organisationName}
      schemeId={schemeId}
      calls={calls}
      pipelineStatus={pipelineStatus}
    />
  );
}

function SlotForm({
  organisationId,
  organisationName,
  schemeId,
  calls,
  pipelineStatus,
}: SchemePipelineSlotProps & { organisationId: string; organisationName: string }) {
  const { t, deadlineText } = useSchemeFormat();
  const headingId = useId();
  const revalidator = useRevalidator();
  const { state, mutate } = useUpsertPipelineItem();
  const [items, setItems] = useState<PipelineItem[] | null>(null);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [callId, setCallId] = useState<string | null>(null);
  const [saved, setSaved] = useState<PipelineItem | null>(null);

  useEffect(() => {
    const api = createApi(fetchTransport);
    let live = true;
    listPipeline(api, organisationId)
      .then((list) => live && setItems(list.items.filter((i) => i.schemeId === schemeId)))
      .catch(() => live && setItems([]));
    listMembers(api, organisationId)
      .then((list) => live && setMembers(list))
      .catch(() => live && setMembers([]));
    return () => {
      live = false;
    };
  }, [organisationId, schemeId]);

  const chosenCall = callId ?? initialCallId(calls, items ?? []);
  const current = items?.find((i) => i.callId === chosenCall) ?? null;
  // Offered: the open and upcoming calls (real or expected), and any call the municipality has an item for.
  const marked = new Set((items ?? []).map((i) => i.callId));
  const offered = calls.filter((c) => c.status !== 'closed' || marked.has(c.id) || c.id === chosenCall);
  const chosenNotOpen = calls.find((c) => c.id === chosenCall)?.status === 'forecast';
  const { fields, problems } = useFormProblems(state, { labels: { callId: t('pipeline.field.call') } });
  const targetName = (id: string) => (id ? (calls.find((c) => c.id === id)?.title ?? id) : t('pipeline.wholeScheme'));

  return (
    <section className="section pipeline-slot" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('pipeline.slot.heading')}
      </Heading>
      <Paragraph className="muted">{t('pipeline.slot.lead', { organisation: organisationName })}</Paragraph>

      {items === null ? (
        pipelineStatus ? (
          <Paragraph>{t('pipeline.slot.status', { status: statusLabel(t, pipelineStatus) })}</Paragraph>
        ) : null
      ) : items.length > 0 ? (
        <ul className="plain-list link-list">
          {items.map((item) => (
            <li key={item.id}>
              <strong>{targetName(item.callId)}:</strong> {statusLabel(t, item.status)}
              {item.assignee ? ` · ${t('pipeline.assigneeIs', { name: item.assignee.name })}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('pipeline.slot.none')}</Paragraph>
      )}

      <form
        className="form"
        noValidate
        aria-labelledby={headingId}
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(null);
          const values = readPipelineFields(event.currentTarget);
          const result = await mutate({ organisationId, schemeId, callId: chosenCall, ...values });
          if (result.ok) {
            setSaved(result.data);
            setItems((list) => [...(list ?? []).filter((i) => i.id !== result.data.id), result.data]);
            // The page shows the municipality's status for the scheme as well.
            void revalidator.revalidate();
          }
        }}
      >
        {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
        {/* Disabled until the municipality's items arrive: the fields then show the chosen call's item,
            so nothing the user picks before that is thrown away. */}
        <fieldset className="unstyled-fieldset" disabled={items === null} aria-busy={items === null}>
          <SelectInput
            id={idFor('callId')}
            name="callId"
            label={t('pipeline.field.call')}
            description={offered.length < calls.length ? t('pipeline.slot.closedCalls') : undefined}
            value={chosenCall}
            onChange={(event) => setCallId(event.currentTarget.value)}
            error={messageFor(fields, 'callId')}
            options={[
              { value: '', label: t('pipeline.wholeScheme') },
              ...offered.map((c) => ({
                value: c.id,
                label: t(c.predicted ? 'pipeline.callOptionPredicted' : 'pipeline.callOption', { title: c.title, deadline: deadlineText(c.deadline) }),
              })),
            ]}
          />
          {/* Re-mounted per call and once the items arrive, so the fields show that call's item. */}
          <PipelineFields
            key={`${chosenCall}:${items === null ? 'loading' : 'loaded'}`}
            idPrefix="scheme-pipeline"
            values={{ status: current?.status ?? 'interested', assigneeUserId: current?.assignee?.id ?? null, notes: current?.notes ?? '' }}
            assigneeName={current?.assignee?.name}
            callNotOpen={chosenNotOpen}
            members={members}
            fields={fields}
          />
          <div className="form-actions">
            <Button type="submit" loading={state.status === 'pending'}>
              {t('pipeline.save')}
            </Button>
          </div>
        </fieldset>
      </form>
      <div role="status">
        {saved ? (
          <Alert data-color="success">
            <Paragraph>
              {t('pipeline.slot.saved', { target: targetName(saved.callId), status: statusLabel(t, saved.status) })}{' '}
              <AppLink to={`/organisasjoner/${organisationId}/pipeline`}>{t('pipeline.slot.boardLink')}</AppLink>
            </Paragraph>
          </Alert>
        ) : null}
      </div>
      {!saved ? (
        <Paragraph>
          <AppLink to={`/organisasjoner/${organisationId}/pipeline`}>{t('pipeline.slot.boardLink')}</AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
