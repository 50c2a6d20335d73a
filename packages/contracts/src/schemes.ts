/**
 * The scheme catalogue (ordninger): facts about national and regional innovation schemes, with the
 * applicant rules as data so the eligibility engine can explain each verdict.
 */
import { Type, type Static } from 'typebox';
import { literalUnion } from './typebox-helpers';
import { applicantTypes, cadences, certainties, collaborationModes, lifecycleStatuses, schemeThemes } from './vocabulary';

export {
  applicantTypes,
  cadences,
  callStatuses,
  certainties,
  checkStates,
  collaborationModes,
  conditionKinds,
  forecastCertainties,
  lifecycleStatuses,
  retiredApplicantTypes,
  schemeThemes,
  type ApplicantType,
  type Cadence,
  type CallStatus,
  type Certainty,
  type CheckState,
  type CollaborationMode,
  type ConditionKind,
  type ForecastCertainty,
  type LifecycleStatus,
  type SchemeTheme,
} from './vocabulary';

export const LocalizedText = Type.Object({ nb: Type.String(), nn: Type.String(), en: Type.String() });
export type LocalizedText = Static<typeof LocalizedText>;

export const SchemeThemeSchema = literalUnion(schemeThemes);

export const ApplicantTypeSchema = literalUnion(applicantTypes);

export const CertaintySchema = literalUnion(certainties);

const Evidence = {
  /** Ids of entries in the scheme's `sources`. */
  sourceIds: Type.Array(Type.String(), { minItems: 1 }),
  certainty: CertaintySchema,
  /** What is uncertain or varies by year/region, in plain words. */
  note: Type.Optional(LocalizedText),
};

export const SchemeSource = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  url: Type.String({ format: 'uri' }),
  title: Type.String(),
  /**
   * The day someone read the page for this catalogue and found it says what the catalogue says; null
   * when nobody has recorded a check (never a default date).
   */
  checkedAt: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});
export type SchemeSource = Static<typeof SchemeSource>;

/** A slug naming a thing inside the catalogue (scheme, owner, round, call, condition, source). */
const Slug = Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 80 });
const CountyCode = Type.String({ pattern: '^[0-9]{2}$' });
const IsoDate = Type.String({ format: 'date' });

/**
 * Who runs a scheme or a round: a stable id shared by every document that names the same owner (the
 * finder's owner filter and saved searches use it), the name in each language and the home page.
 */
export const SchemeOwner = Type.Object({
  id: Slug,
  name: LocalizedText,
  url: Type.Union([Type.String({ format: 'uri' }), Type.Null()]),
});
export type SchemeOwner = Static<typeof SchemeOwner>;

/**
 * A condition a municipality can fulfil and confirm, beyond the structured rules (which produce their
 * own: see `conditionKinds`). `membership` conditions (e.g. DigiFin membership) are confirmed once per
 * municipality under `membership`, the key shared by every scheme that asks for it; `other` conditions
 * are confirmed per municipality and scheme.
 */
export const SchemeCondition = Type.Object({
  id: Slug,
  kind: Type.Union([Type.Literal('membership'), Type.Literal('other')]),
  /** For `membership`: the key of what one is a member of (e.g. `digifin`); null otherwise. */
  membership: Type.Union([Slug, Type.Null()]),
  text: LocalizedText,
});
export type SchemeCondition = Static<typeof SchemeCondition>;

export const ApplicantRules = Type.Object({
  /** Who may apply and own the project. */
  leadTypes: Type.Array(ApplicantTypeSchema),
  /** Who may take part as a partner (not own the application). */
  partnerTypes: Type.Array(ApplicantTypeSchema),
  /** Minimum number of municipalities in one application, the lead included (1 = may apply alone). */
  minMunicipalities: Type.Integer({ minimum: 1 }),
  /** Partner types at least one of which must take part for each entry, e.g. ['rd_organisation']. */
  requiredPartnerTypes: Type.Array(ApplicantTypeSchema),
  /** Register fact: only applicants in these counties (2-digit codes); null = the whole country. Binds every municipality taking part. */
  counties: Type.Union([Type.Array(CountyCode), Type.Null()]),
  /** Register fact: only municipalities in these centrality classes (1–6); null = any. Binds the lead. */
  centralityClasses: Type.Union([Type.Array(Type.Integer({ minimum: 1, maximum: 6 })), Type.Null()]),
  /** Register fact (latest population); binds the lead. */
  maxPopulation: Type.Union([Type.Integer(), Type.Null()]),
  minPopulation: Type.Union([Type.Integer(), Type.Null()]),
  politicalAnchoringRequired: Type.Boolean(),
  collaboration: literalUnion(collaborationModes),
  /** Conditions a municipality can fulfil and confirm (membership, own effort …). */
  conditions: Type.Array(SchemeCondition),
  /** Rules no data or confirmation can settle: shown as "check this yourself", never deciding a verdict. */
  checkYourself: Type.Array(LocalizedText),
  ...Evidence,
});
export type ApplicantRules = Static<typeof ApplicantRules>;

export const Funding = Type.Object({
  /** False for guidance programmes and prizes that give no project grant. */
  isGrant: Type.Boolean(),
  minGrantNok: Type.Union([Type.Integer(), Type.Null()]),
  maxGrantNok: Type.Union([Type.Integer(), Type.Null()]),
  /** Largest share of approved costs the grant may cover (0–1). */
  maxGrantShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  /** Smallest own funding share required (0–1); when set, own funding is a condition to confirm. */
  minOwnShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  description: LocalizedText,
  ...Evidence,
});
export type Funding = Static<typeof Funding>;

export const Criterion = Type.Object({
  name: LocalizedText,
  description: LocalizedText,
  /** E.g. "1–7"; null when not published. */
  scale: Type.Union([Type.String(), Type.Null()]),
  /** Relative weight when published. */
  weight: Type.Union([Type.Number(), Type.Null()]),
});

/**
 * A deadline as the source states it: the day, and the time (Oslo wall clock, `HH:MM`) only when a
 * source states it, with that source. No default time is ever filled in: an unknown time is shown as
 * "time not stated" and the call counts as open to the end of that day.
 */
export const Deadline = Type.Object({
  date: IsoDate,
  time: Type.Union([Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), Type.Null()]),
  /** Id of the entry in `sources` that states the time; null exactly when `time` is null. */
  timeSourceId: Type.Union([Type.String(), Type.Null()]),
});
export type Deadline = Static<typeof Deadline>;

export const SchemeCall = Type.Object({
  id: Slug,
  title: LocalizedText,
  /** The round the call belongs to (a county-run scheme); null for a national call. */
  roundId: Type.Union([Slug, Type.Null()]),
  /** The day the call opens, when published. */
  opensOn: Type.Union([IsoDate, Type.Null()]),
  /** Null when the call has no published deadline. */
  deadline: Type.Union([Deadline, Type.Null()]),
  budgetNok: Type.Union([Type.Integer(), Type.Null()]),
  sourceIds: Type.Array(Type.String(), { minItems: 1 }),
});
export type SchemeCall = Static<typeof SchemeCall>;

/**
 * A regional round of a scheme run by different owners for different counties (prosjektskjønn: each
 * State Administrator with its own rules and dates). Rules and funding left null are the scheme's.
 */
export const SchemeRound = Type.Object({
  id: Slug,
  /** The region, e.g. "Vestland" or "Oslo og Viken". */
  name: LocalizedText,
  counties: Type.Array(CountyCode, { minItems: 1 }),
  owner: SchemeOwner,
  url: Type.Union([Type.String({ format: 'uri' }), Type.Null()]),
  applicants: Type.Union([ApplicantRules, Type.Null()]),
  funding: Type.Union([Funding, Type.Null()]),
  sourceIds: Type.Array(Type.String(), { minItems: 1 }),
});
export type SchemeRound = Static<typeof SchemeRound>;

/** Active, paused or ended; a paused or ended state cites its source. */
export const Lifecycle = Type.Object({
  status: literalUnion(lifecycleStatuses),
  /** For an ended scheme: the day it ended (last decision or closure), when a source states it. */
  endedOn: Type.Union([IsoDate, Type.Null()]),
  /** The scheme that replaced it, when there is one in the catalogue. */
  successorId: Type.Union([Slug, Type.Null()]),
  /** Empty only for an active scheme. */
  sourceIds: Type.Array(Type.String()),
  note: Type.Optional(LocalizedText),
});
export type Lifecycle = Static<typeof Lifecycle>;

export const Scheme = Type.Object({
  id: Slug,
  name: LocalizedText,
  summary: LocalizedText,
  purpose: LocalizedText,
  owner: SchemeOwner,
  lifecycle: Lifecycle,
  themes: Type.Array(SchemeThemeSchema, { minItems: 1 }),
  applicants: ApplicantRules,
  funding: Funding,
  criteria: Type.Object({ items: Type.Array(Criterion), ...Evidence }),
  requiredParts: Type.Object({ items: Type.Array(LocalizedText), ...Evidence }),
  reporting: Type.Object({ items: Type.Array(LocalizedText), ...Evidence }),
  cadence: Type.Object({ kind: literalUnion(cadences), ...Evidence }),
  /** Regional rounds; empty for a scheme run nationally by its owner. */
  rounds: Type.Array(SchemeRound),
  /** Past and announced calls with their real dates. Forecasts are computed, never stored. */
  calls: Type.Array(SchemeCall),
  url: Type.String({ format: 'uri' }),
  sources: Type.Array(SchemeSource, { minItems: 1 }),
});
export type Scheme = Static<typeof Scheme>;
