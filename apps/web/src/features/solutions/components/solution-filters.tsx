import { Button, Field, Input, Label } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { County } from '@varde/contracts';
import type { SolutionListQuery } from '@varde/contracts/solutions-api';
import { solutionMaturities, solutionSorts } from '@varde/contracts/solutions-vocabulary';
import { schemeThemes } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { useGetForm } from '../../../components/use-get-form';
import { useI18n } from '../../../i18n/i18n';
import { maturityLabel } from '../labels';

/** The library's filter list as a plain GET form (works without JavaScript; results are links). */
export function SolutionFilters({ query, counties, exampleDataOn }: { query: SolutionListQuery; counties: County[]; exampleDataOn: boolean }) {
  const { t } = useI18n();
  const { formRef, busy, onSubmit } = useGetForm('/losninger', {
    values: {
      tema: query.theme ?? '',
      modenhet: query.maturity ?? '',
      fylke: query.county ?? '',
      sortering: query.sort ?? 'newest',
      eksempel: query.example === 'exclude' ? ['nei'] : [],
    },
  });
  return (
    <Form ref={formRef} method="get" action="/losninger" className="filters" role="search" aria-label={t('library.filtersLabel')} onSubmit={onSubmit}>
      <SelectInput
        id="filter-tema"
        name="tema"
        label={t('field.theme')}
        defaultValue={query.theme ?? ''}
        options={[{ value: '', label: t('library.allThemes') }, ...schemeThemes.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))]}
      />
      <SelectInput
        id="filter-modenhet"
        name="modenhet"
        label={t('library.field.maturity')}
        defaultValue={query.maturity ?? ''}
        options={[{ value: '', label: t('library.allMaturities') }, ...solutionMaturities.map((m) => ({ value: m, label: maturityLabel(t, m) }))]}
      />
      <SelectInput
        id="filter-fylke"
        name="fylke"
        label={t('field.county')}
        description={t('library.countyHint')}
        defaultValue={query.county ?? ''}
        options={[{ value: '', label: t('municipalities.allCounties') }, ...counties.map((c) => ({ value: c.code, label: c.name }))]}
      />
      <SelectInput
        id="filter-sortering"
        name="sortering"
        label={t('field.sort')}
        defaultValue={query.sort ?? 'newest'}
        options={solutionSorts.map((s) => ({ value: s, label: t(`library.sort.${s}`) }))}
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
          {t('library.showSolutions')}
        </Button>
        <AppLink to="/losninger" preventScrollReset>
          {t('municipalities.clearFilters')}
        </AppLink>
      </div>
    </Form>
  );
}
