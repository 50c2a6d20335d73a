/**
 * What the scheme finder answers: finder results with explained verdicts, a scheme's page and
 * eligibility. Finder cards carry strings in the request's language; a scheme's page carries the
 * whole document (all three languages) so editors and open-data users get every fact.
 */
import { Type, type Static } from 'typebox';
import { CallSummary, CallView, SchemeId } from './catalogue-api';
import { PipelineStatusSchema } from './pipeline-api';
import { ApplicantTypeSchema, Scheme, SchemeThemeSchema } from './schemes';
import { literalUnion, Nullable } from './typebox-helpers';
import { collaborationFilters, collaborationModes, eligibilityRoles, fundingSizes, reasonKinds, roleFilters, verdicts } from './vocabulary';

/** A municipality number, or `none` for no municipality (see `NO_MUNICIPALITY`). */
export const MunicipalityChoice = Type.String({ pattern: '^([0-9]{4}|none)$' });

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
  /** small: grants up to 500 000 kr, medium: up to 5 000 000 kr, large: above. */
  funding: Type.Optional(literalUnion(fundingSizes)),
  collaboration: Type.Optional(literalUnion(collaborationFilters)),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
});
export type SchemeQuery = Static<typeof SchemeQuery>;

/** One reason behind a verdict: a code (with its parameters) and the sentence in the request's language. */
export const EligibilityReason = Type.Object({
  code: Type.String(),
  kind: literalUnion(reasonKinds),
  message: Type.String(),
});
export type EligibilityReason = Static<typeof EligibilityReason>;

export const Eligibility = Type.Object({
  verdict: literalUnion(verdicts),
  role: literalUnion(eligibilityRoles),
  reasons: Type.Array(EligibilityReason),
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
  ownerName: Type.String(),
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
  /** Owners to filter on, sorted by name. */
  owners: Type.Array(Type.String()),
});
export type SchemeList = Static<typeof SchemeList>;

export const SchemeDetail = Type.Object({
  scheme: Scheme,
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  /** The newest `checkedAt` among the scheme's sources. */
  lastCheckedAt: Type.String({ format: 'date' }),
  ownerOrganisation: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  /** Real calls and the forecast of the next one, newest deadline first. */
  calls: Type.Array(CallView),
  municipality: Nullable(EligibilityMunicipality),
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
