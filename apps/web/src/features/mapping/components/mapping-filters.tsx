import { Button, Field, Fieldset, Input, Label } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { County } from '@varde/contracts';
import type { MappingQuery } from '@varde/contracts/mapping-api';
import { type MapMeasure, centralityClasses, mapMeasures, mappingBands } from '@varde/contracts/mapping-vocabulary';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { TextInput } from '../../../components/text-input';
import { useGetForm } from '../../../components/use-get-form';
import { useI18n } from '../../../i18n/i18n';

/**
 * The analytics filters as a plain GET form to /kartlegging: period (years), centrality classes and
 * population bands (checkboxes: several at once), county (the map zooms to it), the map's measure,
 * and — only when the server shows example data — whether to leave the examples out.
 */
export function MappingFilters({
  query,
  measure,
  counties,
  exampleDataOn,
}: {
  query: MappingQuery;
  measure: MapMeasure;
  counties: County[];
  exampleDataOn: boolean;
}) {
  const { t } = useI18n();
  const { formRef, busy, onSubmit } = useGetForm('/kartlegging', {
    values: {
      fra: query.from !== undefined ? String(query.from) : '',
      til: query.to !== undefined ? String(query.to) : '',
      klasse: (query.class ?? []).map(String),
      storrelse: query.band ?? [],
      fylke: query.county ?? '',
      kart: measure,
      eksempel: query.example === 'exclude',
    },
  });
  return (
    <Form
      ref={formRef}
      method="get"
      action="/kartlegging"
      className="filters mapping-filters"
      role="search"
      aria-label={t('analytics.filtersLabel')}
      onSubmit={onSubmit}
    >
      <TextInput
        id="mapping-from"
        name="fra"
        label={t('analytics.from')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        defaultValue={query.from !== undefined ? String(query.from) : ''}
      />
      <TextInput
        id="mapping-to"
        name="til"
        label={t('analytics.to')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        defaultValue={query.to !== undefined ? String(query.to) : ''}
      />
      <SelectInput
        id="mapping-county"
        name="fylke"
        label={t('analytics.county')}
        description={t('analytics.countyHint')}
        defaultValue={query.county ?? ''}
        options={[{ value: '', label: t('analytics.allCounties') }, ...counties.map((c) => ({ value: c.code, label: c.name }))]}
      />
      <SelectInput
        id="mapping-measure"
        name="kart"
        label={t('analytics.measure')}
        defaultValue={measure}
        options={mapMeasures.map((m) => ({ value: m, label: t(`analytics.measure.${m}`) }))}
      />
      <Fieldset className="mapping-filters__group">
        <Fieldset.Legend>{t('analytics.classes')}</Fieldset.Legend>
        <Fieldset.Description>{t('analytics.classesHint')}</Fieldset.Description>
        <div className="checkbox-columns">
          {centralityClasses.map((c) => (
            <Field asChild key={c}>
              <div>
                <Input type="checkbox" id={`mapping-class-${c}`} name="klasse" value={String(c)} defaultChecked={(query.class ?? []).includes(c)} />
                <Label htmlFor={`mapping-class-${c}`} weight="regular">
                  {t('centrality.option', { class: c, label: t(`centrality.class${c}`) })}
                </Label>
              </div>
            </Field>
          ))}
        </div>
      </Fieldset>
      <Fieldset className="mapping-filters__group">
        <Fieldset.Legend>{t('analytics.bands')}</Fieldset.Legend>
        <Fieldset.Description>{t('analytics.bandsHint')}</Fieldset.Description>
        <div className="checkbox-columns">
          {mappingBands.map((b) => (
            <Field asChild key={b}>
              <div>
                <Input type="checkbox" id={`mapping-band-${b}`} name="storrelse" value={b} defaultChecked={(query.band ?? []).includes(b)} />
                <Label htmlFor={`mapping-band-${b}`} weight="regular">
                  {t(`mappingBand.${b}`)}
                </Label>
              </div>
            </Field>
          ))}
        </div>
      </Fieldset>
      {exampleDataOn ? (
        <Field asChild>
          <div className="mapping-filters__wide">
            <Input type="checkbox" id="mapping-example" name="eksempel" value="nei" defaultChecked={query.example === 'exclude'} />
            <Label htmlFor="mapping-example" weight="regular">
              {t('analytics.excludeExamples')}
            </Label>
          </div>
        </Field>
      ) : null}
      <div className="filters__actions">
        <Button type="submit" loading={busy}>
          {t('analytics.submit')}
        </Button>
        <AppLink to="/kartlegging" preventScrollReset>
          {t('analytics.clear')}
        </AppLink>
      </div>
    </Form>
  );
}
