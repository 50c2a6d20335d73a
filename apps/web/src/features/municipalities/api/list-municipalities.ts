import type { MunicipalityList, MunicipalityListQuery } from '@varde/contracts';
import { municipalitySorts, populationBands } from '@varde/contracts/vocabulary';
import { toQuery, type Api } from '../../../app/api-client';
import { isOneOf } from '../../../app/is-one-of';

export const centralityClasses = [1, 2, 3, 4, 5, 6] as const;

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
  if (isOneOf(populationBands, population)) query.population = population;
  const sort = search.get('sort');
  if (isOneOf(municipalitySorts, sort)) query.sort = sort;
  return query;
}

export const listMunicipalities = (api: Api, query: MunicipalityListQuery = {}) => api.get<MunicipalityList>(`/api/municipalities${toQuery({ ...query })}`);
