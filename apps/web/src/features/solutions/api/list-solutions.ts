import type { SolutionList, SolutionListQuery } from '@varde/contracts/solutions-api';
import { solutionMaturities, solutionSorts, type SolutionMaturity, type SolutionSort } from '@varde/contracts/solutions-vocabulary';
import { schemeThemes, type SchemeTheme } from '@varde/contracts/vocabulary';
import { toQuery, type Api } from '../../../app/api-client';

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);

/** The library's filters from the page address (anything unreadable is left out, as the API would refuse it). */
export function parseSolutionQuery(params: URLSearchParams): SolutionListQuery {
  const query: SolutionListQuery = {};
  const theme = params.get('tema');
  if (isOneOf<SchemeTheme>(schemeThemes, theme)) query.theme = theme;
  const maturity = params.get('modenhet');
  if (isOneOf<SolutionMaturity>(solutionMaturities, maturity)) query.maturity = maturity;
  const county = params.get('fylke');
  if (county && /^[0-9]{2}$/.test(county)) query.county = county;
  const sort = params.get('sortering');
  if (isOneOf<SolutionSort>(solutionSorts, sort)) query.sort = sort;
  if (params.get('eksempel') === 'nei') query.example = 'exclude';
  const page = Number(params.get('side'));
  if (Number.isInteger(page) && page > 1 && page <= 10_000) query.page = page;
  return query;
}

/** The page address of a filtered list (Norwegian parameter names, as the form writes them). */
export function libraryHref(query: SolutionListQuery, page?: number): string {
  return `/losninger${toQuery({
    tema: query.theme,
    modenhet: query.maturity,
    fylke: query.county,
    sortering: query.sort,
    eksempel: query.example === 'exclude' ? 'nei' : undefined,
    side: page && page > 1 ? page : undefined,
  })}`;
}

export const listSolutions = (api: Api, query: SolutionListQuery) => api.get<SolutionList>(`/api/solutions${toQuery({ ...query })}`);

/** An organisation's own solutions, drafts included (its members only). */
export const listOrganisationSolutions = (api: Api, organisationId: string) => api.get<SolutionList>(`/api/organisations/${organisationId}/solutions`);
