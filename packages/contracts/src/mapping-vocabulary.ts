/**
 * Participation mapping (issue 15): its closed lists and limits, without the schema library (the
 * browser imports this file, as it does `vocabulary.ts`).
 */

/**
 * Population bands of the mapping, half-open on the latest population: under 2,000; 2,000–5,000;
 * 5,000–10,000; 10,000–20,000; 20,000–50,000; 50,000 and over. (The municipality list's own
 * `populationBands` in vocabulary.ts are coarser and stay as they are.)
 */
export const mappingBands = ['lt2000', '2000to4999', '5000to9999', '10000to19999', '20000to49999', 'gte50000'] as const;
export type MappingBand = (typeof mappingBands)[number];

/** Lower bounds (inclusive) of each band; the next band's bound is the upper (exclusive) one. */
export const mappingBandFloors: Readonly<Record<MappingBand, number>> = {
  lt2000: 0,
  '2000to4999': 2000,
  '5000to9999': 5000,
  '10000to19999': 10_000,
  '20000to49999': 20_000,
  gte50000: 50_000,
};

/** The band of a population: [floor, next floor). */
export function mappingBandOf(population: number): MappingBand {
  for (let i = mappingBands.length - 1; i >= 0; i--) {
    if (population >= mappingBandFloors[mappingBands[i]!]) return mappingBands[i]!;
  }
  return 'lt2000';
}

/** SSB's centrality classes, 1 (most central) to 6 (least central). */
export const centralityClasses = [1, 2, 3, 4, 5, 6] as const;
export type CentralityClass = (typeof centralityClasses)[number];

/** What the map can be coloured by. */
export const mapMeasures = ['participation', 'rate', 'gap', 'population', 'centrality'] as const;
export type MapMeasure = (typeof mapMeasures)[number];

/**
 * How a role is counted in the lead/partner share: a recipient counts as lead; pilots and prizes
 * (winner, finalist, nominee) are `other`.
 */
export const roleShares = ['lead', 'partner', 'other'] as const;
export type RoleShare = (typeof roleShares)[number];

/**
 * The peer group behind a municipality's expected number of schemes: the same centrality class and
 * population band, or — when that group has fewer than `mappingLimits.peerGroupMin` members — the
 * class alone.
 */
export const peerBases = ['class_and_band', 'class'] as const;
export type PeerBasis = (typeof peerBases)[number];

/**
 * What a rate is counted over: the municipalities a catalogue scheme's register rules admit (county,
 * centrality, population, applicant type), or all municipalities (overall, and schemes the catalogue
 * lacks, whose rules Varde does not know).
 */
export const rateBases = ['register_rules', 'all_municipalities'] as const;
export type RateBasis = (typeof rateBases)[number];

/**
 * A municipality's pipeline for an open call as a regional adviser sees it: shared and something
 * started (interested, preparing, applied, granted), shared and nothing started (no item, or
 * not relevant / rejected), or not shared with advisers at all (nothing else is said).
 */
export const sharedPipelineStates = ['shared_active', 'shared_idle', 'not_shared'] as const;
export type SharedPipelineState = (typeof sharedPipelineStates)[number];

/** Why an adviser might call a municipality this week (each translated as `mapping.callReason.<code>`). */
export const callReasons = ['deadline_soon_nothing_started', 'eligible_never_taken_part', 'gap_vs_peers', 'no_participation'] as const;
export type CallReason = (typeof callReasons)[number];

/** How a regional organisation's scope is given: counties, or an explicit list of municipalities. */
export const scopeKinds = ['counties', 'municipalities'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

/** The aggregated tables, each downloadable as CSV and JSON (`/api/open-data/tables/{table}.{csv|json}`). */
export const mappingTables = ['schemes', 'classes', 'bands', 'counties', 'distribution', 'top', 'roles', 'gap', 'open-calls'] as const;
export type MappingTable = (typeof mappingTables)[number];

export const openDataFormats = ['csv', 'json'] as const;
export type OpenDataFormat = (typeof openDataFormats)[number];

export const mappingLimits = {
  /** Earliest year a period may start. */
  yearMin: 2000,
  yearMax: 2100,
  /** Peer groups smaller than this widen to the centrality class alone. */
  peerGroupMin: 5,
  /** Rows of "the municipalities in the most schemes". */
  topMunicipalities: 20,
  /** Counties in a scope (Norway has 15). */
  scopeCountiesMax: 15,
  /** Municipalities in an explicit scope (Norway has 357). */
  scopeMunicipalitiesMax: 357,
  /** Rows of "who should we call this week". */
  callListMax: 15,
  /** An open call whose deadline is this many days away or nearer counts as "soon". */
  deadlineSoonDays: 21,
  /** Deadlines an adviser sees coming up: this many days ahead. */
  upcomingDeadlineDays: 60,
  /** A gap vs peers at or below this (actual − expected) is a reason to call. */
  gapCallThreshold: -1,
} as const;

/** The licence of the compiled fields of the open data (quotes stay in the app, attributed to their sources). */
export const openDataLicence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** Types of an open-data field. */
export const openDataTypes = ['string', 'integer', 'number', 'boolean', 'date', 'date-time', 'list'] as const;
export type OpenDataType = (typeof openDataTypes)[number];

/**
 * Where an open-data field comes from: the record as compiled or recorded (its source URL is in the
 * same row), the reference data (SSB, Kartverket: data/SOURCES.md), the scheme catalogue, or worked
 * out by Varde from the others.
 */
export const openDataSources = ['record', 'reference', 'catalogue', 'computed'] as const;
export type OpenDataSource = (typeof openDataSources)[number];

/**
 * The columns of the records export, in order (CSV header = name). Each field's description is
 * translated as `openData.field.<name>`. Quotes (evidence) stay in the app.
 */
export const openDataRecordFields = [
  { name: 'id', type: 'string', source: 'computed' },
  { name: 'scheme_key', type: 'string', source: 'record' },
  { name: 'scheme_catalogue_id', type: 'string', source: 'catalogue' },
  { name: 'scheme_name', type: 'string', source: 'record' },
  { name: 'round', type: 'string', source: 'record' },
  { name: 'year', type: 'integer', source: 'record' },
  { name: 'decided_on', type: 'date', source: 'record' },
  { name: 'municipality_code', type: 'string', source: 'record' },
  { name: 'municipality_name', type: 'string', source: 'reference' },
  { name: 'county_code', type: 'string', source: 'reference' },
  { name: 'code_at_time', type: 'string', source: 'record' },
  { name: 'name_at_time', type: 'string', source: 'record' },
  { name: 'role', type: 'string', source: 'record' },
  { name: 'status', type: 'string', source: 'record' },
  { name: 'takes_part', type: 'boolean', source: 'computed' },
  { name: 'amount_nok', type: 'integer', source: 'record' },
  { name: 'project_title', type: 'string', source: 'record' },
  { name: 'other_participants', type: 'list', source: 'record' },
  { name: 'source_url', type: 'string', source: 'record' },
  { name: 'source_document', type: 'string', source: 'record' },
  { name: 'provenance', type: 'string', source: 'record' },
  { name: 'verified_at', type: 'date-time', source: 'record' },
  { name: 'is_example', type: 'boolean', source: 'computed' },
  { name: 'updated_at', type: 'date-time', source: 'computed' },
] as const satisfies readonly { name: string; type: OpenDataType; source: OpenDataSource }[];
export type OpenDataRecordField = (typeof openDataRecordFields)[number]['name'];
