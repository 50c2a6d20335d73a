import { Heading } from '@digdir/designsystemet-react';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { inputId, type FundingDraft } from '../editor-model';
import { CheckboxField, GroupError, LocalizedFields, type ErrorsByKey } from './editor-fields';
import { EvidenceFields } from './evidence-fields';

interface FundingProps {
  /** `scheme.funding`, or a round's `scheme.rounds.<i>.funding`. */
  path: string;
  value: FundingDraft;
  onChange: (patch: Partial<FundingDraft>) => void;
  errors: ErrorsByKey;
}

/** What the scheme (or a round) gives: grant or not, amounts and shares, a description, and how sure that is. */
export function FundingFields({ path, value, onChange, errors }: FundingProps) {
  const { t } = useI18n();
  return (
    <>
      <CheckboxField path={`${path}.isGrant`} label={t('editor.isGrant')} checked={value.isGrant} onChange={(v) => onChange({ isGrant: v })} errors={errors} />
      <div className="two-columns two-columns--tight">
        {(
          [
            ['minGrantNok', 'minGrantNok', 'editor.nokHint'],
            ['maxGrantNok', 'maxGrantNok', 'editor.nokHint'],
            ['maxGrantShare', 'maxGrantSharePct', 'editor.percentHint'],
            ['minOwnShare', 'minOwnSharePct', 'editor.percentHint'],
          ] as const
        ).map(([field, draftField, hint]) => (
          <TextInput
            key={field}
            id={inputId(`${path}.${field}`)}
            label={t(`field.${field}`)}
            description={t(hint)}
            inputMode="decimal"
            value={value[draftField]}
            error={errors.get(`${path}.${field}`)}
            onChange={(e) => onChange({ [draftField]: e.currentTarget.value })}
          />
        ))}
      </div>
      <LocalizedFields
        path={`${path}.description`}
        legend={t('field.description')}
        value={value.description}
        onChange={(v) => onChange({ description: v })}
        errors={errors}
        multiline
      />
      <EvidenceFields path={path} value={value} onChange={onChange} errors={errors} />
    </>
  );
}

export function FundingSection({ value, onChange, errors }: Omit<FundingProps, 'path'>) {
  const { t } = useI18n();
  const path = 'scheme.funding';
  return (
    <section className="section editor-section" aria-labelledby="edit-section-funding-heading" id={inputId(path)} tabIndex={-1}>
      <Heading level={2} data-size="sm" id="edit-section-funding-heading">
        {t('editor.fundingHeading')}
      </Heading>
      <GroupError error={errors.get(path)} />
      <FundingFields path={path} value={value} onChange={onChange} errors={errors} />
    </section>
  );
}
