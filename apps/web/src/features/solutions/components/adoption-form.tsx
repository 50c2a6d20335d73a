import { useState } from 'react';
import { Button, Field, Fieldset, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { CurrentUser } from '@varde/contracts';
import type { Adoption } from '@varde/contracts/solutions-api';
import { adoptionStates, solutionLimits as L, type AdoptionState } from '@varde/contracts/solutions-vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { ActionStatus, ConfirmStep, useListActions } from '../../../components/list-actions';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { osloIsoDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n';
import { useRemoveAdoption, useSaveAdoption } from '../api/solution-actions';
import { adoptionStateLabel } from '../labels';
import { CountedTextarea } from './counted-field';

const idFor = (path: string) => `adoption-${path}`;

/**
 * A municipality records that it uses, is testing or stopped using the solution (date, optional
 * note). One record per municipality: saving again changes it; it can be removed.
 */
export function AdoptionForm({ solutionId, adoptFor, adoptions, user }: { solutionId: string; adoptFor: string[]; adoptions: Adoption[]; user: CurrentUser }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const save = useSaveAdoption();
  const remove = useRemoveAdoption();
  const actions = useListActions('adoption-heading');
  const { fields, problems } = useFormProblems(save.state);
  const organisations = user.memberships.filter((m) => adoptFor.includes(m.organisationId));
  const [organisationId, setOrganisationId] = useState(organisations[0]?.organisationId ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  if (organisations.length === 0) return null;
  const current = adoptions.find((a) => a.organisationId === organisationId) ?? null;
  const name = organisations.find((o) => o.organisationId === organisationId)?.organisationName ?? '';
  return (
    <section className="section" aria-labelledby="adoption-heading">
      <Heading level={2} data-size="sm" id="adoption-heading" tabIndex={-1}>
        {t('library.adoptionHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('library.adoptionLead')}</Paragraph>
      <form
        // A new form for each municipality and each saved record, so the fields show what is stored.
        key={`${organisationId}-${current?.updatedAt ?? 'none'}`}
        className="form"
        noValidate
        aria-labelledby="adoption-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(null);
          const data = new FormData(event.currentTarget);
          const note = String(data.get('adoptionNote') ?? '').trim();
          const result = await save.mutate({
            id: solutionId,
            organisationId,
            state: String(data.get('state')) as AdoptionState,
            date: String(data.get('date') ?? ''),
            adoptionNote: note || null,
          });
          if (result.ok) {
            await revalidator.revalidate();
            setSaved(t('library.adoptionSaved', { municipality: name, state: adoptionStateLabel(t, result.data.state) }));
          }
        }}
      >
        {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
        {organisations.length > 1 ? (
          <SelectInput
            id={idFor('organisation')}
            label={t('library.adoptionMunicipality')}
            value={organisationId}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}
            options={organisations.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
          />
        ) : (
          <Paragraph>{t('library.adoptionFor', { municipality: name })}</Paragraph>
        )}
        <Fieldset>
          <Fieldset.Legend>{t('library.field.adoptionState')}</Fieldset.Legend>
          {adoptionStates.map((state, i) => (
            <Field asChild key={state}>
              <div>
                <Input
                  type="radio"
                  id={i === 0 ? idFor('state') : idFor(`state-${state}`)}
                  name="state"
                  value={state}
                  defaultChecked={(current?.state ?? 'uses') === state}
                />
                <Label htmlFor={i === 0 ? idFor('state') : idFor(`state-${state}`)} weight="regular">
                  {adoptionStateLabel(t, state)}
                </Label>
              </div>
            </Field>
          ))}
        </Fieldset>
        <TextInput
          id={idFor('date')}
          name="date"
          type="date"
          label={t('library.field.adoptionDate')}
          description={t('library.adoptionDateHint')}
          defaultValue={current?.date ?? osloIsoDate(Date.now())}
          error={messageFor(fields, 'date')}
        />
        <CountedTextarea
          id={idFor('adoptionNote')}
          name="adoptionNote"
          label={t('field.adoptionNote')}
          description={t('library.adoptionNoteHint')}
          max={L.adoptionNoteMax}
          initial={current?.note ?? ''}
          rows={3}
          error={messageFor(fields, 'adoptionNote')}
        />
        <div className="form-actions">
          <Button type="submit" loading={save.state.status === 'pending'}>
            {current ? t('library.adoptionUpdate') : t('library.adoptionSave')}
          </Button>
          {current ? (
            <ConfirmStep
              actions={actions}
              rowKey="remove"
              id="remove-adoption"
              label={t('library.adoptionRemove')}
              confirmLabel={t('library.adoptionConfirmRemove')}
              name={name}
              pending={remove.state.status === 'pending'}
              onConfirm={() => actions.run(() => remove.mutate({ id: solutionId, organisationId }), t('library.adoptionRemoved', { municipality: name }))}
            />
          ) : null}
        </div>
      </form>
      <div role="status">{saved ? <Paragraph>{saved}</Paragraph> : null}</div>
      <ActionStatus done={actions.done} error={remove.state.status === 'error' ? remove.state.error : null} />
    </section>
  );
}
