/**
 * The scheme catalogue's answers: calls (real and forecast) and deadlines, editing with versions and
 * the history, and the schemes an organisation maintains.
 */
import { Type, type Static } from 'typebox';
import { Deadline, LocalizedText, Scheme, SchemeCall } from './schemes';
import { literalUnion, Nullable } from './typebox-helpers';
import { callStatuses, forecastCertainties } from './vocabulary';

export const SchemeId = Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 80 });

/** A municipality number, or `none` for no municipality (see `NO_MUNICIPALITY`). */
export const MunicipalityChoice = Type.String({ pattern: '^([0-9]{4}|none)$' });

/** What a forecast rests on: the past calls it was worked out from, and how sure it is. */
export const ForecastBasis = Type.Object({
  /** Ids of the past calls (same scheme and round) the date was taken from, newest first. */
  callIds: Type.Array(Type.String()),
  /** True when those calls' dates differ by more than 7 days: the owner moved the date. */
  ownerMoved: Type.Boolean(),
  certainty: literalUnion(forecastCertainties),
  /** True when the newest basis call is more than two years old. */
  old: Type.Boolean(),
});
export type ForecastBasis = Static<typeof ForecastBasis>;

export const CallView = Type.Object({
  ...SchemeCall.properties,
  status: literalUnion(callStatuses),
  /** True for a call predicted from the scheme's past cadence, not announced by its owner. */
  predicted: Type.Boolean(),
  /** For a predicted call: its basis and certainty; null for real calls. */
  forecast: Nullable(ForecastBasis),
  /** The region of the call's round (null for a national call). */
  region: Nullable(LocalizedText),
  /**
   * Stable across a forecast and the real call that later replaces it (same scheme, round and
   * deadline year): the iCalendar UID.
   */
  uid: Type.String(),
});
export type CallView = Static<typeof CallView>;

/** A call on a finder card or deadline list, in the request's language. */
export const CallSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  opensOn: Nullable(Type.String({ format: 'date' })),
  deadline: Nullable(Deadline),
  status: literalUnion(callStatuses),
  predicted: Type.Boolean(),
  forecast: Nullable(ForecastBasis),
  /** The round's region in the request's language; null for a national call. */
  region: Nullable(Type.String()),
});
export type CallSummary = Static<typeof CallSummary>;

/** One upcoming (or forecast) deadline, for the deadline list and calendar. */
export const DeadlineItem = Type.Object({
  schemeId: SchemeId,
  schemeName: Type.String(),
  /** The owner of the call's round, else the scheme's, in the request's language. */
  ownerName: Type.String(),
  call: CallSummary,
  /** True (else absent) when the list is for a municipality that cannot take part in the scheme, listed because all were asked for. */
  notForMunicipality: Type.Optional(Type.Boolean()),
});
export type DeadlineItem = Static<typeof DeadlineItem>;

/** The municipality a deadline list is for. */
export const DeadlineMunicipality = Type.Object({
  code: Type.String(),
  name: Type.String(),
  countyCode: Type.String(),
  countyName: Type.String(),
});

export const DeadlineList = Type.Object({
  items: Type.Array(DeadlineItem),
  /** The municipality the list is for (national calls and its county's rounds only); null: every call. */
  municipality: Nullable(DeadlineMunicipality),
  /**
   * County-run schemes (not ended) with no known round for the municipality's county, by name in the
   * request's language: "no known round for {county}", not a deadline. Empty without a municipality.
   */
  noKnownRound: Type.Array(Type.Object({ schemeId: SchemeId, schemeName: Type.String() })),
  /**
   * Active schemes open all year (applications at any time, no deadline), by name in the request's
   * language, under the same filter as `items`.
   */
  openAllYear: Type.Array(
    Type.Object({ schemeId: SchemeId, schemeName: Type.String(), ownerName: Type.String(), notForMunicipality: Type.Optional(Type.Boolean()) }),
  ),
});
export type DeadlineList = Static<typeof DeadlineList>;

export const DeadlineQuery = Type.Object({
  /** Days ahead (default 365). */
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  includeForecasts: Type.Optional(Type.Boolean()),
  /**
   * Only the national calls and the calls of this municipality's county's round, of schemes it can take
   * part in by the registers. A signed-in member of a municipality gets their own unless `none` is
   * given (every call).
   */
  municipality: Type.Optional(MunicipalityChoice),
  /** With a municipality: list the schemes it cannot take part in by the registers as well (marked `notForMunicipality`). */
  includeIneligible: Type.Optional(Type.Boolean()),
});
export type DeadlineQuery = Static<typeof DeadlineQuery>;

/**
 * The public calendar's filter, as the deadline page's: a municipality's national calls and its
 * county's round, schemes it cannot take part in only on request, forecasts unless left out. No
 * municipality: every call (a calendar program sends no session, so there is no "own" default).
 */
export const CalendarQuery = Type.Object({
  municipality: Type.Optional(MunicipalityChoice),
  includeForecasts: Type.Optional(Type.Boolean()),
  includeIneligible: Type.Optional(Type.Boolean()),
});
export type CalendarQuery = Static<typeof CalendarQuery>;

export const SchemeEdit = Type.Object({
  scheme: Scheme,
  /** The version the editor started from; a newer saved version answers 409. */
  baseVersion: Type.Integer({ minimum: 1 }),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});
export type SchemeEdit = Static<typeof SchemeEdit>;

export const SchemeOwnerChange = Type.Object({ organisationId: Nullable(Type.String({ format: 'uuid' })) });

/**
 * What one part of a scheme changed into, as codes and short values rendered in the reader's language
 * (never stored free text). `from`/`to`: the old and new value (absent for a long text in stored
 * notifications; null: not stated); `subject`: the call, round, condition or source it is about;
 * `field`: for `field`, the part of the scheme (a top-level key).
 */
export const schemeChangeCodes = [
  'name',
  'summary',
  'purpose',
  'owner',
  'url',
  'lifecycle_status',
  'ended_on',
  'theme_added',
  'theme_removed',
  'lead_type_added',
  'lead_type_removed',
  'partner_type_added',
  'partner_type_removed',
  'condition_added',
  'condition_removed',
  'condition_changed',
  'min_grant',
  'max_grant',
  'max_grant_share',
  'min_own_share',
  'funding_description',
  'cadence',
  'call_added',
  'call_removed',
  'call_deadline',
  'call_opens',
  'call_budget',
  'call_changed',
  'round_added',
  'round_removed',
  'round_changed',
  'source_added',
  'source_removed',
  'source_changed',
  'field',
] as const;
export type SchemeChangeCode = (typeof schemeChangeCodes)[number];
export const SchemeChangeValue = Type.Union([Type.Null(), Type.String({ maxLength: 4000 }), Type.Number(), LocalizedText, Deadline]);
export type SchemeChangeValue = Static<typeof SchemeChangeValue>;
export const SchemeChange = Type.Object({
  code: literalUnion(schemeChangeCodes),
  subject: Type.Optional(LocalizedText),
  field: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(SchemeChangeValue),
  to: Type.Optional(SchemeChangeValue),
});
export type SchemeChange = Static<typeof SchemeChange>;

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
  /** What changed since the previous version, field by field (`schemeChanges` in the domain); empty for the first. */
  changes: Type.Array(SchemeChange),
});
export type SchemeVersion = Static<typeof SchemeVersion>;
export const SchemeVersionList = Type.Object({ items: Type.Array(SchemeVersion) });

/** The schemes an organisation maintains. */
export const OwnedSchemeList = Type.Object({
  items: Type.Array(Type.Object({ id: SchemeId, name: Type.String(), version: Type.Integer(), updatedAt: Type.String() })),
});
export type OwnedSchemeList = Static<typeof OwnedSchemeList>;
