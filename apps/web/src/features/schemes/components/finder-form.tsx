import { Button, Details, Field, Fieldset, Input, Label } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { Form } from 'react-router';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useGetForm, type FieldValues } from '../../../components/use-get-form';
import { useI18n } from '../../../i18n/i18n';
import { finderHref, type FinderQuery } from '../api/list-schemes';
import type { MunicipalityOption } from '../api/list-municipality-options';
import { collaborationFilters, fundingSizes, lifecycleStatuses, roleFilters, schemeThemes, viewCookies } from '@varde/contracts/vocabulary';
import { rememberDisclosureState } from '../view-cookie';
import { MunicipalitySelect, useMunicipalityChoice } from './municipality-select';

/** Deadline windows offered in the finder, in days. */
const deadlineWindows = [30, 90, 180, 365] as const;

interface FinderFormProps {
  query: FinderQuery;
  /** The municipality the results are for (the chosen one, or a member's own), `none`, or empty. */
  municipalityCode: string;
  municipalities: MunicipalityOption[];
  /** Owners to filter on, names in the page language. */
  owners: { id: string; name: string }[];
  /** The name of the municipality the results are for, if any (for the closed disclosure's summary). */
  municipalityName: string | null;
  /** Whether the disclosure around the fields starts open on a phone (the visitor's last choice, kept in a cookie). */
  filtersOpen: boolean;
}

/** How many filters besides the municipality the address sets. */
function activeFilterCount(query: FinderQuery): number {
  const single = [query.q, query.role, query.openNow, query.deadlineWithin, query.funding, query.collaboration, query.owner, query.status];
  return single.filter(Boolean).length + (query.theme?.length ?? 0);
}

/** What the fields show for an address, written into the uncontrolled inputs when the address changes. */
function fieldValues(query: FinderQuery, municipalityCode: string): FieldValues {
  return {
    q: query.q ?? '',
    municipality: municipalityCode,
    theme: query.theme ?? [],
    role: query.role ?? '',
    deadlineWithin: query.deadlineWithin ? String(query.deadlineWithin) : '',
    funding: query.funding ?? '',
    collaboration: query.collaboration ?? '',
    owner: query.owner ?? '',
    status: query.status ?? '',
    openNow: query.openNow ?? false,
  };
}

/**
 * The finder's filters as a plain GET form (`useGetForm`): a search is a shareable link. On a phone the
 * fields sit behind a disclosure whose summary says what is chosen, so the results come first; its
 * open or closed state is kept in a cookie that the server reads, so the next page paints it as left.
 * On a wider screen the fields are always shown and the summary is hidden (schemes.css).
 */
export function FinderForm({ query, municipalityCode, municipalities, owners, municipalityName, filtersOpen }: FinderFormProps) {
  const { t, number } = useI18n();
  const disclosure = useRef<HTMLDetailsElement>(null);
  const activeCount = activeFilterCount(query);
  const { emptyValue } = useMunicipalityChoice();
  const { formRef, busy, onSubmit } = useGetForm('/ordninger', { values: fieldValues(query, municipalityCode || emptyValue) });
  const moreSet = Boolean(query.role || query.openNow || query.deadlineWithin || query.funding || query.collaboration || query.owner || query.status);

  return (
    <Form ref={formRef} method="get" action="/ordninger" className="finder-form" role="search" aria-label={t('finder.formLabel')} onSubmit={onSubmit}>
      <Details
        ref={disclosure}
        className="finder-filters"
        defaultOpen={filtersOpen}
        // Nested disclosures' toggles reach this handler too: what is kept is this one's state.
        onToggle={() => disclosure.current && rememberDisclosureState(viewCookies.finderFilters, disclosure.current.open)}
      >
        <Details.Summary>
          <span className="finder-filters__summary">
            <span>{t('finder.filters.summary')}</span>
            <span className="finder-filters__state">
              {municipalityName ?? t('finder.filters.noMunicipality')}
              {activeCount > 0 ? ` · ${t('finder.filters.active', { count: number(activeCount) })}` : ''}
            </span>
          </span>
        </Details.Summary>
        <div className="finder-filters__content">
          <div className="finder-form__main">
            <MunicipalitySelect
              id="finder-municipality"
              label={t('finder.municipalityLabel')}
              description={t('finder.municipalityHint')}
              options={municipalities}
              defaultValue={municipalityCode}
              emptyLabel={t('finder.noMunicipality')}
            />
            <TextInput
              id="finder-q"
              name="q"
              type="search"
              label={t('finder.searchLabel')}
              description={t('finder.searchHint')}
              defaultValue={query.q ?? ''}
              autoComplete="off"
            />
          </div>
          <Fieldset className="finder-form__themes">
            <Fieldset.Legend>{t('finder.themesLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('finder.themesHint')}</Fieldset.Description>
            <div className="checkbox-grid">
              {schemeThemes.map((theme) => (
                <Field asChild key={theme}>
                  <div>
                    <Input type="checkbox" id={`finder-theme-${theme}`} name="theme" value={theme} defaultChecked={query.theme?.includes(theme) ?? false} />
                    <Label htmlFor={`finder-theme-${theme}`} weight="regular">
                      {t(`theme.${theme}`)}
                    </Label>
                  </div>
                </Field>
              ))}
            </div>
          </Fieldset>
          <Details className="finder-form__more" defaultOpen={moreSet}>
            <Details.Summary>{t('finder.moreFilters')}</Details.Summary>
            <Details.Content>
              <div className="finder-form__grid">
                <SelectInput
                  id="finder-role"
                  name="role"
                  label={t('finder.roleLabel')}
                  description={t('finder.roleHint')}
                  defaultValue={query.role ?? ''}
                  options={[{ value: '', label: t('finder.anyRole') }, ...roleFilters.map((role) => ({ value: role, label: t(`finder.roleOption.${role}`) }))]}
                />
                <SelectInput
                  id="finder-deadline"
                  name="deadlineWithin"
                  label={t('finder.deadlineLabel')}
                  defaultValue={query.deadlineWithin ? String(query.deadlineWithin) : ''}
                  options={[
                    { value: '', label: t('finder.anyDeadline') },
                    ...deadlineWindows.map((days) => ({ value: String(days), label: t('finder.deadlineWithin', { days }) })),
                    ...(query.deadlineWithin && !(deadlineWindows as readonly number[]).includes(query.deadlineWithin)
                      ? [{ value: String(query.deadlineWithin), label: t('finder.deadlineWithin', { days: query.deadlineWithin }) }]
                      : []),
                  ]}
                />
                <SelectInput
                  id="finder-funding"
                  name="funding"
                  label={t('finder.fundingLabel')}
                  defaultValue={query.funding ?? ''}
                  options={[{ value: '', label: t('finder.anyFunding') }, ...fundingSizes.map((size) => ({ value: size, label: t(`finder.funding.${size}`) }))]}
                />
                <SelectInput
                  id="finder-collaboration"
                  name="collaboration"
                  label={t('finder.collaborationLabel')}
                  defaultValue={query.collaboration ?? ''}
                  options={[
                    { value: '', label: t('finder.anyCollaboration') },
                    ...collaborationFilters.map((mode) => ({ value: mode, label: t(`collaboration.${mode}`) })),
                  ]}
                />
                <SelectInput
                  id="finder-owner"
                  name="owner"
                  label={t('finder.ownerLabel')}
                  defaultValue={query.owner ?? ''}
                  options={[
                    { value: '', label: t('finder.anyOwner') },
                    ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
                    ...(query.owner && !owners.some((o) => o.id === query.owner) ? [{ value: query.owner, label: query.owner }] : []),
                  ]}
                />
                <SelectInput
                  id="finder-status"
                  name="status"
                  label={t('finder.statusLabel')}
                  defaultValue={query.status ?? ''}
                  options={[
                    { value: '', label: t('finder.anyStatus') },
                    ...lifecycleStatuses.map((status) => ({ value: status, label: t(`finder.status.${status}`) })),
                  ]}
                />
                <Field asChild>
                  <div className="finder-form__check">
                    <Input type="checkbox" id="finder-open-now" name="openNow" value="true" defaultChecked={query.openNow ?? false} />
                    <Label htmlFor="finder-open-now" weight="regular">
                      {t('finder.openNowLabel')}
                    </Label>
                  </div>
                </Field>
              </div>
            </Details.Content>
          </Details>
          <div className="filters__actions">
            <Button type="submit" loading={busy}>
              {t('finder.submit')}
            </Button>
            <AppLink to={finderHref(municipalityCode ? { municipality: municipalityCode } : {})} preventScrollReset>
              {t('finder.clear')}
            </AppLink>
          </div>
        </div>
      </Details>
    </Form>
  );
}
