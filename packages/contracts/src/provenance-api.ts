/**
 * Provenance in Varde: checks of a scheme's facts against their sources, recorded per fact group by
 * the scheme's owner organisation or a platform administrator, and reports of facts that may be wrong
 * or outdated, made by signed-in users and resolved by the scheme's owners (ADR 005, addition "Checks
 * and reports").
 */
import { Type, type Static } from 'typebox';
import { SchemeId } from './catalogue-api';
import { literalUnion, Nullable } from './typebox-helpers';
import { factGroups, factReportLimits, factReportOutcomes, factReportStatuses } from './vocabulary';

export const FactGroupSchema = literalUnion(factGroups);

/** The newest check of one fact group of a scheme. */
export const SchemeCheck = Type.Object({
  group: FactGroupSchema,
  checkedAt: Type.String({ format: 'date-time' }),
  /**
   * Who checked it. The name is given to signed-in callers only (`{ name: null }` for others, like the
   * change history); null when the account no longer exists.
   */
  checkedBy: Nullable(Type.Object({ name: Nullable(Type.String()) })),
  /** The version of the scheme that was compared with its sources. */
  version: Type.Integer({ minimum: 1 }),
});
export type SchemeCheck = Static<typeof SchemeCheck>;

export const SchemeCheckList = Type.Object({
  /** The newest check of any group; null when the scheme's facts have never been checked in Varde. */
  lastCheckedAt: Nullable(Type.String({ format: 'date-time' })),
  /** The newest check of each group that has one, in the order of `factGroups`. */
  items: Type.Array(SchemeCheck),
});
export type SchemeCheckList = Static<typeof SchemeCheckList>;

export const SchemeCheckCreate = Type.Object({
  /** The groups compared with their sources today, at least one (`rounds` only for a scheme with rounds). */
  groups: Type.Array(FactGroupSchema, { maxItems: factGroups.length }),
});
export type SchemeCheckCreate = Static<typeof SchemeCheckCreate>;

export const FactReportStatusSchema = literalUnion(factReportStatuses);

export const FactReportCreate = Type.Object({
  group: FactGroupSchema,
  /** With `group` `calls`: the call that is wrong (one of the scheme's calls); left out for the group as a whole. */
  callId: Type.Optional(Nullable(Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 80 }))),
  /** What is wrong or outdated, in the reporter's words. */
  text: Type.String({ minLength: 1, maxLength: factReportLimits.textMax }),
  /** Where the right fact is stated: an `https:` or `http:` address. */
  sourceUrl: Type.Optional(Nullable(Type.String({ maxLength: factReportLimits.urlMax }))),
});
export type FactReportCreate = Static<typeof FactReportCreate>;

const PersonRef = Nullable(Type.Object({ name: Type.String() }));

/** A report as its reporter and the scheme's owners see it (never public: the page shows only that a group is reported). */
export const FactReport = Type.Object({
  id: Type.String({ format: 'uuid' }),
  schemeId: SchemeId,
  schemeName: Type.String(),
  group: FactGroupSchema,
  callId: Nullable(Type.String()),
  /** The call's title in the request's language; null for a group, or a call no longer in the scheme. */
  callTitle: Nullable(Type.String()),
  text: Type.String(),
  sourceUrl: Nullable(Type.String()),
  status: FactReportStatusSchema,
  reportedAt: Type.String({ format: 'date-time' }),
  /** Null when the reporter's account no longer exists. */
  reportedBy: PersonRef,
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
  resolvedBy: PersonRef,
  /** What the owner answered when closing the report. */
  comment: Nullable(Type.String()),
});
export type FactReport = Static<typeof FactReport>;

export const FactReportList = Type.Object({
  items: Type.Array(FactReport),
  /** All reports of this status the caller may handle (the list holds the newest 200). */
  total: Type.Integer({ minimum: 0 }),
});
export type FactReportList = Static<typeof FactReportList>;

export const FactReportQuery = Type.Object({
  /** `open` (the default): reports waiting for an answer; `closed`: resolved and rejected ones, newest first. */
  status: Type.Optional(literalUnion(['open', 'closed'] as const)),
});
export type FactReportQuery = Static<typeof FactReportQuery>;

export const FactReportResolve = Type.Object({
  /** `resolved`: the catalogue is right now (or was fixed); `rejected`: the facts stand. */
  outcome: literalUnion(factReportOutcomes),
  /** Required when rejecting; shown to the reporter. */
  comment: Type.Optional(Type.String({ maxLength: factReportLimits.commentMax })),
});
export type FactReportResolve = Static<typeof FactReportResolve>;

/** One fact group on a scheme's page: when it was last checked in Varde, and whether it is reported. */
export const FactGroupState = Type.Object({
  group: FactGroupSchema,
  /** The Oslo day of the group's newest check in Varde; null when never checked. */
  checkedOn: Nullable(Type.String({ format: 'date' })),
  /** True when the group has not been checked in Varde in the last 12 months (never counts). */
  stale: Type.Boolean(),
  /** True while a report of the group, or of one of its calls, is open. No reporter is named. */
  reported: Type.Boolean(),
});
export type FactGroupState = Static<typeof FactGroupState>;
