import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { certainties, type Certainty } from '@varde/contracts/vocabulary';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { certaintyGroups, inputId, type CertaintyGroup } from '../editor-model';
import type { ErrorsByKey } from './editor-fields';

/** How sure the catalogue is of a group of facts, and the sources (by id) it rests on. */
export function EvidenceFields({
  path,
  certainty,
  sourceIds,
  onChange,
  errors,
}: {
  path: string;
  certainty: Certainty;
  sourceIds: string;
  onChange: (patch: { certainty?: Certainty; sourceIds?: string }) => void;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  return (
    <div className="two-columns two-columns--tight">
      <SelectInput
        id={inputId(`${path}.certainty`)}
        label={t('field.certainty')}
        value={certainty}
        error={errors.get(`${path}.certainty`)}
        onChange={(e) => onChange({ certainty: e.currentTarget.value as Certainty })}
        options={certainties.map((c) => ({ value: c, label: t(`certainty.${c}`) }))}
      />
      <TextInput
        id={inputId(`${path}.sourceIds`)}
        label={t('field.sourceIds')}
        description={t('editor.sourceIdsHint')}
        value={sourceIds}
        error={errors.get(`${path}.sourceIds`)}
        onChange={(e) => onChange({ sourceIds: e.currentTarget.value })}
      />
    </div>
  );
}

/** Certainty and sources of the groups the form shows no inputs for (criteria, required parts, reporting, cadence). */
export function CertaintySection({
  certainty,
  groupSources,
  onChange,
  errors,
}: {
  certainty: Record<CertaintyGroup, Certainty>;
  groupSources: Record<CertaintyGroup, string>;
  onChange: (group: CertaintyGroup, patch: { certainty?: Certainty; sourceIds?: string }) => void;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  return (
    <section className="section editor-section" aria-labelledby="edit-section-certainty-heading" id="edit-section-certainty" tabIndex={-1}>
      <Heading level={2} data-size="sm" id="edit-section-certainty-heading">
        {t('editor.certaintyHeading')}
      </Heading>
      <Paragraph>{t('editor.certaintyLead')}</Paragraph>
      {certaintyGroups.map((group) => (
        <div key={group} className="stack editor-item">
          <Heading level={3} data-size="2xs">
            {t(`editor.group.${group}`)}
          </Heading>
          <EvidenceFields
            path={`scheme.${group}`}
            certainty={certainty[group]}
            sourceIds={groupSources[group]}
            onChange={(patch) => onChange(group, patch)}
            errors={errors}
          />
        </div>
      ))}
    </section>
  );
}
