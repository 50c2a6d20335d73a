import { useState } from 'react';
import { Button, Field, Fieldset, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { languages } from '@varde/contracts/vocabulary';
import { schemeThemes } from '@varde/contracts/vocabulary';
import { reuseKinds, solutionLimits as L, solutionMaturities } from '@varde/contracts/solutions-vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { languageNames, useI18n } from '../../../i18n/i18n';
import { useSaveDraft } from '../api/save-draft';
import type { CallView } from '@varde/contracts/catalogue-api';
import { readSolutionForm, solutionFieldId as idFor, type SolutionFormValues } from '../form-model';
import { maturityLabel, reuseLabel } from '../labels';
import { CountedInput, CountedTextarea } from './counted-field';
import { FundingFields, LinkRows, OwnerRows } from './solution-form-parts';

type Option = { value: string; label: string };

export interface SolutionFormProps {
  initial: SolutionFormValues;
  /** Editing a saved draft: its id and the revision it was read at. */
  draft?: { id: string; revision: number };
  /** Creating: the organisations the user may draft for. */
  organisations: Option[];
  schemes: Option[];
  /** The calls of the saved scheme (the form fetches another scheme's when it is chosen). */
  calls: CallView[];
  records: Option[];
  ownerOptions: Option[];
  contactChoices: Option[];
  viewerId: string;
}

/**
 * The draft of a solution. Only the title is required; every empty field is saved as "not described
 * yet". Long texts count their characters; errors are listed at the top by each field's visible label
 * and shown again by the field.
 */
export function SolutionForm({ initial, draft, organisations, schemes, calls, records, ownerOptions, contactChoices, viewerId }: SolutionFormProps) {
  const { t, number } = useI18n();
  const navigate = useNavigate();
  const save = useSaveDraft();
  const { fields, problems, reject, clear } = useFormProblems(save.state);
  const [contact, setContact] = useState(initial.contactUserId);
  const error = (path: string) => messageFor(fields, path);
  const counted = (name: 'summary' | 'problem' | 'whatWasDone' | 'results' | 'costNote' | 'reuseTerms', max: number, rows = 6, description?: string) => (
    <CountedTextarea
      id={idFor(name)}
      name={name}
      label={t(`field.${name}`)}
      description={description}
      error={error(name)}
      max={max}
      initial={initial[name]}
      rows={rows}
    />
  );
  return (
    <form
      className="form form--wide solution-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        clear();
        const form = event.currentTarget;
        const body = readSolutionForm(form);
        if (!body.title) return reject([{ path: 'title', message: t('validation.required', { field: t('field.title') }) }]);
        const result = draft
          ? await save.mutate({ id: draft.id, body: { ...body, revision: draft.revision } })
          : await save.mutate({ id: null, body: { ...body, organisationId: String(new FormData(form).get('organisationId') ?? '') } });
        if (result.ok) await navigate(`/losninger/${result.data.id}`);
      }}
    >
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
      <Fieldset>
        <Fieldset.Legend>{t('library.form.aboutLegend')}</Fieldset.Legend>
        {draft ? null : (
          <SelectInput
            id={idFor('organisationId')}
            name="organisationId"
            label={t('library.form.organisation')}
            description={t('library.form.organisationHint')}
            error={error('organisationId')}
            options={organisations}
          />
        )}
        <SelectInput
          id={idFor('language')}
          name="language"
          label={t('field.language')}
          description={t('library.form.languageHint')}
          defaultValue={initial.language}
          error={error('language')}
          options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
        />
        <CountedInput id={idFor('title')} name="title" label={t('field.title')} error={error('title')} max={L.titleMax} initial={initial.title} required />
        {counted('summary', L.summaryMax, 3, t('library.form.summaryHint'))}
        <SelectInput
          id={idFor('maturity')}
          name="maturity"
          label={t('field.maturity')}
          defaultValue={initial.maturity}
          error={error('maturity')}
          options={[{ value: '', label: t('library.notDescribed') }, ...solutionMaturities.map((m) => ({ value: m, label: maturityLabel(t, m) }))]}
        />
        <Fieldset aria-describedby={error('themes') ? `${idFor('themes')}-error` : undefined}>
          <Fieldset.Legend>{t('field.themes')}</Fieldset.Legend>
          <Fieldset.Description>{t('library.form.themesHint', { max: L.themesMax })}</Fieldset.Description>
          {schemeThemes.map((theme, i) => (
            <Field asChild key={theme}>
              <div>
                <Input
                  type="checkbox"
                  id={i === 0 ? idFor('themes') : `${idFor('themes')}-${theme}`}
                  name="themes"
                  value={theme}
                  defaultChecked={initial.themes.includes(theme)}
                />
                <Label htmlFor={i === 0 ? idFor('themes') : `${idFor('themes')}-${theme}`} weight="regular">
                  {t(`theme.${theme}`)}
                </Label>
              </div>
            </Field>
          ))}
          {error('themes') ? <ValidationMessage id={`${idFor('themes')}-error`}>{error('themes')}</ValidationMessage> : null}
        </Fieldset>
        <TextInput
          id={idFor('year')}
          name="year"
          label={t('field.year')}
          description={t('library.form.yearHint')}
          inputMode="numeric"
          defaultValue={initial.year}
          error={error('year')}
        />
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('library.form.storyLegend')}</Fieldset.Legend>
        {counted('problem', L.longTextMax, 6, t('library.form.problemHint'))}
        {counted('whatWasDone', L.longTextMax, 8, t('library.form.whatWasDoneHint'))}
        {counted('results', L.longTextMax, 6, t('library.form.resultsHint'))}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('library.form.costsLegend')}</Fieldset.Legend>
        <TextInput
          id={idFor('costOneOffNok')}
          name="costOneOffNok"
          label={t('field.costOneOffNok')}
          inputMode="numeric"
          defaultValue={initial.costOneOffNok}
          error={error('costOneOffNok')}
        />
        <TextInput
          id={idFor('costYearlyNok')}
          name="costYearlyNok"
          label={t('field.costYearlyNok')}
          inputMode="numeric"
          defaultValue={initial.costYearlyNok}
          error={error('costYearlyNok')}
        />
        {counted('costNote', L.costNoteMax, 3)}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('library.form.reuseLegend')}</Fieldset.Legend>
        <SelectInput
          id={idFor('reuseKind')}
          name="reuseKind"
          label={t('field.reuseKind')}
          defaultValue={initial.reuseKind}
          error={error('reuseKind')}
          options={[{ value: '', label: t('library.notDescribed') }, ...reuseKinds.map((k) => ({ value: k, label: reuseLabel(t, k) }))]}
        />
        {counted('reuseTerms', L.reuseTermsMax, 3, t('library.form.reuseTermsHint'))}
      </Fieldset>

      <FundingFields initial={initial} schemes={schemes} calls={calls} records={records} error={error} />
      <OwnerRows initial={initial} ownerOptions={ownerOptions} error={error} fields={fields} />
      <LinkRows initial={initial.links} fields={fields} />

      <Fieldset>
        <Fieldset.Legend>{t('library.form.contactLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('library.form.contactHint')}</Fieldset.Description>
        <SelectInput
          id={idFor('contactUserId')}
          name="contactUserId"
          label={t('field.contactUserId')}
          value={contact}
          onChange={(event) => setContact(event.currentTarget.value)}
          error={error('contactUserId')}
          options={[{ value: '', label: t('library.form.contactNone') }, ...contactChoices]}
        />
        <TextInput
          id={idFor('contactRole')}
          name="contactRole"
          label={t('field.contactRole')}
          maxLength={L.contactRoleMax}
          defaultValue={initial.contactRole}
          error={error('contactRole')}
        />
        {contact === viewerId ? (
          <Field asChild>
            <div>
              <Input type="checkbox" id={idFor('contactPublic')} name="contactPublic" value="yes" defaultChecked={initial.contactPublic} />
              <Label htmlFor={idFor('contactPublic')} weight="regular">
                {t('library.form.contactPublic')}
              </Label>
            </div>
          </Field>
        ) : contact ? (
          <Paragraph data-size="sm">{t('library.form.contactConsentThem')}</Paragraph>
        ) : null}
      </Fieldset>

      <Paragraph data-size="sm">{t('library.form.draftNote', { max: number(L.longTextMax) })}</Paragraph>
      <div className="form-actions">
        <Button type="submit" loading={save.state.status === 'pending'}>
          {draft ? t('library.form.saveDraft') : t('library.form.createDraft')}
        </Button>
      </div>
    </form>
  );
}
