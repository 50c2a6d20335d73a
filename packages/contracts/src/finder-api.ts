/**
 * What the scheme finder answers: finder results with explained verdicts, a scheme's page and
 * eligibility. Finder cards carry strings in the request's language; a scheme's page carries the
 * whole document (all three languages) so editors and open-data users get every fact.
 */
import { Type, type Static } from 'typebox';
import { CallSummary, CallView, MunicipalityChoice, SchemeId } from './catalogue-api';
import { PipelineStatusSchema } from './pipeline-api';
import { FactGroupState } from './provenance-api';
import { ApplicantTypeSchema, Scheme, SchemeRound, SchemeThemeSchema } from './schemes';
import { literalUnion, Nullable } from './typebox-helpers';
import {
  checkStates,
  collaborationFilters,
  collaborationModes,
  conditionKinds,
  eligibilityRoles,
  fundingSizes,
  lifecycleStatuses,
  reasonKinds,
  roleFilters,
  verdicts,
} from './vocabulary';

/** A municipality number, or `none` for no municipality (see `NO_MUNICIPALITY`); defined beside the deadline list. */
export { MunicipalityChoice };

/** Query of the scheme finder; also what a saved search stores. All parameters are optional. */
export const SchemeQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  /** The municipality the results are ranked and explained for (see `MunicipalityChoice`). */
  municipality: Type.Optional(MunicipalityChoice),
  theme: Type.Optional(Type.Array(SchemeThemeSchema, { maxItems: 10 })),
  /** Only schemes where the municipality can take this role. */
  role: Type.Optional(literalUnion(roleFilters)),
  openNow: Type.Optional(Type.Boolean()),
  /** Only schemes with a deadline (open or forecast) within this many days. */
  deadlineWithin: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  /** small: grants up to 500 000 kr, medium: up to 5 000 000 kr, large: above; guidance: schemes without money. */
  funding: Type.Optional(literalUnion(fundingSizes)),
  collaboration: Type.Optional(literalUnion(collaborationFilters)),
  /** An owner's id (`SchemeOwner.id`); matches the scheme's owner or any of its rounds' owners. */
  owner: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 80 })),
  /**
   * Lifecycle: left out, active and paused schemes are listed, and ended ones only when the search
   * text names them; `ended` lists the ended ones.
   */
  status: Type.Optional(literalUnion(lifecycleStatuses)),
});
export type SchemeQuery = Static<typeof SchemeQuery>;

/** One reason behind a verdict: a code (with its parameters) and the sentence in the request's language. */
export const EligibilityReason = Type.Object({
  code: Type.String(),
  kind: literalUnion(reasonKinds),
  message: Type.String(),
});
export type EligibilityReason = Static<typeof EligibilityReason>;

/** Who confirmed a condition and until when; private to the municipality's members. */
export const ConfirmationRef = Type.Object({
  id: Type.String({ format: 'uuid' }),
  confirmedAt: Type.String({ format: 'date-time' }),
  confirmedBy: Nullable(Type.Object({ name: Type.String() })),
  /** The call the confirmation was made for; it expires with that call's deadline. */
  callId: Nullable(Type.String()),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ConfirmationRef = Static<typeof ConfirmationRef>;

/**
 * One line of the verdict's checklist, in the request's language: a register fact the engine
 * evaluated (`register`, never left open when met), or a condition the municipality can fulfil.
 */
export const CheckItem = Type.Object({
  /** The condition id (see `conditionKinds`) or `register:<fact>` (county, centrality, population, applicant_type). */
  conditionId: Type.String(),
  kind: Type.Union([literalUnion(conditionKinds), Type.Literal('register')]),
  state: literalUnion(checkStates),
  label: Type.String(),
  /** The stored confirmation a met condition rests on; null when met by register facts or planned partners. */
  confirmation: Nullable(ConfirmationRef),
  /** For a membership condition: the key confirmations are stored under (shared by every scheme asking for it). */
  membership: Nullable(Type.String()),
});
export type CheckItem = Static<typeof CheckItem>;

export const Eligibility = Type.Object({
  verdict: literalUnion(verdicts),
  role: literalUnion(eligibilityRoles),
  /** ✓ met, ? to check, ✗ blocker: register facts first, then conditions. */
  checklist: Type.Array(CheckItem),
  /** Rules nothing can settle: "check this yourself"; they never decide the verdict. */
  checkYourself: Type.Array(Type.String()),
  /** At least one; the first is the key reason. */
  reasons: Type.Array(EligibilityReason, { minItems: 1 }),
  /** The round whose rules were used (county-run schemes), else null. */
  roundId: Nullable(Type.String()),
});
export type Eligibility = Static<typeof Eligibility>;

/** The municipality a finder answer or a verdict is for, with what the registers say. */
export const EligibilityMunicipality = Type.Object({
  code: Type.String(),
  name: Type.String(),
  countyCode: Type.String(),
  countyName: Type.String(),
  population: Type.Integer(),
  centralityClass: Type.Integer(),
});
export type EligibilityMunicipality = Static<typeof EligibilityMunicipality>;

export const SchemeCard = Type.Object({
  id: SchemeId,
  name: Type.String(),
  summary: Type.String(),
  ownerId: Type.String(),
  /** The owner's name in the request's language (the municipality's round owner when it has one). */
  ownerName: Type.String(),
  lifecycle: literalUnion(lifecycleStatuses),
  themes: Type.Array(SchemeThemeSchema),
  collaboration: literalUnion(collaborationModes),
  isGrant: Type.Boolean(),
  minGrantNok: Nullable(Type.Integer()),
  maxGrantNok: Nullable(Type.Integer()),
  /** The open call, else the next forecast or announced one, else the latest closed one. */
  nextCall: Nullable(CallSummary),
  /** Null when no municipality was chosen. */
  eligibility: Nullable(Eligibility),
  /** The signed-in member's municipality's pipeline status for the scheme, when it has one. */
  pipelineStatus: Nullable(PipelineStatusSchema),
  /** Themes shared with the municipality's needs profile. */
  matchedNeeds: Type.Array(SchemeThemeSchema),
  /** One line in the request's language: why the scheme is placed where it is. */
  rankReason: Type.String(),
});
export type SchemeCard = Static<typeof SchemeCard>;

export const SchemeListQuery = Type.Object({
  ...SchemeQuery.properties,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type SchemeListQuery = Static<typeof SchemeListQuery>;

export const SchemeList = Type.Object({
  municipality: Nullable(EligibilityMunicipality),
  total: Type.Integer(),
  /** Schemes the municipality marked "not relevant", left out of the results. */
  hiddenAsNotRelevant: Type.Integer(),
  items: Type.Array(SchemeCard),
  /** Owners to filter on (schemes' and rounds'), names in the request's language, sorted by name. */
  owners: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type SchemeList = Static<typeof SchemeList>;

export const SchemeDetail = Type.Object({
  scheme: Scheme,
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  /**
   * The Oslo day of the newest check of the scheme's facts recorded in Varde (by its owner organisation
   * or a platform admin); null when its facts have never been checked in Varde.
   */
  lastCheckedAt: Nullable(Type.String({ format: 'date' })),
  /** Each fact group the scheme has: its newest check in Varde, and whether a report of it is open. */
  facts: Type.Array(FactGroupState),
  /** Calls with an open report (their group, `calls`, is `reported` too). */
  reportedCallIds: Type.Array(Type.String()),
  /** The successor of an ended scheme, when it is in the catalogue. */
  successor: Nullable(Type.Object({ id: SchemeId, name: Type.String() })),
  ownerOrganisation: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  /** Real calls and the forecast of the next one, newest deadline first. */
  calls: Type.Array(CallView),
  municipality: Nullable(EligibilityMunicipality),
  /**
   * With a municipality and a county-run scheme: the round of its county, or null with
   * `roundUnknown` true ("no known round for {county}": unknown, not a blocker).
   */
  round: Nullable(SchemeRound),
  roundUnknown: Type.Boolean(),
  /** Verdicts for both roles when a municipality was chosen. */
  eligibility: Nullable(Type.Object({ lead: Eligibility, partner: Eligibility })),
  pipelineStatus: Nullable(PipelineStatusSchema),
});
export type SchemeDetail = Static<typeof SchemeDetail>;

export const EligibilityQuery = Type.Object({
  municipality: Type.String({ pattern: '^[0-9]{4}$' }),
  role: Type.Optional(literalUnion(eligibilityRoles)),
  /** Planned partner types, e.g. `rd_organisation,municipality`. */
  partners: Type.Optional(Type.Array(ApplicantTypeSchema, { maxItems: 20 })),
});
export type EligibilityQuery = Static<typeof EligibilityQuery>;

export const EligibilityAnswer = Type.Object({
  schemeId: SchemeId,
  municipality: EligibilityMunicipality,
  eligibility: Eligibility,
});
export type EligibilityAnswer = Static<typeof EligibilityAnswer>;
