import type { SolutionSearchQuery, SolutionSearchResult } from '@varde/contracts/search-api';
import { searchApiLimits, solutionSearchSorts, type SolutionSearchSort } from '@varde/contracts/search-api';
import { solutionMaturities, type SolutionMaturity } from '@varde/contracts/solutions-vocabulary';
import { schemeThemes, type SchemeTheme } from '@varde/contracts/vocabulary';
import { toQuery, type Api } from '../../../app/api-client';

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);

/**
 * A search of the solution library from the page address (`/losninger?sok=…`), or null when there are
 * no search words (the page shows the plain list). Norwegian parameter names, as the form writes them;
 * anything unreadable is left out, as the API would refuse it.
 */
export function parseSolutionSearch(params: URLSearchParams): SolutionSearchQuery | null {
  const q = (params.get('sok') ?? '').trim().slice(0, searchApiLimits.queryMax);
  if (!q) return null;
  const query: SolutionSearchQuery = { q };
  const theme = params.get('tema');
  if (isOneOf<SchemeTheme>(schemeThemes, theme)) query.theme = theme;
  const maturity = params.get('modenhet');
  if (isOneOf<SolutionMaturity>(solutionMaturities, maturity)) query.maturity = maturity;
  const county = params.get('fylke');
  if (county && /^[0-9]{2}$/.test(county)) query.county = county;
  const centrality = Number(params.get('sentralitet'));
  if (Number.isInteger(centrality) && centrality >= 1 && centrality <= 6) query.centrality = centrality;
  if (params.get('i-bruk') === 'ja') query.adopted = true;
  const sort = params.get('sortering');
  if (isOneOf<SolutionSearchSort>(solutionSearchSorts, sort)) query.sort = sort;
  if (params.get('eksempel') === 'nei') query.example = 'exclude';
  const page = Number(params.get('side'));
  if (Number.isInteger(page) && page > 1 && page <= searchApiLimits.pageMax) query.page = page;
  return query;
}

/** The page address of a search. */
export function searchHref(query: SolutionSearchQuery, page?: number): string {
  return `/losninger${toQuery({
    sok: query.q,
    tema: query.theme,
    modenhet: query.maturity,
    fylke: query.county,
    sentralitet: query.centrality,
    'i-bruk': query.adopted ? 'ja' : undefined,
    sortering: query.sort,
    eksempel: query.example === 'exclude' ? 'nei' : undefined,
    side: page && page > 1 ? page : undefined,
  })}`;
}

export const searchSolutions = (api: Api, query: SolutionSearchQuery) =>
  api.get<SolutionSearchResult>(`/api/search/solutions${toQuery({ ...query, adopted: query.adopted ? 'true' : undefined })}`);
