/** What a saved search's results mean for its user: new and changed matches, and near deadlines. */
import type { Notification } from '@varde/contracts/alerts-api';

const SOON_MS = 14 * 24 * 60 * 60 * 1000;

export type Payload = { schemeId: string; searchName: string; deadline: string | null; version: number | null };
/** A scheme the search matches now, with its version and next call. */
export type Match = { id: string; version: number; nextCall: { id: string; deadline: string; status: string; predicted: boolean } | null };
export type NotificationEvent = { kind: Notification['kind']; dedupeKey: string; payload: Payload };

const osloDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
/** `YYYY-MM-DD` of an instant in Europe/Oslo: the day a notification check belongs to. */
export const osloDay = (at: Date) => osloDayFormat.format(at);

/** New and changed matches since the versions the search has seen, and near deadlines of its matches. */
export function eventsFor(search: { id: string; name: string; seen: Record<string, number> }, found: Match[], at: number): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  for (const scheme of found) {
    const seenVersion = search.seen[scheme.id];
    const base = { schemeId: scheme.id, searchName: search.name, deadline: null, version: scheme.version };
    if (seenVersion === undefined) events.push({ kind: 'scheme_new', dedupeKey: `new:${search.id}:${scheme.id}`, payload: base });
    else if (seenVersion < scheme.version) {
      events.push({ kind: 'scheme_changed', dedupeKey: `changed:${search.id}:${scheme.id}:${scheme.version}`, payload: base });
    }
    const call = scheme.nextCall;
    if (call && call.status !== 'closed' && !call.predicted && Date.parse(call.deadline) - at <= SOON_MS && Date.parse(call.deadline) > at) {
      events.push({ kind: 'deadline_soon', dedupeKey: `deadline:${scheme.id}:${call.id}`, payload: { ...base, deadline: call.deadline } });
    }
  }
  return events;
}

/** The versions of the matches, stored as what the search has seen. */
export const seenVersions = (found: Match[]): Record<string, number> => Object.fromEntries(found.map((s) => [s.id, s.version]));
