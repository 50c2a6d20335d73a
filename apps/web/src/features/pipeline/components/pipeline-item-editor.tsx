import { useEffect, useRef, useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import type { PipelineItem } from '@varde/contracts/pipeline-api';
import { FormProblems, useFormProblems } from '../../../components/form-problems';
import { useI18n } from '../../../i18n/i18n';
import { useDeletePipelineItem } from '../api/delete-pipeline-item';
import { useUpsertPipelineItem } from '../api/upsert-pipeline-item';
import { PipelineFields, readPipelineFields } from './pipeline-fields';
import type { EditingProps } from './use-pipeline-editing';

/**
 * The keyboard way to move an item between columns: status, assignee and notes of one item, with
 * "remove from the overview" behind a confirm step. Focus goes to the first field when it opens.
 */
export function PipelineItemEditor({ item, editing }: { item: PipelineItem; editing: EditingProps }) {
  const { t } = useI18n();
  const { organisationId, members, done: onDone } = editing;
  const onCancel = () => editing.cancel(item.id);
  const save = useUpsertPipelineItem();
  const remove = useDeletePipelineItem();
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const idPrefix = `pipeline-edit-${item.id}`;
  const idFor = (path: string) => `${idPrefix}-${path}`;
  const { fields, problems } = useFormProblems(save.state, remove.state);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, textarea')?.focus();
  }, []);

  return (
    <form
      ref={formRef}
      className="form pipeline-editor"
      data-size="sm"
      noValidate
      aria-label={t('pipeline.editLabel', { name: item.callTitle ? `${item.schemeName}, ${item.callTitle}` : item.schemeName })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      onSubmit={async (event) => {
        event.preventDefault();
        const values = readPipelineFields(event.currentTarget);
        const result = await save.mutate({ organisationId, schemeId: item.schemeId, callId: item.callId, ...values });
        if (result.ok) onDone({ kind: 'saved', item: result.data });
      }}
    >
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
      <PipelineFields
        idPrefix={idPrefix}
        values={{ status: item.status, assigneeUserId: item.assignee?.id ?? null, notes: item.notes }}
        assigneeName={item.assignee?.name}
        callNotOpen={item.callStatus === 'forecast'}
        members={members}
        fields={fields}
      />
      <div className="form-actions">
        {confirming ? (
          <>
            <Button
              key="confirm"
              type="button"
              data-size="sm"
              data-color="danger"
              autoFocus
              loading={remove.state.status === 'pending'}
              onClick={async () => {
                const result = await remove.mutate({ organisationId, itemId: item.id });
                if (result.ok) onDone({ kind: 'removed', item });
              }}
            >
              {t('pipeline.confirmRemove')}
            </Button>
            <Button key="keep" type="button" data-size="sm" variant="tertiary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <>
            <Button key="save" type="submit" data-size="sm" loading={save.state.status === 'pending'}>
              {t('pipeline.save')}
            </Button>
            <Button key="cancel" type="button" data-size="sm" variant="secondary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button key="remove" type="button" data-size="sm" variant="tertiary" data-color="danger" onClick={() => setConfirming(true)}>
              {t('pipeline.remove')}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
