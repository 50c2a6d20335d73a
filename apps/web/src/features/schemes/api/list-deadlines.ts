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
  /** With a municipality: list the schemes it cannot take part in as well ("show all"). */
  includeIneligible: boolean;
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
    includeIneligible: search.get('ineligible') === 'show',
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
  if (query.includeIneligible) params.set('ineligible', 'show');
  if (query.view === 'calendar' && query.month) params.set('month', query.month);
  return `/frister${searchOf(params)}`;
}

export function listDeadlines(api: Api, query: Pick<DeadlineQuery, 'days' | 'includeForecasts' | 'municipality'> & { includeIneligible?: boolean }) {
  const params = new URLSearchParams({ days: String(query.days), includeForecasts: String(query.includeForecasts) });
  if (query.municipality) params.set('municipality', query.municipality);
  if (query.includeIneligible) params.set('includeIneligible', 'true');
  return api.get<DeadlineList>(`/api/deadlines?${params.toString()}`);
}

export const CALENDAR_PATH = '/api/calendar/schemes.ics';

/**
 * The public calendar's address under the page's filter: the municipality shown (named, since a
 * calendar program sends no session), forecasts and "show all" as chosen, and the page's language
 * unless it is the default. The period is left out: the calendar always holds the next two years.
 */
export function calendarHref(
  origin: string,
  filter: { municipality: string | null; includeForecasts: boolean; includeIneligible: boolean; lang: string },
): string {
  const params = new URLSearchParams();
  const municipality = filter.municipality && filter.municipality !== NO_MUNICIPALITY ? filter.municipality : null;
  if (municipality) params.set('municipality', municipality);
  if (!filter.includeForecasts) params.set('includeForecasts', 'false');
  if (municipality && filter.includeIneligible) params.set('includeIneligible', 'true');
  if (filter.lang !== 'nb') params.set('lang', filter.lang);
  return `${origin}${CALENDAR_PATH}${searchOf(params)}`;
}

/** The same address for a one-click subscription: `webcal:` opens the calendar program. */
export const webcalHref = (href: string) => href.replace(/^https?:/, 'webcal:');
