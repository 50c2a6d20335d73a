import { useState } from 'react';
import type { Member } from '@varde/contracts';
import { isPipelineStatus, pipelineStatuses, statusesBeforeOpening, type PipelineStatus } from '@varde/contracts/vocabulary';
import type { FieldMessage } from '../../../components/form-problems';
import { messageFor } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextareaInput } from '../../../components/textarea-input';
import { useI18n } from '../../../i18n/i18n';
import { statusLabel } from '../statuses';

/** The API's limit on notes (`notes` in pipeline-api.ts), for the field's counter. */
const NOTES_MAX = 4000;

interface PipelineFieldValues {
  status: PipelineStatus;
  assigneeUserId: string | null;
  notes: string;
}

/** Status, assignee and notes of one pipeline item; uncontrolled, read back with `readPipelineFields`. */
export function PipelineFields({
  idPrefix,
  values,
  members,
  fields,
  assigneeName,
  callNotOpen = false,
}: {
  idPrefix: string;
  values: PipelineFieldValues;
  /** Null while the members list is loading (or could not be loaded). */
  members: Member[] | null;
  fields: FieldMessage[];
  /** The current assignee's name, shown until the members list has loaded. */
  assigneeName?: string | undefined;
  /**
   * The call has not opened yet (announced to open later, or expected): only the statuses it can have
   * are offered (the server refuses the others too), and the field says why.
   */
  callNotOpen?: boolean;
}) {
  const { t } = useI18n();
  // Controlled, so the choice survives the options changing when the members list arrives.
  const [assignee, setAssignee] = useState(values.assigneeUserId ?? '');
  const assigneeOptions = [{ value: '', label: t('pipeline.noAssignee') }];
  if (members) assigneeOptions.push(...members.map((m) => ({ value: m.userId, label: m.name })));
  else if (values.assigneeUserId) assigneeOptions.push({ value: values.assigneeUserId, label: assigneeName ?? '…' });
  // An item saved before this rule keeps its status visible, so nothing is changed behind the user's back.
  const statuses = callNotOpen ? pipelineStatuses.filter((s) => statusesBeforeOpening.includes(s) || s === values.status) : pipelineStatuses;
  return (
    <>
      <SelectInput
        id={`${idPrefix}-status`}
        name="status"
        label={t('field.status')}
        description={callNotOpen ? t('pipeline.statusNotOpen') : undefined}
        defaultValue={values.status}
        error={messageFor(fields, 'status')}
        options={statuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
      />
      <SelectInput
        id={`${idPrefix}-assigneeUserId`}
        name="assigneeUserId"
        label={t('field.assigneeUserId')}
        description={members ? undefined : t('pipeline.membersLoading')}
        value={assignee}
        onChange={(event) => setAssignee(event.currentTarget.value)}
        error={messageFor(fields, 'assigneeUserId')}
        options={assigneeOptions}
      />
      <TextareaInput
        id={`${idPrefix}-notes`}
        name="notes"
        label={t('field.notes')}
        description={t('pipeline.notesHint')}
        maxLength={NOTES_MAX}
        defaultValue={values.notes}
        rows={3}
        error={messageFor(fields, 'notes')}
      />
    </>
  );
}

export function readPipelineFields(form: HTMLFormElement): PipelineFieldValues {
  const data = new FormData(form);
  const status = data.get('status');
  const assignee = String(data.get('assigneeUserId') ?? '');
  return {
    status: isPipelineStatus(status) ? status : 'interested',
    assigneeUserId: assignee || null,
    notes: String(data.get('notes') ?? ''),
  };
}
