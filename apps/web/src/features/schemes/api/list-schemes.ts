import type { SchemeQuery } from '@varde/contracts/finder-api';
import type { SchemeList } from '@varde/contracts/finder-api';
import { searchOf, type Api } from '../../../app/api-client';
import { isOneOf } from '../../../app/is-one-of';
import {
  collaborationFilters,
  fundingSizes,
  lifecycleStatuses,
  NO_MUNICIPALITY,
  roleFilters,
  schemeThemes,
  type SchemeTheme,
} from '@varde/contracts/vocabulary';

/** Results per finder page. */
export const FINDER_PAGE_SIZE = 10;

/** The finder's address: the API's query parameters plus the page number. */
export interface FinderQuery extends SchemeQuery {
  page: number;
}

/**
 * Reads the finder filters from the page URL. Unknown or malformed values are dropped rather than
 * turned into an error, so an old or hand-edited link still shows results.
 */
export function parseFinderQuery(search: URLSearchParams): FinderQuery {
  const query: FinderQuery = { page: 1 };
  const q = search.get('q')?.trim().slice(0, 100);
  if (q) query.q = q;
  const municipality = search.get('municipality');
  if (municipality && (/^\d{4}$/.test(municipality) || municipality === NO_MUNICIPALITY)) query.municipality = municipality;
  const themes = [...new Set(search.getAll('theme'))].filter((t): t is SchemeTheme => isOneOf(schemeThemes, t));
  if (themes.length) query.theme = themes;
  const role = search.get('role');
  if (isOneOf(roleFilters, role)) query.role = role;
  if (search.get('openNow') === 'true') query.openNow = true;
  const within = Number(search.get('deadlineWithin'));
  if (Number.isInteger(within) && within >= 1 && within <= 730) query.deadlineWithin = within;
  const funding = search.get('funding');
  if (isOneOf(fundingSizes, funding)) query.funding = funding;
  const collaboration = search.get('collaboration');
  if (isOneOf(collaborationFilters, collaboration)) query.collaboration = collaboration;
  // An owner's id; an old link with an owner's name (before owners had ids) is dropped.
  const owner = search.get('owner')?.trim();
  if (owner && /^[a-z0-9-]{1,80}$/.test(owner)) query.owner = owner;
  const status = search.get('status');
  if (isOneOf(lifecycleStatuses, status)) query.status = status;
  const page = Number(search.get('page'));
  if (Number.isInteger(page) && page > 1 && page <= 1000) query.page = page;
  return query;
}

/** The query as URL parameters, themes repeated: the same names for the page and for the API. */
function toFinderParams(query: SchemeQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.municipality) params.set('municipality', query.municipality);
  for (const theme of query.theme ?? []) params.append('theme', theme);
  if (query.role) params.set('role', query.role);
  if (query.openNow) params.set('openNow', 'true');
  if (query.deadlineWithin) params.set('deadlineWithin', String(query.deadlineWithin));
  if (query.funding) params.set('funding', query.funding);
  if (query.collaboration) params.set('collaboration', query.collaboration);
  if (query.owner) params.set('owner', query.owner);
  if (query.status) params.set('status', query.status);
  return params;
}

/** The finder address of a query (and page). */
export function finderHref(query: SchemeQuery, page = 1): string {
  const params = toFinderParams(query);
  if (page > 1) params.set('page', String(page));
  return `/ordninger${searchOf(params)}`;
}

/** The saved-search form stores the query without the page. */
export function withoutPage({ page: _page, ...query }: FinderQuery): SchemeQuery {
  return query;
}

export function listSchemes(api: Api, query: FinderQuery) {
  const params = toFinderParams(query);
  params.set('limit', String(FINDER_PAGE_SIZE));
  params.set('offset', String((query.page - 1) * FINDER_PAGE_SIZE));
  return api.get<SchemeList>(`/api/schemes?${params.toString()}`);
}
