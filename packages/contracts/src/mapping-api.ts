/**
 * Participation mapping (issue 15): rates by scheme, centrality class, population band and county;
 * the gap for every municipality against its peers; the map's measures; the regional adviser's view
 * of the municipalities in their organisation's scope; open data.
 *
 * Counting (ADR 012, `packages/domain/src/participation-stats.ts`): a municipality "takes part" in a
 * scheme in a period when it has a record of it that is selected, granted or completed; each
 * municipality × scheme × year × project counts once (a participation); a recipient counts as lead.
 * A scheme's rate is over the municipalities its register rules admit (catalogue schemes) or over all
 * (schemes the catalogue lacks); the overall rate is over all municipalities in the filter (357
 * without one). The lists behind the records are incomplete: absence of a record is never absence of
 * participation, and every answer carries a `coverage` statement saying what the records cover.
 */
import { Type, type Static } from 'typebox';
import {
  callReasons,
  mappingBands,
  mappingLimits as L,
  mappingTables,
  openDataFormats,
  openDataSources,
  openDataTypes,
  peerBases,
  rateBases,
  roleShares,
  scopeKinds,
  sharedPipelineStates,
} from './mapping-vocabulary';
import { exampleFilters } from './participation-vocabulary';
import { literalUnion, Nullable } from './typebox-helpers';
import { organisationTypes } from './vocabulary';

export const MappingBandSchema = literalUnion(mappingBands);
export const PeerBasisSchema = literalUnion(peerBases);
export const RateBasisSchema = literalUnion(rateBases);
export const RoleShareSchema = literalUnion(roleShares);
export const SharedPipelineStateSchema = literalUnion(sharedPipelineStates);
export const CallReasonSchema = literalUnion(callReasons);
export const ScopeKindSchema = literalUnion(scopeKinds);
export const MappingTableSchema = literalUnion(mappingTables);
export const OpenDataFormatSchema = literalUnion(openDataFormats);

const Code = Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunenummer (2024), 4 digits' });
const County = Type.String({ pattern: '^[0-9]{2}$', description: 'Fylkesnummer (2024), 2 digits' });
const Year = Type.Integer({ minimum: L.yearMin, maximum: L.yearMax });
const CentralityClass = Type.Integer({ minimum: 1, maximum: 6 });
/** A share 0–1, or null when its base is 0 (nothing to divide by). */
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

// --- Filters ---

/**
 * The analytics filters, as a GET form sends them (repeat `class` and `band` for several values:
 * `?class=5&class=6`). Without `from`/`to` the period is every year the records cover.
 */
export const MappingQuery = Type.Object({
  from: Type.Optional(Year),
  to: Type.Optional(Year),
  class: Type.Optional(Type.Array(CentralityClass, { maxItems: 6, description: 'Centrality classes 1–6' })),
  band: Type.Optional(Type.Array(MappingBandSchema, { maxItems: mappingBands.length })),
  county: Type.Optional(County),
  /** `exclude` leaves example records out (they are there only when the server has EXAMPLE_DATA=on). */
  example: Type.Optional(literalUnion(exampleFilters)),
});
export type MappingQuery = Static<typeof MappingQuery>;

/** The filters as applied (the period resolved to years; lists sorted; empty lists = no filter). */
export const AppliedFilters = Type.Object({
  from: Nullable(Type.Integer()),
  to: Nullable(Type.Integer()),
  classes: Type.Array(Type.Integer()),
  bands: Type.Array(MappingBandSchema),
  county: Nullable(County),
  example: literalUnion(exampleFilters),
});
export type AppliedFilters = Static<typeof AppliedFilters>;

// --- What the records cover ---

export const SchemeRef = Type.Object({
  key: Type.String({ description: 'The catalogue id, or Varde’s key for a scheme the catalogue lacks' }),
  catalogueId: Nullable(Type.String({ description: 'Set when the catalogue has the scheme (its page is /ordninger/{id})' })),
  name: Type.String({ description: "The catalogue's name in the request's language, else the name as recorded" }),
});
export type SchemeRef = Static<typeof SchemeRef>;

/**
 * What a statistic rests on: shown under every table. The records are incomplete (`incomplete` is
 * always true): say that absence of a record is not absence of participation.
 */
export const Coverage = Type.Object({
  /** Records in the filter (all statuses). */
  records: Type.Integer(),
  /** Participations that count (selected, granted, completed; each municipality × scheme × year × project once). */
  participations: Type.Integer(),
  /** Municipalities in the filter (357 without one), the base of the overall rate. */
  municipalities: Type.Integer(),
  /** Municipalities in the filter with at least one counted participation. */
  municipalitiesWithRecords: Type.Integer(),
  /** The schemes that have records in the filter, by name. */
  schemes: Type.Array(Type.Object({ ...SchemeRef.properties, records: Type.Integer() })),
  /** The first and last decision year of the records in the filter (null: no records). */
  yearFrom: Nullable(Type.Integer()),
  yearTo: Nullable(Type.Integer()),
  /** Where the records come from: the web address's host (or the document's name), most records first, at most 12. */
  sources: Type.Array(Type.Object({ label: Type.String(), url: Nullable(Type.String()), records: Type.Integer() })),
  /** Sources beyond the 12 listed. */
  moreSources: Type.Integer(),
  /** Example records are part of this answer: say so visibly. */
  includesExamples: Type.Boolean(),
  /** The server shows example data at all (EXAMPLE_DATA=on). */
  exampleDataOn: Type.Boolean(),
  incomplete: Type.Literal(true),
});
export type Coverage = Static<typeof Coverage>;

// --- Rate tables ---

/** Municipalities and how many of them take part, for one group (a class, band or county) or overall. */
export const RateCell = Type.Object({
  /** The base: municipalities in the group (admitted by the scheme's rules, for a scheme's row). */
  municipalities: Type.Integer(),
  /** Of those, municipalities with at least one counted participation. */
  participants: Type.Integer(),
  rate: Rate,
});
export type RateCell = Static<typeof RateCell>;

/** One scheme: its rate over the municipalities its rules admit, and the same per centrality class. */
export const SchemeRateRow = Type.Object({
  scheme: SchemeRef,
  basis: RateBasisSchema,
  ...RateCell.properties,
  participations: Type.Integer(),
  /** Classes 1–6 in order (a class outside the filter has municipalities 0). */
  byClass: Type.Array(Type.Object({ centralityClass: CentralityClass, ...RateCell.properties })),
});
export type SchemeRateRow = Static<typeof SchemeRateRow>;

/** One group of a breakdown: `group` is the class ("1"–"6"), the band, or the county number. */
export const GroupRateRow = Type.Object({
  group: Type.String(),
  /** The county's name (county breakdown); null otherwise (classes and bands are translated in the web). */
  label: Nullable(Type.String()),
  ...RateCell.properties,
  participations: Type.Integer(),
  /** Mean number of distinct schemes per municipality of the group (0 when it has none). */
  meanSchemes: Type.Number(),
});
export type GroupRateRow = Static<typeof GroupRateRow>;

/** How many municipalities take part in exactly n distinct schemes (n = 0, 1, 2 … the largest seen). */
export const DistributionRow = Type.Object({ schemes: Type.Integer(), municipalities: Type.Integer() });
export type DistributionRow = Static<typeof DistributionRow>;

export const MunicipalityRef = Type.Object({
  code: Code,
  name: Type.String(),
  countyCode: County,
  countyName: Type.String(),
  centralityClass: CentralityClass,
  population: Type.Integer(),
  band: MappingBandSchema,
});
export type MunicipalityRef = Static<typeof MunicipalityRef>;

/** The municipalities in the most distinct schemes, most first (ties by participations, then name). */
export const TopMunicipalityRow = Type.Object({
  municipality: MunicipalityRef,
  schemes: Type.Integer(),
  participations: Type.Integer(),
  schemeNames: Type.Array(Type.String()),
});
export type TopMunicipalityRow = Static<typeof TopMunicipalityRow>;

/** Lead vs partner per centrality class, in counted participations (a recipient counts as lead). */
export const RoleShareRow = Type.Object({
  centralityClass: CentralityClass,
  lead: Type.Integer(),
  partner: Type.Integer(),
  other: Type.Integer({ description: 'Pilots and prizes' }),
  /** lead / (lead + partner); null when both are 0. */
  leadShare: Rate,
});
export type RoleShareRow = Static<typeof RoleShareRow>;

/** GET /api/mapping: everything /kartlegging shows, for one filter. */
export const MappingAnalytics = Type.Object({
  filters: AppliedFilters,
  coverage: Coverage,
  /** Over all municipalities in the filter. */
  overall: Type.Object({ ...RateCell.properties, participations: Type.Integer(), meanSchemes: Type.Number() }),
  schemes: Type.Array(SchemeRateRow),
  byClass: Type.Array(GroupRateRow),
  byBand: Type.Array(GroupRateRow),
  byCounty: Type.Array(GroupRateRow),
  distribution: Type.Array(DistributionRow),
  top: Type.Array(TopMunicipalityRow, { maxItems: L.topMunicipalities }),
  roles: Type.Array(RoleShareRow),
});
export type MappingAnalytics = Static<typeof MappingAnalytics>;

// --- The gap ---

/** A municipality's peers: same class and band, or the class alone when that group has fewer than 5. */
export const PeerGroup = Type.Object({
  basis: PeerBasisSchema,
  centralityClass: CentralityClass,
  band: Nullable(MappingBandSchema),
  /** Municipalities in the group, the municipality itself included. */
  size: Type.Integer(),
  /** Mean number of distinct schemes of the group over the period. */
  expected: Type.Number(),
});
export type PeerGroup = Static<typeof PeerGroup>;

/** One municipality's line of the gap table (and of the map). */
export const GapRow = Type.Object({
  municipality: MunicipalityRef,
  /** Distinct schemes it took part in over the period. */
  schemes: Type.Integer(),
  participations: Type.Integer(),
  peers: PeerGroup,
  /** schemes − peers.expected: below 0 behind its peers. */
  gap: Type.Number(),
  /** Catalogue schemes its register facts admit that it has no counted record of in the period. */
  eligibleNotUsed: Type.Integer(),
  /** Distinct schemes taken part in / catalogue schemes its register facts admit (null when none admit it). */
  rate: Rate,
});
export type GapRow = Static<typeof GapRow>;

/** GET /api/mapping/gap: every municipality in the filter. */
export const GapTable = Type.Object({ filters: AppliedFilters, coverage: Coverage, items: Type.Array(GapRow) });
export type GapTable = Static<typeof GapTable>;

export const NextCall = Type.Object({
  id: Type.String(),
  title: Nullable(Type.String()),
  /** The deadline day (Oslo), null when none is known. */
  deadline: Nullable(Type.String({ format: 'date' })),
  /** open now, or announced/forecast for later. */
  open: Type.Boolean(),
});
export type NextCall = Static<typeof NextCall>;

/** GET /api/mapping/municipalities/{code}: the participation section of /kommuner/{code}. */
export const MunicipalityGap = Type.Object({
  filters: AppliedFilters,
  coverage: Coverage,
  row: GapRow,
  /** Schemes it takes part in: the years and roles of its counted participations. */
  takesPartIn: Type.Array(
    Type.Object({ scheme: SchemeRef, years: Type.Array(Type.Integer()), participations: Type.Integer(), roles: Type.Array(RoleShareSchema) }),
  ),
  /** Catalogue schemes its register facts admit (register-only verdicts, never private confirmations) that it has not used. */
  eligibleNotUsed: Type.Array(
    Type.Object({
      scheme: SchemeRef,
      verdict: Type.Union([Type.Literal('eligible'), Type.Literal('eligible_with_conditions')]),
      nextCall: Nullable(NextCall),
    }),
  ),
  /** The peer group's members with their distinct schemes, most first. */
  peers: Type.Array(Type.Object({ municipality: MunicipalityRef, schemes: Type.Integer() })),
  /** Counted participations per year (oldest first), for a timeline. */
  history: Type.Array(Type.Object({ year: Type.Integer(), participations: Type.Integer(), schemes: Type.Integer() })),
});
export type MunicipalityGap = Static<typeof MunicipalityGap>;

/** For each open call: the municipalities its register rules admit that have never taken part in the scheme (any year). */
export const OpenCallGapRow = Type.Object({
  scheme: SchemeRef,
  call: NextCall,
  eligible: Type.Integer(),
  neverTakenPart: Type.Array(MunicipalityRef),
});
export type OpenCallGapRow = Static<typeof OpenCallGapRow>;

/** GET /api/mapping/open-calls (class/band/county filters apply to the municipalities). */
export const OpenCallGaps = Type.Object({ filters: AppliedFilters, coverage: Coverage, items: Type.Array(OpenCallGapRow) });
export type OpenCallGaps = Static<typeof OpenCallGaps>;

// --- The map ---

/** One municipality's values of every map measure (`mapMeasures`): the web picks one and its legend. */
export const MapValue = Type.Object({
  code: Code,
  name: Type.String(),
  countyCode: County,
  participation: Type.Integer({ description: 'Distinct schemes in the period' }),
  participations: Type.Integer(),
  rate: Rate,
  gap: Type.Number(),
  population: Type.Integer(),
  centralityClass: CentralityClass,
  /** False when the municipality is outside the class/band/county filter (drawn as "not in the selection"). */
  inFilter: Type.Boolean(),
});
export type MapValue = Static<typeof MapValue>;

/** GET /api/mapping/map: all 357 municipalities, whatever the filter (those outside have `inFilter` false). */
export const MapMeasures = Type.Object({ filters: AppliedFilters, coverage: Coverage, items: Type.Array(MapValue) });
export type MapMeasures = Static<typeof MapMeasures>;

// --- A regional organisation's scope ---

/**
 * The municipalities a regional organisation advises: a set of counties, or an explicit list (the
 * State Administrator regions that span several counties are a set of counties). Without a stored
 * scope it is the organisation's own county (`stored` false).
 */
export const RegionScope = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  kind: ScopeKindSchema,
  counties: Type.Array(Type.Object({ code: County, name: Type.String() })),
  municipalities: Type.Array(Type.Object({ code: Code, name: Type.String(), countyCode: County })),
  stored: Type.Boolean(),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type RegionScope = Static<typeof RegionScope>;

/** PUT /api/organisations/{id}/scope (platform administrators): counties for `counties`, codes for `municipalities`. */
export const ScopeBody = Type.Object({
  kind: ScopeKindSchema,
  counties: Type.Optional(Type.Array(County, { maxItems: L.scopeCountiesMax, uniqueItems: true })),
  municipalities: Type.Optional(Type.Array(Code, { maxItems: L.scopeMunicipalitiesMax, uniqueItems: true })),
});
export type ScopeBody = Static<typeof ScopeBody>;

// --- A municipality's sharing setting ---

/** GET/PUT /api/organisations/{id}/sharing (a municipality organisation; its administrators change it). Off by default. */
export const SharingSetting = Type.Object({ sharePipelineWithAdvisers: Type.Boolean() });
export type SharingSetting = Static<typeof SharingSetting>;
export const SharingResponse = Type.Object({
  ...SharingSetting.properties,
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedBy: Nullable(Type.Object({ name: Type.String() })),
});
export type SharingResponse = Static<typeof SharingResponse>;

// --- The adviser's overview ---

export const OpenCallRef = Type.Object({
  key: Type.String({ description: '`{schemeId}/{callId}`: the key of the call in `states`' }),
  scheme: SchemeRef,
  call: NextCall,
  daysLeft: Nullable(Type.Integer({ description: 'Oslo days to the deadline (0 = today)' })),
});
export type OpenCallRef = Static<typeof OpenCallRef>;

/** One municipality of the scope and where it stands with each open call it is eligible for. */
export const ScopeMunicipality = Type.Object({
  municipality: MunicipalityRef,
  /** The municipality shares its pipeline with regional advisers. */
  shares: Type.Boolean(),
  schemes: Type.Integer({ description: 'Distinct schemes taken part in (all years)' }),
  gap: Type.Number(),
  peers: PeerGroup,
  /** For each open call its register facts admit (`OpenCallRef.key`): the state; the pipeline status only when shared. */
  calls: Type.Array(
    Type.Object({
      key: Type.String(),
      state: SharedPipelineStateSchema,
      /** Only when shared (null: nothing recorded, or not shared). */
      pipelineStatus: Nullable(Type.String()),
    }),
  ),
});
export type ScopeMunicipality = Static<typeof ScopeMunicipality>;

export const CallReasonItem = Type.Object({
  code: CallReasonSchema,
  /** The sentence in the request's language. */
  message: Type.String(),
  scheme: Nullable(SchemeRef),
  callKey: Nullable(Type.String()),
  daysLeft: Nullable(Type.Integer()),
});
export type CallReasonItem = Static<typeof CallReasonItem>;

/** "Who should we call this week": most urgent first, each with its reasons. */
export const CallListItem = Type.Object({
  municipality: MunicipalityRef,
  score: Type.Number(),
  reasons: Type.Array(CallReasonItem),
});
export type CallListItem = Static<typeof CallListItem>;

/** GET /api/organisations/{id}/region: the adviser overview of a regional organisation (its members; platform administrators). */
export const RegionOverview = Type.Object({
  organisation: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), type: literalUnion(organisationTypes) }),
  scope: RegionScope,
  coverage: Coverage,
  /** Open calls (open now) any municipality of the scope is eligible for, deadline first. */
  openCalls: Type.Array(
    Type.Object({
      ...OpenCallRef.properties,
      eligibleInScope: Type.Integer(),
      counts: Type.Object({ shared_active: Type.Integer(), shared_idle: Type.Integer(), not_shared: Type.Integer() }),
    }),
  ),
  /** Deadlines in the next 60 days (open and announced calls), nearest first. */
  deadlines: Type.Array(OpenCallRef),
  municipalities: Type.Array(ScopeMunicipality),
  callList: Type.Array(CallListItem, { maxItems: L.callListMax }),
});
export type RegionOverview = Static<typeof RegionOverview>;

/** The regional organisations a signed-in adviser belongs to (for choosing the overview); platform admins get all. */
export const RegionList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), type: literalUnion(organisationTypes), municipalities: Type.Integer() }),
  ),
});
export type RegionList = Static<typeof RegionList>;

// --- Open data ---

export const OpenDataField = Type.Object({
  name: Type.String(),
  type: literalUnion(openDataTypes),
  source: literalUnion(openDataSources),
});
export type OpenDataField = Static<typeof OpenDataField>;

/**
 * GET /api/open-data: every dataset with its addresses and fields (each field's description is
 * translated in the web as `openData.field.<name>`). Records: /api/open-data/records.{csv|json};
 * tables: /api/open-data/tables/{table}.{csv|json}; both take the `MappingQuery` filters.
 */
export const OpenDataCatalogue = Type.Object({
  licence: Type.Object({ name: Type.String(), url: Type.String() }),
  datasets: Type.Array(
    Type.Object({
      id: Type.String({ description: '`records` or a table of `mappingTables`' }),
      csv: Type.String(),
      json: Type.String(),
      fields: Type.Array(OpenDataField),
    }),
  ),
});
export type OpenDataCatalogue = Static<typeof OpenDataCatalogue>;

/** JSON of an open-data table or of the records: the licence, what the rows cover, and the rows (keys = the CSV's columns). */
export const OpenDataDocument = Type.Object({
  licence: Type.Object({ name: Type.String(), url: Type.String() }),
  attribution: Type.String(),
  filters: AppliedFilters,
  coverage: Coverage,
  fields: Type.Array(OpenDataField),
  rows: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]))),
});
export type OpenDataDocument = Static<typeof OpenDataDocument>;
