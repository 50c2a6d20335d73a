import { Heading } from '@digdir/designsystemet-react';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { inputId, type EditorModel } from '../editor-model';
import { CheckboxField, LocalizedFields, type ErrorsByKey } from './editor-fields';
import { EvidenceFields } from './evidence-fields';

type Funding = EditorModel['funding'];

/** What the scheme gives: grant or not, amounts and shares, a description, and how sure that is. */
export function FundingSection({ value, onChange, errors }: { value: Funding; onChange: (patch: Partial<Funding>) => void; errors: ErrorsByKey }) {
  const { t } = useI18n();
  return (
    <section className="section editor-section" aria-labelledby="edit-section-funding-heading" id="edit-section-funding" tabIndex={-1}>
      <Heading level={2} data-size="sm" id="edit-section-funding-heading">
        {t('editor.fundingHeading')}
      </Heading>
      <CheckboxField
        path="scheme.funding.isGrant"
        label={t('editor.isGrant')}
        checked={value.isGrant}
        onChange={(v) => onChange({ isGrant: v })}
        errors={errors}
      />
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
            id={inputId(`scheme.funding.${field}`)}
            label={t(`field.${field}`)}
            description={t(hint)}
            inputMode="decimal"
            value={value[draftField]}
            error={errors.get(`scheme.funding.${field}`)}
            onChange={(e) => onChange({ [draftField]: e.currentTarget.value })}
          />
        ))}
      </div>
      <LocalizedFields
        path="scheme.funding.description"
        legend={t('field.description')}
        value={value.description}
        onChange={(v) => onChange({ description: v })}
        errors={errors}
        multiline
      />
      <EvidenceFields path="scheme.funding" certainty={value.certainty} sourceIds={value.sourceIds} onChange={onChange} errors={errors} />
    </section>
  );
}
