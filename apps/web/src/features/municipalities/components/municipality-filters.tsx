import { useEffect, useRef } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { Form, useNavigate, useNavigation } from 'react-router';
import type { County, MunicipalityListQuery } from '@varde/contracts';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { centralityClasses, populationBands } from '../api/list-municipalities';
import { centralityOption } from './centrality-legend';

/**
 * A plain GET form: without JavaScript the browser submits it as is, so results are shareable links.
 * With JavaScript the router submits it and empty fields are left out of the address.
 */
export function MunicipalityFilters({ query, counties }: { query: MunicipalityListQuery; counties: County[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const busy = navigation.state === 'loading' && navigation.location.pathname === '/kommuner';
  const formRef = useRef<HTMLFormElement>(null);

  // The fields are uncontrolled (they must work before hydration). When the query changes by other
  // means (a sort link, "clear filters", back button) write it into the fields without re-mounting
  // the form, so keyboard focus stays where it was.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const values: Record<string, string> = {
      q: query.q ?? '',
      county: query.county ?? '',
      centrality: query.centrality ? String(query.centrality) : '',
      population: query.population ?? '',
    };
    for (const [name, value] of Object.entries(values)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    }
  }, [query.q, query.county, query.centrality, query.population]);

  return (
    <Form
      ref={formRef}
      method="get"
      action="/kommuner"
      className="filters"
      role="search"
      aria-label={t('municipalities.filtersLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget)) {
          if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
        }
        const search = params.toString();
        void navigate(`/kommuner${search ? `?${search}` : ''}`, { preventScrollReset: true });
      }}
    >
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
        options={[
          { value: '', label: t('municipalities.allCounties') },
          ...counties.map((c) => ({ value: c.code, label: c.name })),
        ]}
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
        options={[
          { value: '', label: t('municipalities.allPopulations') },
          ...populationBands.map((b) => ({ value: b, label: t(`populationBand.${b}`) })),
        ]}
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
