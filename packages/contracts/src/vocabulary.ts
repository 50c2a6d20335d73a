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

/** Kinds of actor a scheme's rules speak of (wider than Varde's organisation types). */
export const applicantTypes = [
  'municipality',
  'county_authority',
  'state_agency',
  'regional_council',
  'municipal_company',
  'rd_organisation',
  'business',
  'ngo',
  'health_trust',
  'ks',
] as const;
export type ApplicantType = (typeof applicantTypes)[number];

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

// --- Finder, eligibility, pipeline and alerts ---

/** Where a municipality stands with a scheme, in board order. */
export const pipelineStatuses = ['interested', 'preparing', 'applied', 'granted', 'rejected', 'not_relevant'] as const;
export type PipelineStatus = (typeof pipelineStatuses)[number];

export function isPipelineStatus(value: unknown): value is PipelineStatus {
  return typeof value === 'string' && (pipelineStatuses as readonly string[]).includes(value);
}

/** The finder's role filter: schemes where the municipality can take this role. */
export const roleFilters = ['lead', 'partner'] as const;
export type RoleFilter = (typeof roleFilters)[number];

/** small: grants up to 500 000 kr, medium: up to 5 000 000 kr, large: above. */
export const fundingSizes = ['small', 'medium', 'large'] as const;
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

export const notificationKinds = ['scheme_new', 'scheme_changed', 'deadline_soon'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

// --- E-mail ---

/** What a queued e-mail is: an invitation, a password reset link, a notification digest or a deadline reminder. */
export const mailKinds = ['invitation', 'password_reset', 'digest', 'reminder'] as const;
export type MailKind = (typeof mailKinds)[number];

/** Where a queued e-mail is: waiting (or waiting to be retried), being sent, sent, given up, or expired unsent (its link no longer works). */
export const mailStates = ['queued', 'sending', 'sent', 'failed', 'expired'] as const;
export type MailState = (typeof mailStates)[number];

/** How often a user gets their unread notifications by e-mail. */
export const digestFrequencies = ['immediately', 'daily', 'weekly', 'never'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/** Days before an announced deadline of a pipeline item when a reminder is sent. */
export const reminderDays = [14, 7, 2] as const;
