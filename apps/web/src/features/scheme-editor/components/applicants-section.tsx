import { Heading } from '@digdir/designsystemet-react';
import type { County } from '@varde/contracts';
import { applicantTypes, collaborationModes, type ApplicantType, type CollaborationMode } from '@varde/contracts/vocabulary';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { inputId, type EditorModel } from '../editor-model';
import { CheckboxField, CheckboxGroup, type ErrorsByKey } from './editor-fields';
import { EvidenceFields } from './evidence-fields';

type Applicants = EditorModel['applicants'];

/** Who may apply: lead and partner types, the municipalities needed, counties, anchoring and collaboration. */
export function ApplicantsSection({
  value,
  onChange,
  counties,
  errors,
}: {
  value: Applicants;
  onChange: (patch: Partial<Applicants>) => void;
  counties: County[];
  errors: ErrorsByKey;
}) {
  const { t } = useI18n();
  return (
    <section className="section editor-section" aria-labelledby="edit-section-applicants-heading" id="edit-section-applicants" tabIndex={-1}>
      <Heading level={2} data-size="sm" id="edit-section-applicants-heading">
        {t('editor.applicantsHeading')}
      </Heading>
      {(['leadTypes', 'partnerTypes', 'requiredPartnerTypes'] as const).map((field) => (
        <CheckboxGroup<ApplicantType>
          key={field}
          path={`scheme.applicants.${field}`}
          legend={t(`field.${field}`)}
          description={field === 'requiredPartnerTypes' ? t('editor.requiredPartnersHint') : undefined}
          options={applicantTypes.map((type) => ({ value: type, label: t(`applicantType.${type}`) }))}
          value={value[field]}
          onChange={(v) => onChange({ [field]: v })}
          errors={errors}
        />
      ))}
      <TextInput
        id={inputId('scheme.applicants.minMunicipalities')}
        label={t('field.minMunicipalities')}
        description={t('editor.minMunicipalitiesHint')}
        inputMode="numeric"
        value={value.minMunicipalities}
        error={errors.get('scheme.applicants.minMunicipalities')}
        onChange={(e) => onChange({ minMunicipalities: e.currentTarget.value })}
      />
      <CheckboxGroup<string>
        path="scheme.applicants.counties"
        legend={t('field.counties')}
        description={t('editor.countiesHint')}
        options={counties.map((c) => ({ value: c.code, label: c.name }))}
        value={value.counties}
        onChange={(v) => onChange({ counties: v })}
        errors={errors}
      />
      <CheckboxField
        path="scheme.applicants.politicalAnchoringRequired"
        label={t('editor.politicalAnchoring')}
        checked={value.politicalAnchoringRequired}
        onChange={(v) => onChange({ politicalAnchoringRequired: v })}
        errors={errors}
      />
      <SelectInput
        id={inputId('scheme.applicants.collaboration')}
        label={t('field.collaboration')}
        value={value.collaboration}
        error={errors.get('scheme.applicants.collaboration')}
        onChange={(e) => onChange({ collaboration: e.currentTarget.value as CollaborationMode })}
        options={collaborationModes.map((c) => ({ value: c, label: t(`collaboration.${c}`) }))}
      />
      <EvidenceFields path="scheme.applicants" certainty={value.certainty} sourceIds={value.sourceIds} onChange={onChange} errors={errors} />
    </section>
  );
}
