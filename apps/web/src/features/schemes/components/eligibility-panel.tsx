import { Button, Field, Fieldset, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import type { Eligibility, EligibilityMunicipality } from '@varde/contracts/finder-api';
import { applicantTypes, eligibilityRoles, type ApplicantType } from '@varde/contracts/vocabulary';
import { Form } from 'react-router';
import { useGetForm } from '../../../components/use-get-form';
import { useI18n } from '../../../i18n/i18n';
import type { MunicipalityOption } from '../api/list-municipality-options';
import { MunicipalitySelect } from './municipality-select';
import { VerdictWithReasons } from './verdict';

const ELIGIBILITY_ANCHOR = 'kan-kommunen-soke';

interface EligibilityPanelProps {
  schemeId: string;
  municipality: EligibilityMunicipality | null;
  municipalities: MunicipalityOption[];
  partners: ApplicantType[];
  eligibility: { lead: Eligibility; partner: Eligibility } | null;
}

/**
 * "Can our municipality apply, in which role?" A GET form (municipality and planned partners in the
 * address, so it works without JavaScript) and the verdicts for both roles with their reasons.
 */
export function EligibilityPanel({ schemeId, municipality, municipalities, partners, eligibility }: EligibilityPanelProps) {
  const { t, number } = useI18n();
  const path = `/ordninger/${schemeId}`;
  const { busy, onSubmit } = useGetForm(path);
  return (
    <section className="section eligibility-panel" aria-labelledby={ELIGIBILITY_ANCHOR}>
      <Heading level={2} data-size="sm" id={ELIGIBILITY_ANCHOR} tabIndex={-1}>
        {t('scheme.eligibility.heading')}
      </Heading>
      <Form
        method="get"
        action={`${path}#${ELIGIBILITY_ANCHOR}`}
        className="eligibility-form"
        aria-labelledby={ELIGIBILITY_ANCHOR}
        // Re-mounted when the answer changes, so the fields show what the answer is for.
        key={`${municipality?.code ?? ''}:${partners.join(',')}`}
        onSubmit={onSubmit}
      >
        <MunicipalitySelect
          id="eligibility-municipality"
          label={t('scheme.eligibility.municipalityLabel')}
          options={municipalities}
          defaultValue={municipality?.code ?? ''}
          emptyLabel={t('finder.noMunicipality')}
        />
        <Fieldset>
          <Fieldset.Legend>{t('scheme.eligibility.partnersLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('scheme.eligibility.partnersHint')}</Fieldset.Description>
          <div className="checkbox-grid">
            {applicantTypes.map((type) => (
              <Field asChild key={type}>
                <div>
                  <Input type="checkbox" id={`eligibility-partner-${type}`} name="partners" value={type} defaultChecked={partners.includes(type)} />
                  <Label htmlFor={`eligibility-partner-${type}`} weight="regular">
                    {t(`applicantType.${type}`)}
                  </Label>
                </div>
              </Field>
            ))}
          </div>
        </Fieldset>
        <div>
          <Button type="submit" loading={busy}>
            {t('scheme.eligibility.submit')}
          </Button>
        </div>
      </Form>
      <div role="status" className="eligibility-answer">
        {municipality && eligibility ? (
          <>
            <Heading level={3} data-size="xs">
              {t('scheme.eligibility.answerFor', { municipality: municipality.name })}
            </Heading>
            <Paragraph data-size="sm" className="muted">
              {t('scheme.eligibility.profile', {
                county: municipality.countyName,
                population: number(municipality.population),
                centrality: municipality.centralityClass,
              })}
              {partners.length > 0
                ? ` ${t('scheme.eligibility.withPartners', { partners: partners.map((p) => t(`applicantType.${p}`)).join(', ') })}`
                : ` ${t('scheme.eligibility.noPartners')}`}
            </Paragraph>
            <div className="role-verdicts">
              {eligibilityRoles.map((role) => (
                <div key={role} className="role-verdict">
                  <Heading level={4} data-size="2xs">
                    {t(`scheme.eligibility.role.${role}`)}
                  </Heading>
                  <VerdictWithReasons eligibility={eligibility[role]} showRole={false} />
                </div>
              ))}
            </div>
          </>
        ) : (
          <Paragraph>{t('scheme.eligibility.choose')}</Paragraph>
        )}
      </div>
    </section>
  );
}
