import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import type { CheckItem, Eligibility, EligibilityMunicipality } from '@varde/contracts/finder-api';
import type { Deadline } from '@varde/contracts/schemes';
import { applicantTypes, eligibilityRoles, type ApplicantType, type EligibilityRole } from '@varde/contracts/vocabulary';
import { useEffect, useRef, type FormEvent } from 'react';
import { Form, useLocation } from 'react-router';
import { SelectInput } from '../../../components/select-input';
import { useGetForm } from '../../../components/use-get-form';
import { useI18n } from '../../../i18n/i18n';
import type { MunicipalityOption } from '../api/list-municipality-options';
import { useSchemeFormat } from '../format';
import { ConfirmationLine, ConfirmButton, useConfirmations } from './condition-confirmation';
import { MunicipalitySelect } from './municipality-select';
import { verdictText, VerdictWithChecklist } from './verdict';

const ELIGIBILITY_ANCHOR = 'kan-kommunen-soke';
const ANSWER_HEADING = 'kan-kommunen-soke-svar';

/**
 * After "Vis svaret" the form is re-mounted with the new answer, which would drop focus to <body>
 * (WCAG 2.4.3): once the new address has rendered, focus goes to the answer's heading instead (or to
 * the section's heading when no municipality was chosen), so keyboard and screen-reader users start
 * reading at the answer. Without JavaScript the form's #fragment scrolls there.
 */
function useFocusAnswerAfterSubmit(submit: (event: FormEvent<HTMLFormElement>) => void) {
  const { key } = useLocation();
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    (document.getElementById(ANSWER_HEADING) ?? document.getElementById(ELIGIBILITY_ANCHOR))?.focus();
  }, [key]);
  return (event: FormEvent<HTMLFormElement>) => {
    pending.current = true;
    submit(event);
  };
}

const verdictRank = { eligible: 0, eligible_with_conditions: 1, not_eligible: 2 } as const;

/** The role whose checklist carries the confirm actions: the one with the better verdict, the lead on a tie. */
function primaryRole(eligibility: { lead: Eligibility; partner: Eligibility }): EligibilityRole {
  return verdictRank[eligibility.partner.verdict] < verdictRank[eligibility.lead.verdict] ? 'partner' : 'lead';
}

export interface ConfirmableCall {
  id: string;
  title: string;
  deadline: Deadline;
}

interface EligibilityPanelProps {
  schemeId: string;
  municipality: EligibilityMunicipality | null;
  municipalities: MunicipalityOption[];
  partners: ApplicantType[];
  eligibility: { lead: Eligibility; partner: Eligibility } | null;
  /** No round of this county-run scheme is known for the municipality's county: unknown, not a blocker. */
  roundUnknown: boolean;
  /** The signed-in member's organisation for this municipality: they may confirm its conditions. */
  organisationId: string | null;
  /** Announced calls still ahead, that a confirmation can be made for (it then ends with their deadline). */
  calls: ConfirmableCall[];
}

/**
 * "Kan kommunen søke?": the answer first — for each role the verdict and its checklist (✓ met, ? to
 * check, ✗ blocker) — then what Varde cannot settle ("check this yourself", never deciding the
 * verdict), then a GET form to choose the municipality and planned partners (in the address, so it
 * works without JavaScript). A signed-in member of the municipality confirms open conditions ("Vi har
 * dette") and sees who confirmed what, and until when, with an undo.
 */
export function EligibilityPanel({
  schemeId,
  municipality,
  municipalities,
  partners,
  eligibility,
  roundUnknown,
  organisationId,
  calls,
}: EligibilityPanelProps) {
  const { t } = useI18n();
  const path = `/ordninger/${schemeId}`;
  const { busy, onSubmit: navigateTo } = useGetForm(path);
  const onSubmit = useFocusAnswerAfterSubmit(navigateTo);
  const answer = municipality && eligibility ? { municipality, eligibility } : null;
  const summary = answer
    ? `${t('scheme.eligibility.answerFor', { municipality: answer.municipality.name })}: ${eligibilityRoles
        .map((role) => `${t(`scheme.eligibility.role.${role}`)}: ${verdictText(t, answer.eligibility[role].verdict, role)}`)
        .join('. ')}.`
    : '';
  return (
    <section className="section eligibility-panel" aria-labelledby={ELIGIBILITY_ANCHOR}>
      <Heading level={2} data-size="sm" id={ELIGIBILITY_ANCHOR} tabIndex={-1}>
        {t('scheme.eligibility.heading')}
      </Heading>
      {answer ? (
        <Answer
          schemeId={schemeId}
          municipality={answer.municipality}
          eligibility={answer.eligibility}
          partners={partners}
          roundUnknown={roundUnknown}
          organisationId={organisationId}
          calls={calls}
        />
      ) : (
        <Paragraph>{t('scheme.eligibility.choose')}</Paragraph>
      )}
      {/* A new answer after the form below is sent is announced in one line. */}
      <p role="status" className="ds-sr-only">
        {summary}
      </p>
      <Form
        method="get"
        action={`${path}#${ELIGIBILITY_ANCHOR}`}
        className="eligibility-form"
        aria-labelledby={ELIGIBILITY_ANCHOR}
        // Re-mounted when the answer changes, so the fields show what the answer is for.
        key={`${municipality?.code ?? ''}:${partners.join(',')}`}
        onSubmit={onSubmit}
      >
        {answer ? (
          <Heading level={3} data-size="2xs">
            {t('scheme.eligibility.formHeading')}
          </Heading>
        ) : null}
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
    </section>
  );
}

function Answer({
  schemeId,
  municipality,
  eligibility,
  partners,
  roundUnknown,
  organisationId,
  calls,
}: Omit<EligibilityPanelProps, 'municipalities' | 'municipality' | 'eligibility'> & {
  municipality: EligibilityMunicipality;
  eligibility: { lead: Eligibility; partner: Eligibility };
}) {
  const { t, number, deadlineText } = useSchemeFormat();
  const confirmations = useConfirmations({ schemeId, organisationId, municipalityName: municipality.name, headingId: ELIGIBILITY_ANCHOR });
  const primary = primaryRole(eligibility);
  // Both roles are judged by the same rules: what nothing can settle is the same text for both.
  const checkYourself = [...new Set([...eligibility.lead.checkYourself, ...eligibility.partner.checkYourself])];
  const extra = (role: EligibilityRole) => (item: CheckItem) => {
    if (item.kind === 'register') return null;
    const actions = organisationId !== null && role === primary;
    if (item.confirmation) return <ConfirmationLine item={item} confirmation={item.confirmation} state={actions ? confirmations : null} />;
    if (actions && item.state === 'to_check') return <ConfirmButton item={item} state={confirmations} />;
    return null;
  };
  return (
    <div className="eligibility-answer">
      <Heading level={3} data-size="xs" id={ANSWER_HEADING} tabIndex={-1}>
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
      {roundUnknown ? (
        <Alert data-color="info" data-size="sm">
          <Paragraph data-size="sm">{t('checklist.roundUnknown', { county: municipality.countyName })}</Paragraph>
        </Alert>
      ) : null}
      {organisationId !== null ? (
        <div className="confirm-intro">
          <Paragraph data-size="sm">{t('checklist.confirmLead', { municipality: municipality.name })}</Paragraph>
          {calls.length > 0 ? (
            <SelectInput
              id="confirm-validity"
              label={t('checklist.validityLabel')}
              value={confirmations.callId}
              onChange={(event) => confirmations.setCallId(event.currentTarget.value)}
              options={[
                { value: '', label: t('checklist.validTwelveMonths') },
                ...calls.map((call) => ({ value: call.id, label: t('checklist.validForCall', { call: call.title, deadline: deadlineText(call.deadline) }) })),
              ]}
            />
          ) : null}
        </div>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {t('checklist.publicOnly')}
        </Paragraph>
      )}
      <div className="role-verdicts">
        {eligibilityRoles.map((role) => (
          <div key={role} className="role-verdict" data-role={role}>
            <Heading level={4} data-size="2xs">
              {t(`scheme.eligibility.role.${role}`)}
            </Heading>
            <VerdictWithChecklist eligibility={eligibility[role]} extra={extra(role)} />
          </div>
        ))}
      </div>
      <div role="status" className="confirm-status">
        {confirmations.message ? (
          <Alert data-color={confirmations.message.ok ? 'success' : 'danger'} data-size="sm">
            <Paragraph data-size="sm">{confirmations.message.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {checkYourself.length > 0 ? (
        <div className="check-yourself">
          <Heading level={3} data-size="2xs">
            {t('checklist.checkYourself')}
          </Heading>
          <Paragraph data-size="sm">{t('checklist.checkYourselfLead')}</Paragraph>
          <ul className="plain-bullets">
            {checkYourself.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
