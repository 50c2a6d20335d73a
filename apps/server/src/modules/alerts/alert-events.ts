/** What a saved search's results mean for its user: new, changed and ended matches, and near deadlines. */
import type { Notification } from '@varde/contracts/alerts-api';
import type { SchemeChange } from '@varde/contracts/catalogue-api';
import type { Deadline } from '@varde/contracts/schemes';
import { deadlineInstant } from '@varde/domain/calls';

const SOON_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * What a notification row stores. `deadline` is the instant (ISO) of a `deadline_soon`; `deadlineDate`
 * and `deadlineTime` are the deadline as its source states it (no time: "time not stated").
 */
export type Payload = {
  schemeId: string;
  searchName: string;
  deadline: string | null;
  deadlineDate?: string | null;
  deadlineTime?: string | null;
  version: number | null;
  /** `fact_report` and `fact_report_closed`: the report, its fact group and call. */
  reportId?: string;
  group?: string;
  callId?: string | null;
  /** `fact_report_closed`: `resolved` or `rejected`, and what the owner answered. */
  outcome?: string;
  comment?: string | null;
  /**
   * `scheme_changed`: the version the search had seen, what changed since then (a bounded list of
   * codes and short values, rendered in the reader's language) and how many more changes there were.
   */
  fromVersion?: number;
  changes?: SchemeChange[];
  moreChanges?: number;
};
/** A scheme the search matches now, with its version and next call. */
export type Match = { id: string; version: number; nextCall: { id: string; deadline: Deadline | null; status: string; predicted: boolean } | null };
/** What the catalogue says of a scheme now: its version and whether it has ended. */
export type SchemeState = { version: number; ended: boolean };
export type NotificationEvent = { kind: Notification['kind']; dedupeKey: string; payload: Payload };

const osloDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
/** `YYYY-MM-DD` of an instant in Europe/Oslo: the day a notification check belongs to. */
export const osloDay = (at: Date) => osloDayFormat.format(at);

/**
 * New and changed matches since the versions the search has seen, near deadlines of its matches, and
 * the schemes it matched that have ended since: one `scheme_ended` per search and scheme (an ended
 * scheme leaves the finder's results, so it is looked for among the versions seen, in `catalogue`).
 */
export function eventsFor(
  search: { id: string; name: string; seen: Record<string, number> },
  found: Match[],
  at: number,
  catalogue: ReadonlyMap<string, SchemeState> = new Map(),
): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  const ended = (id: string, version: number) => ({
    kind: 'scheme_ended' as const,
    dedupeKey: `ended:${search.id}:${id}`,
    payload: { schemeId: id, searchName: search.name, deadline: null, version },
  });
  const foundIds = new Set(found.map((s) => s.id));
  for (const scheme of found) {
    const seenVersion = search.seen[scheme.id];
    const base = { schemeId: scheme.id, searchName: search.name, deadline: null, version: scheme.version };
    if (seenVersion === undefined) events.push({ kind: 'scheme_new', dedupeKey: `new:${search.id}:${scheme.id}`, payload: base });
    else if (seenVersion < scheme.version) {
      // A search for ended schemes keeps them in its results: the version that ended one is its end.
      if (catalogue.get(scheme.id)?.ended) events.push(ended(scheme.id, scheme.version));
      else {
        events.push({
          kind: 'scheme_changed',
          dedupeKey: `changed:${search.id}:${scheme.id}:${scheme.version}`,
          payload: { ...base, fromVersion: seenVersion },
        });
      }
    }
    const call = scheme.nextCall;
    if (call?.deadline && call.status !== 'closed' && !call.predicted) {
      const deadlineAt = deadlineInstant(call.deadline).getTime();
      if (deadlineAt - at <= SOON_MS && deadlineAt > at) {
        events.push({
          kind: 'deadline_soon',
          dedupeKey: `deadline:${scheme.id}:${call.id}`,
          payload: { ...base, deadline: new Date(deadlineAt).toISOString(), deadlineDate: call.deadline.date, deadlineTime: call.deadline.time },
        });
      }
    }
  }
  for (const [id, seenVersion] of Object.entries(search.seen)) {
    const state = catalogue.get(id);
    if (!foundIds.has(id) && state?.ended && seenVersion < state.version) events.push(ended(id, state.version));
  }
  return events;
}

/** The versions of the matches, stored as what the search has seen. */
export const seenVersions = (found: Match[]): Record<string, number> => Object.fromEntries(found.map((s) => [s.id, s.version]));
