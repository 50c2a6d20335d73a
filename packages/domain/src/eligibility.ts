/**
 * Eligibility engine: can this municipality take part in this scheme, in this role, with these
 * partners — and why (not)? A pure function of the municipality's register profile, the scheme's
 * applicant rules (data, not prose), the intended role and the planned partners.
 *
 * Every reason is a code with parameters; the UI translates it with `eligibility.<code>`.
 */
import type { ApplicantRules, ApplicantType, LocalizedText } from '@varde/contracts/schemes';

export interface MunicipalityProfile {
  code: string;
  countyCode: string;
  population: number;
  centralityClass: number;
}

export interface PlannedPartner {
  type: ApplicantType;
  /** For partner municipalities: their profile (counts toward the minimum number of municipalities). */
  municipality?: MunicipalityProfile;
}

export type Role = 'lead' | 'partner';
export type Verdict = 'eligible' | 'eligible_with_conditions' | 'not_eligible';

/**
 * blocker: makes the municipality not eligible · condition: must be met before applying ·
 * advantage: improves the chances · info: worth knowing, changes nothing.
 */
export type ReasonKind = 'blocker' | 'condition' | 'advantage' | 'info';

export type Reason =
  | { kind: 'blocker'; code: 'municipalities_cannot_take_part' }
  /** A blocker when the municipality wants to lead; information when it joins as a partner. */
  | { kind: 'blocker' | 'info'; code: 'partner_only'; leadTypes: ApplicantType[] }
  | { kind: 'blocker'; code: 'county_excluded'; counties: string[] }
  | { kind: 'blocker'; code: 'centrality_excluded'; classes: number[]; actual: number }
  | { kind: 'blocker'; code: 'population_above'; max: number; actual: number }
  | { kind: 'blocker'; code: 'population_below'; min: number; actual: number }
  | { kind: 'condition'; code: 'needs_partner_type'; partnerType: ApplicantType }
  | { kind: 'info'; code: 'has_partner_type'; partnerType: ApplicantType }
  | { kind: 'condition'; code: 'needs_more_municipalities'; min: number; missing: number }
  | { kind: 'info'; code: 'enough_municipalities'; min: number; count: number }
  | { kind: 'condition'; code: 'collaboration_required' }
  | { kind: 'advantage'; code: 'collaboration_rewarded'; partnering: boolean }
  | { kind: 'condition'; code: 'political_anchoring_required' }
  | { kind: 'condition'; code: 'scheme_condition'; text: LocalizedText }
  | { kind: 'info'; code: 'lead_role_possible' }
  | { kind: 'info'; code: 'no_grant' }
  | { kind: 'info'; code: 'rules_uncertain' };

export type ReasonCode = Reason['code'];

export interface EligibilityResult {
  verdict: Verdict;
  role: Role;
  reasons: Reason[];
}

export interface EligibilityInput {
  municipality: MunicipalityProfile;
  rules: ApplicantRules;
  role: Role;
  partners?: PlannedPartner[];
  /** False for guidance programmes and prizes. */
  isGrant?: boolean;
}

export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const { municipality, rules, role } = input;
  const partners = input.partners ?? [];
  const reasons: Reason[] = [];
  const canLead = rules.leadTypes.includes('municipality');
  const canPartner = canLead || rules.partnerTypes.includes('municipality');

  if (!canPartner) {
    reasons.push({ kind: 'blocker', code: 'municipalities_cannot_take_part' });
  } else if (!canLead) {
    reasons.push({ kind: role === 'lead' ? 'blocker' : 'info', code: 'partner_only', leadTypes: rules.leadTypes });
  }

  // A regional scheme's money stays in its region: the county limit binds every municipality taking
  // part. Size and centrality limits describe the applicant, so they bind the lead.
  if (rules.counties && !rules.counties.includes(municipality.countyCode)) {
    reasons.push({ kind: 'blocker', code: 'county_excluded', counties: rules.counties });
  }
  if (role === 'lead' || !canLead) {
    if (rules.centralityClasses && !rules.centralityClasses.includes(municipality.centralityClass)) {
      reasons.push({ kind: 'blocker', code: 'centrality_excluded', classes: rules.centralityClasses, actual: municipality.centralityClass });
    }
    if (rules.maxPopulation !== null && municipality.population > rules.maxPopulation) {
      reasons.push({ kind: 'blocker', code: 'population_above', max: rules.maxPopulation, actual: municipality.population });
    }
    if (rules.minPopulation !== null && municipality.population < rules.minPopulation) {
      reasons.push({ kind: 'blocker', code: 'population_below', min: rules.minPopulation, actual: municipality.population });
    }
  }

  for (const partnerType of rules.requiredPartnerTypes) {
    reasons.push(
      partners.some((p) => p.type === partnerType)
        ? { kind: 'info', code: 'has_partner_type', partnerType }
        : { kind: 'condition', code: 'needs_partner_type', partnerType },
    );
  }

  const municipalityCount = 1 + partners.filter((p) => p.type === 'municipality').length;
  if (rules.minMunicipalities > 1) {
    reasons.push(
      municipalityCount >= rules.minMunicipalities
        ? { kind: 'info', code: 'enough_municipalities', min: rules.minMunicipalities, count: municipalityCount }
        : { kind: 'condition', code: 'needs_more_municipalities', min: rules.minMunicipalities, missing: rules.minMunicipalities - municipalityCount },
    );
  }
  if (rules.collaboration === 'required' && rules.minMunicipalities <= 1 && municipalityCount < 2 && role === 'lead') {
    reasons.push({ kind: 'condition', code: 'collaboration_required' });
  }
  if (rules.collaboration === 'rewarded') {
    reasons.push({ kind: 'advantage', code: 'collaboration_rewarded', partnering: municipalityCount > 1 || role === 'partner' });
  }
  if (rules.politicalAnchoringRequired) reasons.push({ kind: 'condition', code: 'political_anchoring_required' });
  for (const text of rules.conditions) reasons.push({ kind: 'condition', code: 'scheme_condition', text });
  if (role === 'partner' && canLead && evaluateEligibility({ ...input, role: 'lead' }).verdict !== 'not_eligible') {
    reasons.push({ kind: 'info', code: 'lead_role_possible' });
  }
  if (input.isGrant === false) reasons.push({ kind: 'info', code: 'no_grant' });
  if (rules.certainty === 'uncertain') reasons.push({ kind: 'info', code: 'rules_uncertain' });

  const verdict: Verdict = reasons.some((r) => r.kind === 'blocker')
    ? 'not_eligible'
    : reasons.some((r) => r.kind === 'condition')
      ? 'eligible_with_conditions'
      : 'eligible';
  return { verdict, role, reasons };
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
