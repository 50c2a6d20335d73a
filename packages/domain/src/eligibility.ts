/**
 * Eligibility engine: can this municipality take part in this scheme, in this role, with these
 * partners and these confirmations — and why (not)? A pure function of the municipality's register
 * profile, the scheme's applicant rules (its county's round's rules for a county-run scheme), the
 * intended role, the planned partners and the conditions the municipality has confirmed.
 *
 * The answer is a checklist and reasons:
 * - register facts (applicant type, county, centrality, population) are evaluated: met or blocker,
 *   never left open;
 * - conditions a municipality can fulfil (see `schemeConditions`) are met by the planned partners or
 *   by an unexpired confirmation (the check names it), else left to check;
 * - text no answer can settle is returned as `checkYourself` and never decides the verdict.
 *
 * Verdict: any blocker → `not_eligible`; else any condition to check → `eligible_with_conditions`;
 * else `eligible`. There is always at least one reason, the key reason first: the first blocker, the
 * first open condition, or `can_apply` / `can_be_partner`.
 *
 * Check codes (translated as `check.<code>`) and their params:
 * - `register:applicant_type`: `lead_allowed` {} · `partner_allowed` {} · `partner_only` {leadTypes: ApplicantType[]}
 *   · `municipalities_cannot_take_part` {}
 * - `register:county`: `county_in` / `county_excluded` {counties: string[], county: string}
 * - `register:centrality`: `centrality_in` / `centrality_excluded` {classes: number[], actual: number}
 * - `register:population`: `population_between` {min, max, actual} · `population_at_most` {max, actual}
 *   · `population_at_least` {min, actual} (met) · `population_above` {max, actual} · `population_below` {min, actual} (blockers)
 * - `partner:<type>`: `partner_type` {partnerType: ApplicantType}
 * - `municipalities`: `min_municipalities` {min: number, count: number (municipalities in the plan, this one included)}
 * - `collaboration`: `collaboration` {asPartner: boolean}
 * - `political_anchoring`: `political_anchoring` {}
 * - `own_funding`: `own_funding` {minOwnShare: number (0–1)}
 * - membership conditions: `membership` {text: LocalizedText, membership: string}
 * - other conditions: `scheme_condition` {text: LocalizedText}
 *
 * Reason codes (translated as `eligibility.<code>`): see `Reason`.
 */
import type { ApplicantRules, ApplicantType, CheckState, ConditionKind, Funding, LocalizedText, Scheme } from '@varde/contracts/schemes';
import type { EligibilityRole, ReasonKind, Verdict } from '@varde/contracts/vocabulary';
import { roundFor, rulesFor } from './rounds';

export type { ReasonKind, Verdict };

export interface MunicipalityProfile {
  code: string;
  countyCode: string;
  population: number;
  centralityClass: number;
}

export interface PlannedPartner {
  type: ApplicantType;
  /** For partner municipalities: their profile (one outside the scheme's counties does not count toward the minimum). */
  municipality?: MunicipalityProfile;
}

export type Role = EligibilityRole;

/** A stored confirmation, as plain facts: the engine counts it while `expiresAt` is ahead. */
export interface ConfirmationFact {
  id: string;
  /** Null for a membership (`membership:<key>`), which counts for every scheme asking for it. */
  schemeId: string | null;
  conditionId: string;
  callId: string | null;
  confirmedAt: string;
  confirmedByName: string | null;
  expiresAt: string;
}

export interface EligibilityInput {
  municipality: MunicipalityProfile;
  scheme: Scheme;
  role: Role;
  partners?: PlannedPartner[];
  confirmations?: ConfirmationFact[];
  now: Date;
}

/** One line of the checklist: a register fact (`register:<fact>`) or a condition (its id). */
export interface Check {
  conditionId: string;
  kind: ConditionKind | 'register';
  state: CheckState;
  /** Translated as `check.<code>` (see the module comment for codes and params). */
  code: string;
  params: Record<string, unknown>;
  /** The confirmation a met condition rests on; null when met by register facts or planned partners. */
  confirmation: ConfirmationFact | null;
  /** For a membership condition: the condition id confirmations are stored under, `membership:<key>`. */
  membership: string | null;
}

type NoParams = Record<string, never>;

/**
 * Why a verdict is what it is; translated as `eligibility.<code>` with `params`.
 * blocker: makes the municipality not eligible · condition: to fulfil (and confirm) before applying ·
 * advantage: improves the chances · info: worth knowing, changes nothing.
 */
export type Reason =
  // The key reason of an eligible verdict: "can apply" for the lead, "can be a partner" for a partner.
  | { kind: 'info'; code: 'can_apply'; params: NoParams }
  | { kind: 'info'; code: 'can_be_partner'; params: NoParams }
  // Blockers (the register facts).
  | { kind: 'blocker'; code: 'municipalities_cannot_take_part'; params: NoParams }
  /** A blocker when the municipality wants to lead; information when it joins as a partner. */
  | { kind: 'blocker' | 'info'; code: 'partner_only'; params: { leadTypes: ApplicantType[] } }
  | { kind: 'blocker'; code: 'county_excluded'; params: { counties: string[]; county: string } }
  | { kind: 'blocker'; code: 'centrality_excluded'; params: { classes: number[]; actual: number } }
  | { kind: 'blocker'; code: 'population_above'; params: { max: number; actual: number } }
  | { kind: 'blocker'; code: 'population_below'; params: { min: number; actual: number } }
  // Conditions still to fulfil or confirm.
  | { kind: 'condition'; code: 'needs_partner_type'; params: { partnerType: ApplicantType } }
  | { kind: 'condition'; code: 'needs_more_municipalities'; params: { min: number; missing: number } }
  | { kind: 'condition'; code: 'collaboration_required'; params: NoParams }
  | { kind: 'condition'; code: 'political_anchoring_required'; params: NoParams }
  | { kind: 'condition'; code: 'own_funding_required'; params: { minOwnShare: number } }
  | { kind: 'condition'; code: 'membership_required'; params: { text: LocalizedText; membership: string } }
  | { kind: 'condition'; code: 'scheme_condition'; params: { text: LocalizedText } }
  // Conditions met.
  | { kind: 'info'; code: 'has_partner_type'; params: { partnerType: ApplicantType } }
  | { kind: 'info'; code: 'enough_municipalities'; params: { min: number; count: number } }
  /** How many conditions are met by the municipality's confirmations (each check names its confirmation). */
  | { kind: 'info'; code: 'conditions_confirmed'; params: { count: number } }
  // Worth knowing.
  | { kind: 'advantage'; code: 'collaboration_rewarded'; params: { partnering: boolean } }
  | { kind: 'info'; code: 'lead_role_possible'; params: NoParams }
  /** The rules of the municipality's county's round apply (`round` is the region's name). */
  | { kind: 'info'; code: 'round_rules'; params: { round: LocalizedText; owner: LocalizedText } }
  /** A county-run scheme with no known round for the municipality's county: the general rules apply. */
  | { kind: 'info'; code: 'round_unknown'; params: { county: string } }
  /** Rules to check yourself (listed in `checkYourself`); they do not decide the verdict. */
  | { kind: 'info'; code: 'check_yourself'; params: { count: number } }
  | { kind: 'info'; code: 'no_grant'; params: NoParams }
  | { kind: 'info'; code: 'rules_uncertain'; params: NoParams }
  | { kind: 'info'; code: 'scheme_paused'; params: NoParams }
  | { kind: 'info'; code: 'scheme_ended'; params: { endedOn: string | null } };

export type ReasonCode = Reason['code'];

export interface EligibilityResult {
  verdict: Verdict;
  role: Role;
  /** The round whose rules were used, else null. */
  roundId: string | null;
  /** A county-run scheme with no known round for the county (unknown, not a blocker). */
  roundUnknown: boolean;
  /** Register facts first, then conditions. */
  checklist: Check[];
  checkYourself: LocalizedText[];
  /** At least one; the first is the key reason. */
  reasons: Reason[];
}

/** A condition a scheme sets that a municipality can fulfil and confirm. */
export interface SchemeConditionItem {
  id: string;
  kind: ConditionKind;
  /** For a membership: the condition id its confirmations are stored under, `membership:<key>`. */
  membership: string | null;
  text?: LocalizedText;
  partnerType?: ApplicantType;
  /** For `municipalities`: the smallest number of municipalities. */
  min?: number;
  /** For `own_funding`: the smallest own share (0–1). */
  minOwnShare?: number;
}

/**
 * The conditions of a set of rules, with their fixed ids: `partner:<type>` per required partner type,
 * `municipalities` when more than one municipality must take part, `collaboration` when collaboration
 * is required, `political_anchoring`, `own_funding` when an own share is set, then the scheme's own
 * conditions by their ids (a membership is confirmed under `membership:<key>`).
 */
export function schemeConditions(rules: ApplicantRules, funding: Funding): SchemeConditionItem[] {
  const items: SchemeConditionItem[] = [];
  for (const partnerType of new Set(rules.requiredPartnerTypes)) items.push({ id: `partner:${partnerType}`, kind: 'partner', membership: null, partnerType });
  if (rules.minMunicipalities > 1) items.push({ id: 'municipalities', kind: 'municipalities', membership: null, min: rules.minMunicipalities });
  if (rules.collaboration === 'required') items.push({ id: 'collaboration', kind: 'collaboration', membership: null });
  if (rules.politicalAnchoringRequired) items.push({ id: 'political_anchoring', kind: 'political_anchoring', membership: null });
  if (funding.minOwnShare !== null) items.push({ id: 'own_funding', kind: 'own_funding', membership: null, minOwnShare: funding.minOwnShare });
  for (const condition of rules.conditions) {
    const membership = condition.kind === 'membership' && condition.membership ? `membership:${condition.membership}` : null;
    items.push({ id: condition.id, kind: membership ? 'membership' : 'other', membership, text: condition.text });
  }
  return items;
}

/** The unexpired confirmation of a condition (the newest when there are several), or null. */
function confirmationOf(condition: SchemeConditionItem, schemeId: string, confirmations: readonly ConfirmationFact[], now: Date): ConfirmationFact | null {
  let found: ConfirmationFact | null = null;
  for (const c of confirmations) {
    const matches = condition.membership ? c.conditionId === condition.membership : c.conditionId === condition.id && c.schemeId === schemeId;
    if (!matches || Date.parse(c.expiresAt) <= now.getTime()) continue;
    if (!found || Date.parse(c.confirmedAt) > Date.parse(found.confirmedAt)) found = c;
  }
  return found;
}

const register = (fact: string, state: CheckState, code: string, params: Record<string, unknown>): Check => ({
  conditionId: `register:${fact}`,
  kind: 'register',
  state,
  code,
  params,
  confirmation: null,
  membership: null,
});

/**
 * The register checks for a role. County, centrality and population limits bind every municipality
 * taking part, lead or partner: a scheme for centrality classes 5–6 is not a fit for Trondheim as a
 * partner either. Where a source admits other municipalities as partners on looser terms (e.g.
 * class 4 in cooperation), the scheme says so under `checkYourself`.
 */
function registerChecks(municipality: MunicipalityProfile, rules: ApplicantRules, role: Role): Check[] {
  const canLead = rules.leadTypes.includes('municipality');
  const canPartner = canLead || rules.partnerTypes.includes('municipality');
  const checks: Check[] = [];
  if (role === 'lead') {
    checks.push(
      canLead
        ? register('applicant_type', 'met', 'lead_allowed', {})
        : canPartner
          ? register('applicant_type', 'blocker', 'partner_only', { leadTypes: rules.leadTypes })
          : register('applicant_type', 'blocker', 'municipalities_cannot_take_part', {}),
    );
  } else {
    checks.push(
      canPartner ? register('applicant_type', 'met', 'partner_allowed', {}) : register('applicant_type', 'blocker', 'municipalities_cannot_take_part', {}),
    );
  }

  if (rules.counties) {
    const inside = rules.counties.includes(municipality.countyCode);
    checks.push(
      register('county', inside ? 'met' : 'blocker', inside ? 'county_in' : 'county_excluded', { counties: rules.counties, county: municipality.countyCode }),
    );
  }
  {
    const classes = rules.centralityClasses;
    if (classes) {
      const inside = classes.includes(municipality.centralityClass);
      checks.push(
        register('centrality', inside ? 'met' : 'blocker', inside ? 'centrality_in' : 'centrality_excluded', { classes, actual: municipality.centralityClass }),
      );
    }
    const { maxPopulation: max, minPopulation: min } = rules;
    const actual = municipality.population;
    if (max !== null && actual > max) checks.push(register('population', 'blocker', 'population_above', { max, actual }));
    else if (min !== null && actual < min) checks.push(register('population', 'blocker', 'population_below', { min, actual }));
    else if (max !== null && min !== null) checks.push(register('population', 'met', 'population_between', { min, max, actual }));
    else if (max !== null) checks.push(register('population', 'met', 'population_at_most', { max, actual }));
    else if (min !== null) checks.push(register('population', 'met', 'population_at_least', { min, actual }));
  }
  return checks;
}

const blockerReason = (check: Check): Reason => ({ kind: 'blocker', code: check.code, params: check.params }) as Reason;

/** The reason for a condition left to check. */
function openReason(condition: SchemeConditionItem, count: number): Reason {
  switch (condition.kind) {
    case 'partner':
      return { kind: 'condition', code: 'needs_partner_type', params: { partnerType: condition.partnerType! } };
    case 'municipalities':
      return { kind: 'condition', code: 'needs_more_municipalities', params: { min: condition.min!, missing: condition.min! - count } };
    case 'collaboration':
      return { kind: 'condition', code: 'collaboration_required', params: {} };
    case 'political_anchoring':
      return { kind: 'condition', code: 'political_anchoring_required', params: {} };
    case 'own_funding':
      return { kind: 'condition', code: 'own_funding_required', params: { minOwnShare: condition.minOwnShare! } };
    case 'membership':
      return { kind: 'condition', code: 'membership_required', params: { text: condition.text!, membership: condition.membership! } };
    default:
      return { kind: 'condition', code: 'scheme_condition', params: { text: condition.text! } };
  }
}

function conditionCheck(condition: SchemeConditionItem, count: number, role: Role): Pick<Check, 'code' | 'params'> {
  switch (condition.kind) {
    case 'partner':
      return { code: 'partner_type', params: { partnerType: condition.partnerType } };
    case 'municipalities':
      return { code: 'min_municipalities', params: { min: condition.min, count } };
    case 'collaboration':
      return { code: 'collaboration', params: { asPartner: role === 'partner' } };
    case 'political_anchoring':
      return { code: 'political_anchoring', params: {} };
    case 'own_funding':
      return { code: 'own_funding', params: { minOwnShare: condition.minOwnShare } };
    case 'membership':
      return { code: 'membership', params: { text: condition.text, membership: condition.membership } };
    default:
      return { code: 'scheme_condition', params: { text: condition.text } };
  }
}

export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const { municipality, scheme, role, now } = input;
  const partners = input.partners ?? [];
  const confirmations = input.confirmations ?? [];
  const { round, unknown: roundUnknown } = roundFor(scheme, municipality.countyCode);
  const { applicants: rules, funding, owner } = rulesFor(scheme, round);
  const canLead = rules.leadTypes.includes('municipality');

  const checklist = registerChecks(municipality, rules, role);
  // Municipalities in the plan: this one and the partner municipalities (those inside the scheme's counties).
  const partnerMunicipalities = partners.filter(
    (p) => p.type === 'municipality' && (!p.municipality || !rules.counties || rules.counties.includes(p.municipality.countyCode)),
  ).length;
  const count = 1 + partnerMunicipalities;

  const open: Reason[] = [];
  const met: Reason[] = [];
  let confirmed = 0;
  for (const condition of schemeConditions(rules, funding)) {
    let byPlan = false;
    if (condition.kind === 'partner') byPlan = partners.some((p) => p.type === condition.partnerType);
    else if (condition.kind === 'municipalities') byPlan = count >= condition.min!;
    else if (condition.kind === 'collaboration') byPlan = role === 'partner' || count >= 2;
    const confirmation = byPlan ? null : confirmationOf(condition, scheme.id, confirmations, now);
    const state: CheckState = byPlan || confirmation ? 'met' : 'to_check';
    checklist.push({
      conditionId: condition.id,
      kind: condition.kind,
      state,
      ...conditionCheck(condition, count, role),
      confirmation,
      membership: condition.membership,
    });
    if (state === 'to_check') open.push(openReason(condition, count));
    else if (confirmation) confirmed++;
    else if (condition.kind === 'partner') met.push({ kind: 'info', code: 'has_partner_type', params: { partnerType: condition.partnerType! } });
    else if (condition.kind === 'municipalities') met.push({ kind: 'info', code: 'enough_municipalities', params: { min: condition.min!, count } });
  }

  const blockers = checklist.filter((c) => c.state === 'blocker').map(blockerReason);
  const verdict: Verdict = blockers.length ? 'not_eligible' : open.length ? 'eligible_with_conditions' : 'eligible';

  const infos: Reason[] = [];
  if (role === 'partner' && !canLead && rules.partnerTypes.includes('municipality')) {
    infos.push({ kind: 'info', code: 'partner_only', params: { leadTypes: rules.leadTypes } });
  }
  if (round) infos.push({ kind: 'info', code: 'round_rules', params: { round: round.name, owner: owner.name } });
  if (roundUnknown) infos.push({ kind: 'info', code: 'round_unknown', params: { county: municipality.countyCode } });
  infos.push(...met);
  if (confirmed) infos.push({ kind: 'info', code: 'conditions_confirmed', params: { count: confirmed } });
  if (rules.collaboration === 'rewarded')
    infos.push({ kind: 'advantage', code: 'collaboration_rewarded', params: { partnering: count > 1 || role === 'partner' } });
  if (role === 'partner' && canLead && !registerChecks(municipality, rules, 'lead').some((c) => c.state === 'blocker')) {
    infos.push({ kind: 'info', code: 'lead_role_possible', params: {} });
  }
  if (rules.checkYourself.length) infos.push({ kind: 'info', code: 'check_yourself', params: { count: rules.checkYourself.length } });
  if (!funding.isGrant) infos.push({ kind: 'info', code: 'no_grant', params: {} });
  if (rules.certainty === 'uncertain') infos.push({ kind: 'info', code: 'rules_uncertain', params: {} });
  if (scheme.lifecycle.status === 'paused') infos.push({ kind: 'info', code: 'scheme_paused', params: {} });
  if (scheme.lifecycle.status === 'ended') infos.push({ kind: 'info', code: 'scheme_ended', params: { endedOn: scheme.lifecycle.endedOn } });

  const key: Reason[] =
    verdict === 'eligible' ? [role === 'lead' ? { kind: 'info', code: 'can_apply', params: {} } : { kind: 'info', code: 'can_be_partner', params: {} }] : [];
  return {
    verdict,
    role,
    roundId: round?.id ?? null,
    roundUnknown,
    checklist,
    checkYourself: rules.checkYourself,
    reasons: [...key, ...blockers, ...open, ...infos],
  };
}

/**
 * The best role for a municipality: lead when it may lead, otherwise partner. The finder shows this
 * verdict first and the other role's verdict on request.
 */
export function bestEligibility(input: Omit<EligibilityInput, 'role'>): EligibilityResult {
  const asLead = evaluateEligibility({ ...input, role: 'lead' });
  if (asLead.verdict !== 'not_eligible') return asLead;
  const asPartner = evaluateEligibility({ ...input, role: 'partner' });
  return asPartner.verdict !== 'not_eligible' ? asPartner : asLead;
}
