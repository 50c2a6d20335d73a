import { useState } from 'react';
import { Button, Fieldset } from '@digdir/designsystemet-react';
import type { SolutionLink } from '@varde/contracts/solutions-api';
import { solutionLimits as L } from '@varde/contracts/solutions-vocabulary';
import { messageFor, type FieldMessage } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextareaInput } from '../../../components/textarea-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { solutionFieldId as idFor, type SolutionFormValues } from '../form-model';

type Option = { value: string; label: string };
type ErrorOf = (path: string) => string | undefined;

/** The scheme and participation record that funded it, and the amount. */
export function FundingFields({ initial, schemes, records, error }: { initial: SolutionFormValues; schemes: Option[]; records: Option[]; error: ErrorOf }) {
  const { t } = useI18n();
  const schemeOptions = [{ value: '', label: t('library.notDescribed') }, ...schemes];
  if (initial.schemeId && !schemes.some((s) => s.value === initial.schemeId)) schemeOptions.push({ value: initial.schemeId, label: initial.schemeId });
  return (
    <Fieldset>
      <Fieldset.Legend>{t('library.form.fundingLegend')}</Fieldset.Legend>
      <SelectInput
        id={idFor('schemeId')}
        name="schemeId"
        label={t('field.schemeId')}
        defaultValue={initial.schemeId}
        error={error('schemeId')}
        options={schemeOptions}
      />
      {records.length > 0 || initial.participationRecordId ? (
        <SelectInput
          id={idFor('participationRecordId')}
          name="participationRecordId"
          label={t('field.participationRecordId')}
          description={t('library.form.recordHint')}
          defaultValue={initial.participationRecordId}
          error={error('participationRecordId')}
          options={[
            { value: '', label: t('library.form.noRecord') },
            ...records,
            ...(initial.participationRecordId && !records.some((r) => r.value === initial.participationRecordId)
              ? [{ value: initial.participationRecordId, label: t('library.participationRecordLink') }]
              : []),
          ]}
        />
      ) : null}
      <TextInput
        id={idFor('fundingAmountNok')}
        name="fundingAmountNok"
        label={t('field.fundingAmountNok')}
        inputMode="numeric"
        defaultValue={initial.fundingAmountNok}
        error={error('fundingAmountNok')}
      />
    </Fieldset>
  );
}

/** Other owner organisations (each is told when the solution is published) and partners by name. */
export function OwnerRows({
  initial,
  ownerOptions,
  error,
  fields,
}: {
  initial: SolutionFormValues;
  ownerOptions: Option[];
  error: ErrorOf;
  fields: FieldMessage[];
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState(initial.coOwnerIds.length);
  const options = [{ value: '', label: t('library.form.noCoOwner') }, ...ownerOptions];
  return (
    <Fieldset>
      <Fieldset.Legend>{t('library.form.ownersLegend')}</Fieldset.Legend>
      <Fieldset.Description>{t('library.form.ownersHint')}</Fieldset.Description>
      {Array.from({ length: rows }, (_, i) => (
        <SelectInput
          key={i}
          id={idFor(`coOwnerIds.${i}`)}
          name="coOwnerIds"
          label={t('library.form.coOwner', { number: i + 1 })}
          defaultValue={initial.coOwnerIds[i] ?? ''}
          error={error(`coOwnerIds.${i}`) ?? (i === 0 ? error('coOwnerIds') : undefined)}
          options={options}
        />
      ))}
      {rows < L.ownersMax ? (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setRows((r) => r + 1)}>
            {t('library.form.addCoOwner')}
          </Button>
        </div>
      ) : null}
      <TextareaInput
        id={idFor('partners')}
        name="partners"
        label={t('field.partners')}
        description={t('library.form.partnersHint', { max: L.partnersMax })}
        rows={3}
        defaultValue={initial.partners}
        error={fields.find((f) => f.path.startsWith('partners'))?.message}
      />
    </Fieldset>
  );
}

/** Links, each a text and an address; a row is added on demand. */
export function LinkRows({ initial, fields }: { initial: SolutionLink[]; fields: FieldMessage[] }) {
  const { t } = useI18n();
  const [rows, setRows] = useState(Math.max(1, initial.length));
  return (
    <Fieldset>
      <Fieldset.Legend>{t('library.form.linksLegend')}</Fieldset.Legend>
      <Fieldset.Description>{t('library.form.linksHint', { max: L.linksMax })}</Fieldset.Description>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="link-row">
          <TextInput
            id={idFor(`links.${i}.label`)}
            name="linkLabel"
            label={t('library.form.linkLabel', { number: i + 1 })}
            maxLength={L.linkLabelMax}
            defaultValue={initial[i]?.label ?? ''}
            error={messageFor(fields, `links.${i}.label`)}
          />
          <TextInput
            id={idFor(`links.${i}.url`)}
            name="linkUrl"
            type="url"
            label={t('library.form.linkUrl', { number: i + 1 })}
            defaultValue={initial[i]?.url ?? ''}
            error={messageFor(fields, `links.${i}.url`) ?? (i === 0 ? messageFor(fields, 'links') : undefined)}
          />
        </div>
      ))}
      {rows < L.linksMax ? (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setRows((r) => r + 1)}>
            {t('library.form.addLink')}
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}
