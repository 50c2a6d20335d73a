/**
 * What the scheme API answers: finder results with explained verdicts, a scheme's page, eligibility,
 * the pipeline, the needs profile, saved searches, notifications and the change history.
 *
 * Finder cards carry strings in the request's language; a scheme's page carries the whole document
 * (all three languages) so editors and open-data users get every fact.
 */
import { Type, type Static } from 'typebox';
import { PipelineStatusSchema, SchemeQuery } from './pipeline';
import { ApplicantTypeSchema, callStatuses, collaborationModes, Scheme, SchemeCall, SchemeThemeSchema } from './schemes';

const literalUnion = <T extends readonly [string, ...string[]]>(values: T) => Type.Enum<[...T]>([...values] as [...T]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const SchemeId = Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 80 });

export const verdicts = ['eligible', 'eligible_with_conditions', 'not_eligible'] as const;
export const reasonKinds = ['blocker', 'condition', 'advantage', 'info'] as const;
export const eligibilityRoles = ['lead', 'partner'] as const;

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

export const CallView = Type.Object({
  ...SchemeCall.properties,
  status: literalUnion(callStatuses),
  /** True for a call predicted from the scheme's past cadence, not announced by its owner. */
  predicted: Type.Boolean(),
});
export type CallView = Static<typeof CallView>;

/** A call on a finder card, in the request's language. */
export const CallSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  opensAt: Nullable(Type.String()),
  deadline: Type.String(),
  status: literalUnion(callStatuses),
  predicted: Type.Boolean(),
});
export type CallSummary = Static<typeof CallSummary>;

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

/** One upcoming (or forecast) deadline, for the deadline list and calendar. */
export const DeadlineItem = Type.Object({
  schemeId: SchemeId,
  schemeName: Type.String(),
  ownerName: Type.String(),
  call: CallSummary,
});
export type DeadlineItem = Static<typeof DeadlineItem>;

export const DeadlineList = Type.Object({ items: Type.Array(DeadlineItem) });
export type DeadlineList = Static<typeof DeadlineList>;

export const DeadlineQuery = Type.Object({
  /** Days ahead (default 365). */
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  includeForecasts: Type.Optional(Type.Boolean()),
});

export const SchemeEdit = Type.Object({
  scheme: Scheme,
  /** The version the editor started from; a newer saved version answers 409. */
  baseVersion: Type.Integer({ minimum: 1 }),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});
export type SchemeEdit = Static<typeof SchemeEdit>;

export const SchemeOwnerChange = Type.Object({ organisationId: Nullable(Type.String({ format: 'uuid' })) });

export const SchemeVersion = Type.Object({
  version: Type.Integer(),
  changedAt: Type.String({ format: 'date-time' }),
  /**
   * Who saved the version in Varde; null for versions that came from the published catalogue. The
   * history is public (the catalogue is open data), but `name` is given to signed-in callers only:
   * null for everyone else.
   */
  changedBy: Nullable(Type.Object({ name: Nullable(Type.String()) })),
  comment: Nullable(Type.String()),
  /** Top-level fields that differ from the previous version (`calls`, `funding` …). */
  changedFields: Type.Array(Type.String()),
});
export type SchemeVersion = Static<typeof SchemeVersion>;
export const SchemeVersionList = Type.Object({ items: Type.Array(SchemeVersion) });

export const PipelineItem = Type.Object({
  id: Type.String(),
  schemeId: SchemeId,
  schemeName: Type.String(),
  /** Empty for the scheme as a whole. */
  callId: Type.String(),
  callTitle: Nullable(Type.String()),
  deadline: Nullable(Type.String()),
  status: PipelineStatusSchema,
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  notes: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Nullable(Type.Object({ name: Type.String() })),
});
export type PipelineItem = Static<typeof PipelineItem>;
export const PipelineList = Type.Object({ items: Type.Array(PipelineItem) });
export type PipelineList = Static<typeof PipelineList>;

export const PipelineUpsert = Type.Object({
  schemeId: SchemeId,
  callId: Type.Optional(Type.String({ maxLength: 80 })),
  status: PipelineStatusSchema,
  assigneeUserId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  notes: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type PipelineUpsert = Static<typeof PipelineUpsert>;

export const NeedsProfile = Type.Object({
  themes: Type.Array(SchemeThemeSchema),
  description: Type.String(),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
  /** What the registers say, for municipality organisations. */
  register: Nullable(
    Type.Object({
      ...EligibilityMunicipality.properties,
      neighbours: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() })),
    }),
  ),
});
export type NeedsProfile = Static<typeof NeedsProfile>;
export const NeedsUpdate = Type.Object({
  themes: Type.Array(SchemeThemeSchema, { maxItems: 10 }),
  description: Type.String({ maxLength: 4000 }),
});
export type NeedsUpdate = Static<typeof NeedsUpdate>;

/** The signed-in member's own calendar feed address for the organisation: whether there is one. */
export const CalendarFeedState = Type.Object({
  exists: Type.Boolean(),
  createdAt: Nullable(Type.String({ format: 'date-time' })),
});
/** The member's secret feed address, shown once when created or rotated. */
export const CalendarFeedCreated = Type.Object({ url: Type.String(), createdAt: Type.String({ format: 'date-time' }) });

export const SavedSearch = Type.Object({
  id: Type.String(),
  name: Type.String(),
  query: SchemeQuery,
  organisationId: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SavedSearch = Static<typeof SavedSearch>;
export const SavedSearchList = Type.Object({ items: Type.Array(SavedSearch) });
export const SavedSearchCreate = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  query: SchemeQuery,
});
export type SavedSearchCreate = Static<typeof SavedSearchCreate>;

export const notificationKinds = ['scheme_new', 'scheme_changed', 'deadline_soon'] as const;
export const Notification = Type.Object({
  id: Type.String(),
  kind: literalUnion(notificationKinds),
  schemeId: SchemeId,
  schemeName: Type.String(),
  /** The saved search that matched. */
  searchName: Type.String(),
  /** For `deadline_soon`. */
  deadline: Nullable(Type.String()),
  message: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});
export type Notification = Static<typeof Notification>;
export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;
/**
 * The stored unread notifications only (for the header): reading it never runs the saved searches.
 * `checkDue` says that the catalogue or the Oslo day changed since the user's searches last ran, so
 * reading the notifications list would look for news (at most once per change and day).
 */
export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }), checkDue: Type.Boolean() });
export type UnreadCount = Static<typeof UnreadCount>;
