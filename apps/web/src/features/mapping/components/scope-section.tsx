import { Alert, Button, Details, Field, Fieldset, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { County } from '@varde/contracts';
import type { RegionScope, ScopeBody } from '@varde/contracts/mapping-api';
import type { ScopeKind } from '@varde/contracts/mapping-vocabulary';
import { useRevalidator } from 'react-router';
import { useMutation } from '../../../app/use-mutation';
import { AppLink } from '../../../components/app-link';
import { FormProblems, fieldErrorsOf } from '../../../components/form-problems';
import { TextareaInput } from '../../../components/textarea-input';
import { useI18n } from '../../../i18n/i18n';
import { saveScope } from '../api/mapping';

/** Municipality numbers typed or pasted: any separators, each 4 digits. */
const codesIn = (text: string) => [...new Set(text.match(/\b[0-9]{4}\b/g) ?? [])];

/**
 * Which municipalities a regional organisation advises: its counties, or an explicit list (the State
 * Administrator regions that span several counties are several counties). Everyone sees it; platform
 * administrators change it; members get a link to their overview.
 */
export function ScopeSection({
  organisationId,
  scope,
  counties,
  canEdit,
  isMember,
}: {
  organisationId: string;
  scope: RegionScope;
  counties: County[];
  canEdit: boolean;
  isMember: boolean;
}) {
  const { t, number } = useI18n();
  const revalidator = useRevalidator();
  const [kind, setKind] = useState<ScopeKind>(scope.kind);
  const { state, mutate } = useMutation((api, body: ScopeBody) => saveScope(api, organisationId, body));
  const fields = fieldErrorsOf(state.status === 'error' ? state.error : null);
  return (
    <section className="section" aria-labelledby="scope-heading">
      <Heading level={2} data-size="sm" id="scope-heading">
        {t('scope.heading')}
      </Heading>
      <Paragraph>
        {scope.kind === 'counties'
          ? t('scope.counties', { count: number(scope.municipalities.length), counties: scope.counties.map((c) => c.name).join(', ') || '–' })
          : t('scope.list', { count: number(scope.municipalities.length) })}
        {scope.stored ? '' : ` ${t('scope.default')}`}
      </Paragraph>
      {scope.municipalities.length > 0 ? (
        <Details>
          <Details.Summary>{t('scope.showMunicipalities', { count: number(scope.municipalities.length) })}</Details.Summary>
          <Details.Content>
            <Paragraph data-size="sm">{scope.municipalities.map((m) => m.name).join(', ')}</Paragraph>
          </Details.Content>
        </Details>
      ) : null}
      {isMember ? (
        <Paragraph>
          <AppLink to={`/region?org=${organisationId}`}>{t('scope.overviewLink')}</AppLink>
        </Paragraph>
      ) : null}
      {canEdit ? (
        <form
          className="form"
          onSubmit={async (event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const body: ScopeBody =
              kind === 'counties'
                ? { kind, counties: data.getAll('counties').map(String) }
                : { kind, municipalities: codesIn(String(data.get('municipalities') ?? '')) };
            const result = await mutate(body);
            if (result.ok) void revalidator.revalidate();
          }}
        >
          <Heading level={3} data-size="xs">
            {t('scope.editHeading')}
          </Heading>
          {state.status === 'error' ? (
            <FormProblems fields={fields} message={state.error.message} attempt={state.attempt} idFor={(p) => `scope-${p.replace(/\W+/g, '-')}`} />
          ) : null}
          <Fieldset>
            <Fieldset.Legend>{t('scope.kindLegend')}</Fieldset.Legend>
            {(['counties', 'municipalities'] as const).map((k) => (
              <Field asChild key={k}>
                <div>
                  <Input type="radio" id={`scope-kind-${k}`} name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  <Label htmlFor={`scope-kind-${k}`} weight="regular">
                    {t(`scope.kind.${k}`)}
                  </Label>
                </div>
              </Field>
            ))}
          </Fieldset>
          {kind === 'counties' ? (
            <Fieldset>
              <Fieldset.Legend>{t('scope.countiesLegend')}</Fieldset.Legend>
              <div className="checkbox-columns">
                {counties.map((c) => (
                  <Field asChild key={c.code}>
                    <div>
                      <Input
                        type="checkbox"
                        id={`scope-county-${c.code}`}
                        name="counties"
                        value={c.code}
                        defaultChecked={scope.kind === 'counties' && scope.counties.some((s) => s.code === c.code)}
                      />
                      <Label htmlFor={`scope-county-${c.code}`} weight="regular">
                        {c.name}
                      </Label>
                    </div>
                  </Field>
                ))}
              </div>
            </Fieldset>
          ) : (
            <TextareaInput
              id="scope-municipalities"
              name="municipalities"
              label={t('scope.municipalitiesLabel')}
              description={t('scope.municipalitiesHint')}
              rows={4}
              maxLength={357 * 6}
              defaultValue={scope.kind === 'municipalities' ? scope.municipalities.map((m) => m.code).join(', ') : ''}
            />
          )}
          <div className="form-actions">
            <Button type="submit" loading={state.status === 'pending'}>
              {t('scope.save')}
            </Button>
          </div>
          <div role="status">
            {state.status === 'success' ? (
              <Alert data-color="success">
                <Paragraph>{t('scope.saved', { count: number(state.data.municipalities.length) })}</Paragraph>
              </Alert>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
