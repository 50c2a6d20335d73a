import { Button, Field, Input, Label } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { County } from '@varde/contracts';
import type { ParticipationQuery, SchemeOptions } from '@varde/contracts/participation-api';
import { participationStatuses } from '@varde/contracts/participation-vocabulary';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useGetForm } from '../../../components/use-get-form';
import { useI18n } from '../../../i18n/i18n';
import { statusLabel } from '../labels';

/** The record list's filters as a plain GET form; "real records only" appears when example data is shown. */
export function RecordFilters({
  query,
  counties,
  schemes,
  exampleDataOn,
}: {
  query: ParticipationQuery;
  counties: County[];
  schemes: SchemeOptions;
  exampleDataOn: boolean;
}) {
  const { t } = useI18n();
  const { formRef, busy, onSubmit } = useGetForm('/deltakelse', {
    values: {
      kommune: query.municipality ?? '',
      fylke: query.county ?? '',
      ordning: query.scheme ?? '',
      ar: query.year ? String(query.year) : '',
      status: query.status ?? '',
      eksempel: query.example === 'exclude' ? ['nei'] : [],
    },
  });
  return (
    <Form ref={formRef} method="get" action="/deltakelse" className="filters" role="search" aria-label={t('participation.filtersLabel')} onSubmit={onSubmit}>
      <SelectInput
        id="filter-ordning"
        name="ordning"
        label={t('field.scheme')}
        defaultValue={query.scheme ?? ''}
        options={[
          { value: '', label: t('participation.allSchemes') },
          ...schemes.items.filter((s) => s.records > 0).map((s) => ({ value: s.key, label: s.name })),
        ]}
      />
      <SelectInput
        id="filter-fylke"
        name="fylke"
        label={t('field.county')}
        defaultValue={query.county ?? ''}
        options={[{ value: '', label: t('municipalities.allCounties') }, ...counties.map((c) => ({ value: c.code, label: c.name }))]}
      />
      <TextInput id="filter-kommune" name="kommune" label={t('participation.municipalityNumber')} inputMode="numeric" defaultValue={query.municipality ?? ''} />
      <TextInput id="filter-ar" name="ar" label={t('field.year')} inputMode="numeric" defaultValue={query.year ? String(query.year) : ''} />
      <SelectInput
        id="filter-status"
        name="status"
        label={t('field.status')}
        defaultValue={query.status ?? ''}
        options={[{ value: '', label: t('participation.allStatuses') }, ...participationStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))]}
      />
      {exampleDataOn ? (
        <Field asChild>
          <div className="filters__checkbox">
            <Input type="checkbox" id="filter-eksempel" name="eksempel" value="nei" defaultChecked={query.example === 'exclude'} />
            <Label htmlFor="filter-eksempel" weight="regular">
              {t('participation.realOnly')}
            </Label>
          </div>
        </Field>
      ) : null}
      <div className="filters__actions">
        <Button type="submit" loading={busy}>
          {t('participation.showRecords')}
        </Button>
        <AppLink to="/deltakelse" preventScrollReset>
          {t('municipalities.clearFilters')}
        </AppLink>
      </div>
    </Form>
  );
}
