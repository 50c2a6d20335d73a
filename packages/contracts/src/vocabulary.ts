/**
 * The contract's vocabulary: every closed list of values (organisation types, roles, languages,
 * scheme themes, pipeline statuses …) as plain `as const` arrays with their types, and the input
 * limits.
 *
 * This module imports nothing, so the browser can import it without pulling in the schema library.
 * The TypeBox schemas in the other contract modules derive their enums from these lists.
 */

// --- Accounts and organisations ---

/** Kinds of organisation Varde knows. A municipality organisation exists for each kommune. */
export const organisationTypes = ['municipality', 'county_authority', 'state_administrator', 'regional_council', 'scheme_owner', 'partner'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Organisation types whose members act as regional advisers for the organisation's county. */
export const regionalOrganisationTypes: readonly OrganisationType[] = ['county_authority', 'state_administrator', 'regional_council'];

/** A user's role inside one organisation. */
export const membershipRoles = ['member', 'admin'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

export const languages = ['nb', 'nn', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nb';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export const limits = {
  passwordMin: 12,
  passwordMax: 200,
  nameMax: 120,
  emailMax: 254,
  organisationNameMax: 160,
  searchMax: 100,
  /** Saved finder searches per user: each one is run by the notification check. */
  savedSearchesPerUser: 20,
} as const;

// --- Municipalities ---

/** A municipality's official written standard (målform). */
export const languageForms = ['neutral', 'bokmal', 'nynorsk'] as const;
export type LanguageForm = (typeof languageForms)[number];

export const neighbourKinds = ['land', 'touching', 'sea'] as const;
export type NeighbourKind = (typeof neighbourKinds)[number];

export const populationBands = ['lt2000', '2000to4999', '5000to9999', '10000to49999', 'gte50000'] as const;
export type PopulationBand = (typeof populationBands)[number];

export const municipalitySorts = ['name', '-name', 'population', '-population', 'centrality', '-centrality', 'county', '-county', 'code'] as const;
export type MunicipalitySort = (typeof municipalitySorts)[number];

// --- The scheme catalogue ---

export const schemeThemes = [
  'health_care',
  'education_childhood',
  'climate_environment',
  'digitalisation',
  'community_business',
  'planning',
  'civil_protection',
  'housing',
  'culture',
  'other',
] as const;
export type SchemeTheme = (typeof schemeThemes)[number];

/**
 * Kinds of actor a scheme's rules speak of (wider than Varde's organisation types), as the sources
 * distinguish them: a municipal enterprise is Local Government Act chapter 9 (kommunalt foretak), an
 * inter-municipal company is IKS, a municipal limited company is an AS the municipality owns, a
 * regional council is an interkommunalt politisk råd. KS is named where a source names it.
 */
export const applicantTypes = [
  'municipality',
  'county_council',
  'municipal_enterprise',
  'inter_municipal_company',
  'municipal_limited_company',
  'regional_council',
  'state_agency',
  'company',
  'ngo',
  'rd_organisation',
  'health_trust',
  'ks',
] as const;
export type ApplicantType = (typeof applicantTypes)[number];

/**
 * Applicant type names of the first scheme model, and what each became. `municipal_company` was
 * ambiguous (enterprise, IKS or AS): it maps to the municipal limited company, and the catalogue
 * names the precise types where the sources do. A query with an old value answers 400 listing the
 * new options.
 */
export const retiredApplicantTypes: Readonly<Record<string, ApplicantType>> = {
  county_authority: 'county_council',
  municipal_company: 'municipal_limited_company',
  business: 'company',
};

export function isApplicantType(value: unknown): value is ApplicantType {
  return typeof value === 'string' && (applicantTypes as readonly string[]).includes(value);
}

/** How sure the catalogue is of a group of facts: verified on the cited page, partly, or not. */
export const certainties = ['verified', 'partial', 'uncertain'] as const;
export type Certainty = (typeof certainties)[number];

export const collaborationModes = ['required', 'rewarded', 'neutral'] as const;
export type CollaborationMode = (typeof collaborationModes)[number];

export const callStatuses = ['forecast', 'open', 'closed'] as const;
export type CallStatus = (typeof callStatuses)[number];

export const cadences = ['yearly', 'several_per_year', 'rolling', 'irregular'] as const;
export type Cadence = (typeof cadences)[number];

/** A scheme's life: active; paused (no calls for now, may return); ended (with an end date, maybe a successor). */
export const lifecycleStatuses = ['active', 'paused', 'ended'] as const;
export type LifecycleStatus = (typeof lifecycleStatuses)[number];

/**
 * How sure a forecast is: high (3 or more past calls on the same date ± 7 days), medium (2), low (1,
 * or the owner moved the date). `old` is reported beside it when the newest basis is over two years old.
 */
export const forecastCertainties = ['high', 'medium', 'low'] as const;
export type ForecastCertainty = (typeof forecastCertainties)[number];

/**
 * Conditions a municipality can fulfil and confirm (the register facts — county, centrality,
 * population — are evaluated, never confirmed). The structured rules of a scheme produce conditions
 * with fixed ids: `partner:<applicantType>`, `municipalities`, `collaboration`, `political_anchoring`,
 * `own_funding`; a scheme's `conditions` list adds `membership` and `other` conditions with their own ids.
 */
export const conditionKinds = ['partner', 'municipalities', 'collaboration', 'political_anchoring', 'own_funding', 'membership', 'other'] as const;
export type ConditionKind = (typeof conditionKinds)[number];

/** One line of a verdict's checklist: ✓ met, ? to check, ✗ blocker. */
export const checkStates = ['met', 'to_check', 'blocker'] as const;
export type CheckState = (typeof checkStates)[number];

// --- Finder, eligibility, pipeline and alerts ---

/** Where a municipality stands with a scheme, in board order. */
export const pipelineStatuses = ['interested', 'preparing', 'applied', 'granted', 'rejected', 'not_relevant'] as const;
export type PipelineStatus = (typeof pipelineStatuses)[number];

export function isPipelineStatus(value: unknown): value is PipelineStatus {
  return typeof value === 'string' && (pipelineStatuses as readonly string[]).includes(value);
}

/**
 * The statuses a call that is not open yet (announced to open later, or expected from past rounds) can
 * have: nobody can have applied for it, been granted or been turned down yet.
 */
export const statusesBeforeOpening: readonly PipelineStatus[] = ['interested', 'preparing', 'not_relevant'];

/** The finder's role filter: schemes where the municipality can take this role. */
export const roleFilters = ['lead', 'partner'] as const;
export type RoleFilter = (typeof roleFilters)[number];

/**
 * small: grants up to 500 000 kr, medium: up to 5 000 000 kr, large: above; guidance: schemes without
 * money (guidance programmes, prizes), which otherwise rank after grants.
 */
export const fundingSizes = ['small', 'medium', 'large', 'guidance'] as const;
export type FundingSize = (typeof fundingSizes)[number];

/** The finder's collaboration filter (a subset of `collaborationModes`). */
export const collaborationFilters = ['required', 'rewarded'] as const satisfies readonly CollaborationMode[];
export type CollaborationFilter = (typeof collaborationFilters)[number];

/**
 * Which municipality a finder answer or scheme page is for: a municipality number, or `none` for no
 * municipality. Left out, a signed-in member of a municipality gets their own.
 */
export const NO_MUNICIPALITY = 'none';
export type NoMunicipality = typeof NO_MUNICIPALITY;

export const verdicts = ['eligible', 'eligible_with_conditions', 'not_eligible'] as const;
export type Verdict = (typeof verdicts)[number];

export const reasonKinds = ['blocker', 'condition', 'advantage', 'info'] as const;
export type ReasonKind = (typeof reasonKinds)[number];

/** The role a verdict is for. */
export const eligibilityRoles = ['lead', 'partner'] as const;
export type EligibilityRole = (typeof eligibilityRoles)[number];

/**
 * `fact_report`: someone reported a fact of a scheme I maintain (or, as a platform admin, any scheme);
 * `fact_report_closed`: a report I made was resolved or rejected.
 */
export const notificationKinds = ['scheme_new', 'scheme_changed', 'deadline_soon', 'scheme_ended', 'fact_report', 'fact_report_closed'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

// --- Provenance: checks in Varde and reports of wrong facts ---

/**
 * The groups of a scheme's facts as its page shows them: each is checked against the sources in Varde,
 * and reported as wrong, on its own. `rounds` exists only for a scheme with regional rounds.
 */
export const factGroups = ['applicants', 'funding', 'criteria', 'requiredParts', 'reporting', 'cadence', 'calls', 'lifecycle', 'rounds'] as const;
export type FactGroup = (typeof factGroups)[number];

export function isFactGroup(value: unknown): value is FactGroup {
  return typeof value === 'string' && (factGroups as readonly string[]).includes(value);
}

/** The fact groups a scheme has: all of them, `rounds` only when it has regional rounds. */
export function schemeFactGroups(scheme: { rounds: readonly unknown[] }): FactGroup[] {
  return factGroups.filter((group) => group !== 'rounds' || scheme.rounds.length > 0);
}

/** A report of a wrong or outdated fact: open until the scheme's owner resolves (fixed) or rejects it. */
export const factReportStatuses = ['open', 'resolved', 'rejected'] as const;
export type FactReportStatus = (typeof factReportStatuses)[number];

/** How an owner closes a report. */
export const factReportOutcomes = ['resolved', 'rejected'] as const;
export type FactReportOutcome = (typeof factReportOutcomes)[number];

/** A fact group not checked in Varde for this many months is flagged on the scheme's page. */
export const CHECK_STALE_MONTHS = 12;

export const factReportLimits = {
  /** Open reports one user may have at a time. */
  openPerUser: 10,
  textMax: 2000,
  urlMax: 2000,
  commentMax: 2000,
} as const;

// --- E-mail ---

/** What a queued e-mail is: an invitation, a password reset link, a notification digest or a deadline reminder. */
export const mailKinds = ['invitation', 'password_reset', 'digest', 'reminder', 'solution_published', 'solution_question'] as const;
export type MailKind = (typeof mailKinds)[number];

/** Where a queued e-mail is: waiting (or waiting to be retried), being sent, sent, given up, or expired unsent (its link no longer works). */
export const mailStates = ['queued', 'sending', 'sent', 'failed', 'expired'] as const;
export type MailState = (typeof mailStates)[number];

/** How often a user gets their unread notifications by e-mail. */
export const digestFrequencies = ['immediately', 'daily', 'weekly', 'never'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/** Days before an announced deadline of a pipeline item when a reminder is sent. */
export const reminderDays = [14, 7, 2] as const;

/**
 * Disclosures whose open or closed state the browser keeps in a cookie for a year, so the server
 * paints them as the visitor left them: the finder's filters on a phone. The server passes only these
 * names with these values on to the page (and keys the render cache by them); anything else is ignored.
 */
export const viewCookies = { finderFilters: 'varde_finder_filters' } as const;
export const disclosureStates = ['open', 'closed'] as const;
export type DisclosureState = (typeof disclosureStates)[number];
