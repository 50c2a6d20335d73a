import type {
  GapTable,
  MapMeasures,
  MappingAnalytics,
  MappingQuery,
  MunicipalityGap,
  OpenCallGaps,
  OpenDataCatalogue,
  RegionList,
  RegionOverview,
  RegionScope,
  ScopeBody,
  SharingResponse,
  SharingSetting,
} from '@varde/contracts/mapping-api';
import { type MapMeasure, type MappingBand, type MappingTable, mapMeasures, mappingBands, mappingLimits } from '@varde/contracts/mapping-vocabulary';
import { type Api, searchOf } from '../../../app/api-client';

/**
 * The page's filters as the address carries them (Norwegian names, as the other public lists):
 * `fra`, `til` (years), `klasse` and `storrelse` (repeated), `fylke`, `eksempel=nei`; the map's
 * measure is `kart`. Anything unreadable is left out, as the API would refuse it.
 */
export interface MappingPageQuery {
  query: MappingQuery;
  measure: MapMeasure;
}

const isYear = (n: number) => Number.isInteger(n) && n >= mappingLimits.yearMin && n <= mappingLimits.yearMax;

export function parseMappingQuery(params: URLSearchParams): MappingPageQuery {
  const query: MappingQuery = {};
  const from = Number(params.get('fra') || Number.NaN);
  const to = Number(params.get('til') || Number.NaN);
  if (isYear(from)) query.from = from;
  if (isYear(to)) query.to = to;
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) [query.from, query.to] = [query.to, query.from];
  const classes = [...new Set(params.getAll('klasse').map(Number))].filter((c) => Number.isInteger(c) && c >= 1 && c <= 6).sort();
  if (classes.length > 0 && classes.length < 6) query.class = classes;
  const bands = mappingBands.filter((b) => params.getAll('storrelse').includes(b));
  if (bands.length > 0 && bands.length < mappingBands.length) query.band = [...bands];
  const county = params.get('fylke');
  if (county && /^[0-9]{2}$/.test(county)) query.county = county;
  if (params.get('eksempel') === 'nei') query.example = 'exclude';
  const measure = params.get('kart');
  return { query, measure: (mapMeasures as readonly string[]).includes(measure ?? '') ? (measure as MapMeasure) : 'participation' };
}

/** The filters for the API (and the open-data downloads): `class` and `band` repeated. */
export function apiQuery(query: MappingQuery): string {
  const search = new URLSearchParams();
  if (query.from !== undefined) search.set('from', String(query.from));
  if (query.to !== undefined) search.set('to', String(query.to));
  for (const c of query.class ?? []) search.append('class', String(c));
  for (const b of query.band ?? []) search.append('band', b);
  if (query.county) search.set('county', query.county);
  if (query.example) search.set('example', query.example);
  return searchOf(search);
}

/** The page address for these filters (and a measure), for links that keep the filter. */
export function pageQuery(query: MappingQuery, measure?: MapMeasure): string {
  const search = new URLSearchParams();
  if (query.from !== undefined) search.set('fra', String(query.from));
  if (query.to !== undefined) search.set('til', String(query.to));
  for (const c of query.class ?? []) search.append('klasse', String(c));
  for (const b of query.band ?? []) search.append('storrelse', b);
  if (query.county) search.set('fylke', query.county);
  if (query.example === 'exclude') search.set('eksempel', 'nei');
  if (measure && measure !== 'participation') search.set('kart', measure);
  return searchOf(search);
}

export const getAnalytics = (api: Api, query: MappingQuery) => api.get<MappingAnalytics>(`/api/mapping${apiQuery(query)}`);
export const getMapMeasures = (api: Api, query: MappingQuery) => api.get<MapMeasures>(`/api/mapping/map${apiQuery(query)}`);
export const getGapTable = (api: Api, query: MappingQuery) => api.get<GapTable>(`/api/mapping/gap${apiQuery(query)}`);
export const getOpenCallGaps = (api: Api, query: MappingQuery) => api.get<OpenCallGaps>(`/api/mapping/open-calls${apiQuery(query)}`);
export const getMunicipalityGap = (api: Api, code: string, query: MappingQuery = {}) =>
  api.get<MunicipalityGap>(`/api/mapping/municipalities/${code}${apiQuery(query)}`);
export const getOpenDataCatalogue = (api: Api) => api.get<OpenDataCatalogue>('/api/open-data');

/** CSV or JSON of an aggregated table with the page's filters. */
export const tableDownload = (table: MappingTable, query: MappingQuery, format: 'csv' | 'json' = 'csv') =>
  `/api/open-data/tables/${table}.${format}${apiQuery(query)}`;
export const recordsDownload = (query: MappingQuery, format: 'csv' | 'json' = 'csv') => `/api/open-data/records.${format}${apiQuery(query)}`;

export const listRegions = (api: Api) => api.get<RegionList>('/api/mapping/regions');
export const getRegionOverview = (api: Api, organisationId: string) => api.get<RegionOverview>(`/api/organisations/${organisationId}/region`);
export const getScope = (api: Api, organisationId: string) => api.get<RegionScope>(`/api/organisations/${organisationId}/scope`);
export const saveScope = (api: Api, organisationId: string, body: ScopeBody) =>
  api.send<RegionScope>('PUT', `/api/organisations/${organisationId}/scope`, body);
export const getSharing = (api: Api, organisationId: string) => api.get<SharingResponse>(`/api/organisations/${organisationId}/sharing`);
export const saveSharing = (api: Api, organisationId: string, body: SharingSetting) =>
  api.send<SharingResponse>('PUT', `/api/organisations/${organisationId}/sharing`, body);

export type { MappingBand };
