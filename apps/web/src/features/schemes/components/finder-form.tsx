import { useEffect, useRef } from 'react';
import { Button, Details, Field, Fieldset, Input, Label } from '@digdir/designsystemet-react';
import { Form, useNavigate, useNavigation } from 'react-router';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import type { FinderQuery } from '../api/list-schemes';
import type { MunicipalityOption } from '../api/list-municipality-options';
import { deadlineWindows, fundingSizes, schemeThemes } from '../vocabulary';
import { MunicipalitySelect, useMunicipalityChoice } from './municipality-select';

interface FinderFormProps {
  query: FinderQuery;
  /** The municipality the results are for (the chosen one, or a member's own), `none`, or empty. */
  municipalityCode: string;
  municipalities: MunicipalityOption[];
  owners: string[];
}

/** Values of the single-value fields, to write into the uncontrolled inputs when the address changes. */
function fieldValues(query: FinderQuery, municipalityCode: string): Record<string, string> {
  return {
    q: query.q ?? '',
    municipality: municipalityCode,
    role: query.role ?? '',
    deadlineWithin: query.deadlineWithin ? String(query.deadlineWithin) : '',
    funding: query.funding ?? '',
    collaboration: query.collaboration ?? '',
    owner: query.owner ?? '',
  };
}

/**
 * The finder's filters as a plain GET form: without JavaScript the browser submits it as is, so a
 * search is a shareable link. With JavaScript the router submits it and empty fields are left out.
 */
export function FinderForm({ query, municipalityCode, municipalities, owners }: FinderFormProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const busy = navigation.state === 'loading' && navigation.location.pathname === '/ordninger';
  const formRef = useRef<HTMLFormElement>(null);
  const { emptyValue } = useMunicipalityChoice();
  const moreSet = Boolean(query.role || query.openNow || query.deadlineWithin || query.funding || query.collaboration || query.owner);

  // The inputs are uncontrolled (they must work before hydration). When the address changes by other
  // means (a page link, "clear filters", the back button) write it into them without re-mounting the
  // form, so keyboard focus stays where it was.
  const values = fieldValues(query, municipalityCode || emptyValue);
  const valuesKey = JSON.stringify([values, query.theme ?? [], query.openNow ?? false]);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const [single, themes, openNow] = JSON.parse(valuesKey) as [Record<string, string>, string[], boolean];
    for (const [name, value] of Object.entries(single)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    }
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="theme"]')) box.checked = themes.includes(box.value);
    const open = form.elements.namedItem('openNow');
    if (open instanceof HTMLInputElement) open.checked = openNow;
  }, [valuesKey]);

  return (
    <Form
      ref={formRef}
      method="get"
      action="/ordninger"
      className="finder-form"
      role="search"
      aria-label={t('finder.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget)) {
          if (typeof value === 'string' && value.trim() !== '') params.append(key, value.trim());
        }
        const search = params.toString();
        void navigate(`/ordninger${search ? `?${search}` : ''}`, { preventScrollReset: true });
      }}
    >
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
              options={[
                { value: '', label: t('finder.anyRole') },
                { value: 'lead', label: t('finder.roleOption.lead') },
                { value: 'partner', label: t('finder.roleOption.partner') },
              ]}
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
                { value: 'required', label: t('collaboration.required') },
                { value: 'rewarded', label: t('collaboration.rewarded') },
              ]}
            />
            <SelectInput
              id="finder-owner"
              name="owner"
              label={t('finder.ownerLabel')}
              defaultValue={query.owner ?? ''}
              options={[
                { value: '', label: t('finder.anyOwner') },
                ...owners.map((owner) => ({ value: owner, label: owner })),
                ...(query.owner && !owners.includes(query.owner) ? [{ value: query.owner, label: query.owner }] : []),
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
        <AppLink to={municipalityCode ? `/ordninger?municipality=${municipalityCode}` : '/ordninger'} preventScrollReset>
          {t('finder.clear')}
        </AppLink>
      </div>
    </Form>
  );
}
