import type {
  MunicipalityList,
  MunicipalityListQuery,
  MunicipalitySort,
  PopulationBand,
} from '@varde/contracts';
import { toQuery, type Api } from '../../../app/api-client';

// Copies of the contract lists: importing values from the schemas module would pull TypeBox into the
// browser bundle. `satisfies` keeps them in step with the contract's types.
export const populationBands = [
  'lt2000',
  '2000to4999',
  '5000to9999',
  '10000to49999',
  'gte50000',
] as const satisfies readonly PopulationBand[];

export const municipalitySorts = [
  'name',
  '-name',
  'population',
  '-population',
  'centrality',
  '-centrality',
  'county',
  '-county',
  'code',
] as const satisfies readonly MunicipalitySort[];
// Fails to compile when the contract gains a sort this copy lacks.
const everySort: Exclude<MunicipalitySort, (typeof municipalitySorts)[number]> extends never ? true : never = true;
void everySort;

export const centralityClasses = [1, 2, 3, 4, 5, 6] as const;

const includes = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/**
 * Reads the list filters from the page URL. Unknown or malformed values are dropped rather than
 * turned into an error, so a hand-edited or outdated link still shows a list.
 */
export function parseListQuery(search: URLSearchParams): MunicipalityListQuery {
  const query: MunicipalityListQuery = {};
  const q = search.get('q')?.trim().slice(0, 100);
  if (q) query.q = q;
  const county = search.get('county');
  if (county && /^\d{2}$/.test(county)) query.county = county;
  const centrality = Number(search.get('centrality'));
  if (Number.isInteger(centrality) && centrality >= 1 && centrality <= 6) query.centrality = centrality;
  const population = search.get('population');
  if (includes(populationBands, population)) query.population = population;
  const sort = search.get('sort');
  if (includes(municipalitySorts, sort)) query.sort = sort;
  return query;
}

export const listMunicipalities = (api: Api, query: MunicipalityListQuery = {}) =>
  api.get<MunicipalityList>(`/api/municipalities${toQuery({ ...query })}`);
