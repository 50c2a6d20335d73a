import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { lifecycleStatuses, type LifecycleStatus } from '@varde/contracts/vocabulary';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { inputId, type LifecycleDraft } from '../editor-model';
import { GroupError, LocalizedFields, type ErrorsByKey } from './editor-fields';

/** A scheme of the catalogue, as the successor select lists it. */
export interface SchemeOption {
  id: string;
  name: string;
}

/**
 * Active, paused or ended; for an ended scheme the day it ended and the scheme that replaced it (a
 * select of the catalogue's schemes when the list could be loaded, else its id as text).
 */
export function LifecycleSection({
  schemeId,
  value,
  onChange,
  schemes,
  errors,
}: {
  schemeId: string;
  value: LifecycleDraft;
  onChange: (patch: Partial<LifecycleDraft>) => void;
  /** Null when the catalogue could not be listed. */
  schemes: SchemeOption[] | null;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  const path = 'scheme.lifecycle';
  const successor = `${path}.successorId`;
  const others = schemes?.filter((s) => s.id !== schemeId) ?? null;
  const successorMissing =
    others && value.successorId && !others.some((s) => s.id === value.successorId) ? [{ value: value.successorId, label: value.successorId }] : [];
  return (
    <section className="section editor-section" aria-labelledby="edit-section-lifecycle-heading" id={inputId(path)} tabIndex={-1}>
      <Heading level={2} data-size="sm" id="edit-section-lifecycle-heading">
        {t('editor.lifecycleHeading')}
      </Heading>
      <Paragraph>{t('editor.lifecycleLead')}</Paragraph>
      <GroupError error={errors.get(path)} />
      <SelectInput
        id={inputId(`${path}.status`)}
        label={t('field.status')}
        value={value.status}
        error={errors.get(`${path}.status`)}
        onChange={(e) => onChange({ status: e.currentTarget.value as LifecycleStatus })}
        options={lifecycleStatuses.map((s) => ({ value: s, label: t(`lifecycle.${s}`) }))}
      />
      {value.status === 'ended' ? (
        <div className="two-columns two-columns--tight">
          <TextInput
            id={inputId(`${path}.endedOn`)}
            type="date"
            label={t('editor.endedOn')}
            description={t('editor.endedOnHint')}
            value={value.endedOn}
            error={errors.get(`${path}.endedOn`)}
            onChange={(e) => onChange({ endedOn: e.currentTarget.value })}
          />
          {others ? (
            <SelectInput
              id={inputId(successor)}
              label={t('editor.successor')}
              description={t('editor.successorHint')}
              value={value.successorId}
              error={errors.get(successor)}
              onChange={(e) => onChange({ successorId: e.currentTarget.value })}
              options={[{ value: '', label: t('editor.noSuccessor') }, ...others.map((s) => ({ value: s.id, label: s.name })), ...successorMissing]}
            />
          ) : (
            <TextInput
              id={inputId(successor)}
              label={t('editor.successor')}
              description={t('editor.successorIdHint')}
              value={value.successorId}
              error={errors.get(successor)}
              onChange={(e) => onChange({ successorId: e.currentTarget.value })}
            />
          )}
        </div>
      ) : null}
      <TextInput
        id={inputId(`${path}.sourceIds`)}
        label={t('field.sourceIds')}
        description={t('editor.lifecycleSourcesHint')}
        value={value.sourceIds}
        error={errors.get(`${path}.sourceIds`)}
        onChange={(e) => onChange({ sourceIds: e.currentTarget.value })}
      />
      <LocalizedFields
        path={`${path}.note`}
        legend={t('editor.lifecycleNote')}
        description={t('editor.lifecycleNoteHint')}
        value={value.note}
        onChange={(note) => onChange({ note })}
        errors={errors}
        multiline
      />
    </section>
  );
}
