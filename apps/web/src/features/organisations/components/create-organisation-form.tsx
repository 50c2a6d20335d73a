import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { County } from '@varde/contracts';
import { organisationTypes, regionalOrganisationTypes, type OrganisationType } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useCreateOrganisation } from '../api/create-organisation';
import { organisationTypeLabel } from '../labels';

const idFor = (path: string) => `create-org-${path}`;
/** Municipality organisations come from the register, one per kommune; they are never created by hand. */
const creatableTypes = organisationTypes.filter((type) => type !== 'municipality');

export function CreateOrganisationForm({ counties }: { counties: County[] }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const { state, mutate } = useCreateOrganisation();
  const { fields, problems } = useFormProblems(state);
  const countyTypes = regionalOrganisationTypes.map((type) => organisationTypeLabel(t, type).toLocaleLowerCase()).join(', ');

  return (
    <div className="stack">
      <form
        className="form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const countyCode = String(data.get('countyCode') ?? '');
          const result = await mutate({
            type: String(data.get('type')) as OrganisationType,
            name: String(data.get('name') ?? '').trim(),
            countyCode: countyCode || null,
          });
          if (result.ok) {
            form.reset();
            await revalidator.revalidate();
          }
        }}
      >
        {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
        <SelectInput
          id={idFor('type')}
          name="type"
          label={t('field.type')}
          defaultValue="county_authority"
          error={messageFor(fields, 'type')}
          options={creatableTypes.map((type) => ({ value: type, label: organisationTypeLabel(t, type) }))}
        />
        <TextInput id={idFor('name')} name="name" label={t('field.name')} autoComplete="organization" error={messageFor(fields, 'name')} />
        <SelectInput
          id={idFor('countyCode')}
          name="countyCode"
          label={t('field.countyCode')}
          description={t('admin.countyHint', { types: countyTypes })}
          defaultValue=""
          error={messageFor(fields, 'countyCode')}
          options={[{ value: '', label: t('admin.noCounty') }, ...counties.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <div className="form-actions">
          <Button type="submit" loading={state.status === 'pending'}>
            {t('admin.createSubmit')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {state.status === 'success' ? (
          <Alert data-color="success">
            <Paragraph>{t('admin.created', { name: state.data.name })}</Paragraph>
            <Paragraph>
              <AppLink to={`/organisasjoner/${state.data.id}`}>{t('admin.goToCreated', { name: state.data.name })}</AppLink>
            </Paragraph>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
