import type { DeadlineList } from '@varde/contracts/catalogue-api';
import { NO_MUNICIPALITY } from '@varde/contracts/vocabulary';
import { searchOf, type Api } from '../../../app/api-client';

/** Periods offered on the deadline page, in days (about 3, 6, 12 and 24 months). */
export const deadlinePeriods = [92, 183, 365, 730] as const;
const DEFAULT_PERIOD = 365;

export interface DeadlineQuery {
  /**
   * The municipality number whose deadlines are shown (national calls and its county's round), `none`
   * for every call, or null when the address names none (a signed-in member then gets their own).
   */
  municipality: string | null;
  days: number;
  /** Forecast calls are shown unless the visitor asks for announced deadlines only. */
  includeForecasts: boolean;
  view: 'list' | 'calendar';
  /** The calendar's month, `YYYY-MM`. */
  month: string | null;
}

/** Reads the page's address; anything unknown falls back to the defaults. */
export function parseDeadlineQuery(search: URLSearchParams): DeadlineQuery {
  const days = Number(search.get('days'));
  const month = search.get('month');
  const municipality = search.get('municipality');
  return {
    municipality: municipality && (/^\d{4}$/.test(municipality) || municipality === NO_MUNICIPALITY) ? municipality : null,
    days: (deadlinePeriods as readonly number[]).includes(days) ? days : DEFAULT_PERIOD,
    includeForecasts: search.get('forecasts') !== 'hide',
    view: search.get('view') === 'calendar' ? 'calendar' : 'list',
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
  };
}

/** The page's address for a query, leaving defaults out. */
export function deadlinesHref(query: DeadlineQuery): string {
  const params = new URLSearchParams();
  if (query.municipality) params.set('municipality', query.municipality);
  if (query.view === 'calendar') params.set('view', 'calendar');
  if (query.days !== DEFAULT_PERIOD) params.set('days', String(query.days));
  if (!query.includeForecasts) params.set('forecasts', 'hide');
  if (query.view === 'calendar' && query.month) params.set('month', query.month);
  return `/frister${searchOf(params)}`;
}

export function listDeadlines(api: Api, query: Pick<DeadlineQuery, 'days' | 'includeForecasts' | 'municipality'>) {
  const params = new URLSearchParams({ days: String(query.days), includeForecasts: String(query.includeForecasts) });
  if (query.municipality) params.set('municipality', query.municipality);
  return api.get<DeadlineList>(`/api/deadlines?${params.toString()}`);
}
