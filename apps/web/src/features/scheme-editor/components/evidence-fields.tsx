import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { cadences, certainties, type Cadence, type Certainty } from '@varde/contracts/vocabulary';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { certaintyGroups, inputId, type CertaintyGroup, type EvidenceDraft } from '../editor-model';
import { GroupError, LocalizedFields, type ErrorsByKey } from './editor-fields';

/** The note is asked for where the catalogue needs it (facts not verified) and kept where it is written. */
export const showsNote = (value: EvidenceDraft) => value.certainty !== 'verified' || !!(value.note.nb.trim() || value.note.nn.trim() || value.note.en.trim());

/** How sure the catalogue is of a group of facts, the sources (by id) it rests on, and what is uncertain. */
export function EvidenceFields({
  path,
  value,
  onChange,
  errors,
}: {
  path: string;
  value: EvidenceDraft;
  onChange: (patch: Partial<EvidenceDraft>) => void;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="two-columns two-columns--tight">
        <SelectInput
          id={inputId(`${path}.certainty`)}
          label={t('field.certainty')}
          value={value.certainty}
          error={errors.get(`${path}.certainty`)}
          onChange={(e) => onChange({ certainty: e.currentTarget.value as Certainty })}
          options={certainties.map((c) => ({ value: c, label: t(`certainty.${c}`) }))}
        />
        <TextInput
          id={inputId(`${path}.sourceIds`)}
          label={t('field.sourceIds')}
          description={t('editor.sourceIdsHint')}
          value={value.sourceIds}
          error={errors.get(`${path}.sourceIds`)}
          onChange={(e) => onChange({ sourceIds: e.currentTarget.value })}
        />
      </div>
      {showsNote(value) ? (
        <LocalizedFields
          path={`${path}.note`}
          legend={t('field.note')}
          description={t('editor.noteHint')}
          value={value.note}
          onChange={(note) => onChange({ note })}
          errors={errors}
          multiline
        />
      ) : null}
    </>
  );
}

/** Certainty and sources of the groups the form shows no other inputs for, and how often the scheme is announced. */
export function CertaintySection({
  groups,
  cadence,
  onChange,
  onCadence,
  errors,
}: {
  groups: Record<CertaintyGroup, EvidenceDraft>;
  cadence: Cadence;
  onChange: (group: CertaintyGroup, patch: Partial<EvidenceDraft>) => void;
  onCadence: (next: Cadence) => void;
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  return (
    <section className="section editor-section" aria-labelledby="edit-section-certainty-heading" id="edit-section-certainty" tabIndex={-1}>
      <Heading level={2} data-size="sm" id="edit-section-certainty-heading">
        {t('editor.certaintyHeading')}
      </Heading>
      <Paragraph>{t('editor.certaintyLead')}</Paragraph>
      {certaintyGroups.map((group) => {
        const path = `scheme.${group}`;
        return (
          <div key={group} className="stack editor-item" id={inputId(path)} tabIndex={-1}>
            <Heading level={3} data-size="2xs">
              {t(`editor.group.${group}`)}
            </Heading>
            <GroupError error={errors.get(path)} />
            {group === 'cadence' ? (
              <SelectInput
                id={inputId('scheme.cadence.kind')}
                label={t('editor.cadenceKind')}
                value={cadence}
                error={errors.get('scheme.cadence.kind')}
                onChange={(e) => onCadence(e.currentTarget.value as Cadence)}
                options={cadences.map((c) => ({ value: c, label: t(`editor.cadence.${c}`) }))}
              />
            ) : null}
            <EvidenceFields path={path} value={groups[group]} onChange={(patch) => onChange(group, patch)} errors={errors} />
          </div>
        );
      })}
    </section>
  );
}
