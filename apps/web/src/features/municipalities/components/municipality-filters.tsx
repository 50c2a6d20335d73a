import { Button } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { County, MunicipalityListQuery } from '@varde/contracts';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useGetForm } from '../../../components/use-get-form';
import { useI18n } from '../../../i18n/i18n';
import { populationBands } from '@varde/contracts/vocabulary';
import { centralityClasses } from '../api/list-municipalities';
import { centralityOption } from './centrality-legend';

/** The list's filters as a plain GET form (`useGetForm`); a sort chosen in the table is kept. */
export function MunicipalityFilters({ query, counties }: { query: MunicipalityListQuery; counties: County[] }) {
  const { t } = useI18n();
  const { formRef, busy, onSubmit } = useGetForm('/kommuner', {
    values: {
      q: query.q ?? '',
      county: query.county ?? '',
      centrality: query.centrality ? String(query.centrality) : '',
      population: query.population ?? '',
    },
  });

  return (
    <Form ref={formRef} method="get" action="/kommuner" className="filters" role="search" aria-label={t('municipalities.filtersLabel')} onSubmit={onSubmit}>
      <div className="filters__search">
        <TextInput
          id="filter-q"
          name="q"
          type="search"
          label={t('municipalities.searchLabel')}
          description={t('municipalities.searchHint')}
          defaultValue={query.q ?? ''}
          autoComplete="off"
        />
      </div>
      <SelectInput
        id="filter-county"
        name="county"
        label={t('municipalities.county')}
        defaultValue={query.county ?? ''}
        options={[{ value: '', label: t('municipalities.allCounties') }, ...counties.map((c) => ({ value: c.code, label: c.name }))]}
      />
      <SelectInput
        id="filter-centrality"
        name="centrality"
        label={t('municipalities.centrality')}
        defaultValue={query.centrality ? String(query.centrality) : ''}
        options={[
          { value: '', label: t('municipalities.allCentrality') },
          ...centralityClasses.map((c) => ({ value: String(c), label: centralityOption(t, c) })),
        ]}
      />
      <SelectInput
        id="filter-population"
        name="population"
        label={t('municipalities.population')}
        defaultValue={query.population ?? ''}
        options={[{ value: '', label: t('municipalities.allPopulations') }, ...populationBands.map((b) => ({ value: b, label: t(`populationBand.${b}`) }))]}
      />
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <div className="filters__actions">
        <Button type="submit" loading={busy}>
          {t('municipalities.showResults')}
        </Button>
        <AppLink to="/kommuner" preventScrollReset>
          {t('municipalities.clearFilters')}
        </AppLink>
      </div>
    </Form>
  );
}
