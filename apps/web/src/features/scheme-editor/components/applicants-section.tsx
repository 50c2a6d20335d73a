import { Heading } from '@digdir/designsystemet-react';
import type { County } from '@varde/contracts';
import { applicantTypes, collaborationModes, type ApplicantType, type CollaborationMode } from '@varde/contracts/vocabulary';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { inputId, type ApplicantsDraft } from '../editor-model';
import { CheckYourselfEditor, ConditionsEditor } from './conditions-editor';
import { CheckboxField, CheckboxGroup, GroupError, type ErrorsByKey } from './editor-fields';
import { EvidenceFields } from './evidence-fields';

const centralityClasses = ['1', '2', '3', '4', '5', '6'] as const;

interface ApplicantsProps {
  /** `scheme.applicants`, or a round's `scheme.rounds.<i>.applicants`. */
  path: string;
  value: ApplicantsDraft;
  onChange: (patch: Partial<ApplicantsDraft>) => void;
  counties: County[];
  errors: ErrorsByKey;
}

/**
 * Who may apply: lead and partner types, the municipalities needed, the register facts that limit it
 * (county, centrality, population), anchoring and collaboration, conditions to confirm, and what
 * applicants must check themselves.
 */
export function ApplicantsFields({ path, value, onChange, counties, errors }: ApplicantsProps) {
  const { t } = useI18n();
  const typeOptions = applicantTypes.map((type) => ({ value: type, label: t(`applicantType.${type}`) }));
  return (
    <>
      {(['leadTypes', 'partnerTypes', 'requiredPartnerTypes'] as const).map((field) => (
        <CheckboxGroup<ApplicantType>
          key={field}
          path={`${path}.${field}`}
          legend={t(`field.${field}`)}
          description={field === 'requiredPartnerTypes' ? t('editor.requiredPartnersHint') : undefined}
          options={typeOptions}
          value={value[field]}
          onChange={(v) => onChange({ [field]: v })}
          errors={errors}
        />
      ))}
      <TextInput
        id={inputId(`${path}.minMunicipalities`)}
        label={t('field.minMunicipalities')}
        description={t('editor.minMunicipalitiesHint')}
        inputMode="numeric"
        value={value.minMunicipalities}
        error={errors.get(`${path}.minMunicipalities`)}
        onChange={(e) => onChange({ minMunicipalities: e.currentTarget.value })}
      />
      <CheckboxGroup<string>
        path={`${path}.counties`}
        legend={t('field.counties')}
        description={t('editor.countiesHint')}
        options={counties.map((c) => ({ value: c.code, label: c.name }))}
        value={value.counties}
        onChange={(v) => onChange({ counties: v })}
        errors={errors}
      />
      <CheckboxGroup<string>
        path={`${path}.centralityClasses`}
        legend={t('field.centralityClasses')}
        description={t('editor.centralityHint')}
        options={centralityClasses.map((c) => ({ value: c, label: t('editor.centralityClass', { class: c }) }))}
        value={value.centralityClasses.map(String)}
        onChange={(v) => onChange({ centralityClasses: v.map(Number) })}
        errors={errors}
      />
      <div className="two-columns two-columns--tight">
        {(['minPopulation', 'maxPopulation'] as const).map((field) => (
          <TextInput
            key={field}
            id={inputId(`${path}.${field}`)}
            label={t(`field.${field}`)}
            description={t('editor.populationHint')}
            inputMode="numeric"
            value={value[field]}
            error={errors.get(`${path}.${field}`)}
            onChange={(e) => onChange({ [field]: e.currentTarget.value })}
          />
        ))}
      </div>
      <CheckboxField
        path={`${path}.politicalAnchoringRequired`}
        label={t('editor.politicalAnchoring')}
        checked={value.politicalAnchoringRequired}
        onChange={(v) => onChange({ politicalAnchoringRequired: v })}
        errors={errors}
      />
      <SelectInput
        id={inputId(`${path}.collaboration`)}
        label={t('field.collaboration')}
        value={value.collaboration}
        error={errors.get(`${path}.collaboration`)}
        onChange={(e) => onChange({ collaboration: e.currentTarget.value as CollaborationMode })}
        options={collaborationModes.map((c) => ({ value: c, label: t(`collaboration.${c}`) }))}
      />
      <ConditionsEditor path={`${path}.conditions`} conditions={value.conditions} onChange={(conditions) => onChange({ conditions })} errors={errors} />
      <CheckYourselfEditor
        path={`${path}.checkYourself`}
        items={value.checkYourself}
        onChange={(checkYourself) => onChange({ checkYourself })}
        errors={errors}
      />
      <EvidenceFields path={path} value={value} onChange={onChange} errors={errors} />
    </>
  );
}

export function ApplicantsSection(props: Omit<ApplicantsProps, 'path'>) {
  const { t } = useI18n();
  const path = 'scheme.applicants';
  return (
    <section className="section editor-section" aria-labelledby="edit-section-applicants-heading" id={inputId(path)} tabIndex={-1}>
      <Heading level={2} data-size="sm" id="edit-section-applicants-heading">
        {t('editor.applicantsHeading')}
      </Heading>
      <GroupError error={props.errors.get(path)} />
      <ApplicantsFields path={path} {...props} />
    </section>
  );
}
