/**
 * How many times each call's deadline changed over a scheme's saved versions: the iCalendar `SEQUENCE`
 * of the call's event (RFC 5545: a new sequence number tells calendars the event moved).
 */
import { osloDate } from '@varde/domain/calls';

/** A stored deadline: `{ date, time }` since issue 10; an ISO date-time in versions saved before it. */
type StoredDeadline = { date: string; time: string | null } | { date: string; legacy: true } | null;

function readDeadline(value: unknown): StoredDeadline {
  if (typeof value === 'string') {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : { date: osloDate(instant), legacy: true };
  }
  if (value && typeof value === 'object' && typeof (value as { date?: unknown }).date === 'string') {
    const { date, time } = value as { date: string; time?: unknown };
    return { date, time: typeof time === 'string' ? time : null };
  }
  return null;
}

/**
 * Whether the deadline moved between two versions. A version saved before deadlines had an optional
 * time stored a date-time (with 23:59 where no source gave one): against it only the day counts, so
 * the change of format alone is no change of deadline.
 */
function moved(before: StoredDeadline, after: StoredDeadline): boolean {
  if (before === null || after === null) return before !== after;
  if (before.date !== after.date) return true;
  if ('legacy' in before || 'legacy' in after) return false;
  return before.time !== after.time;
}

export const sequenceKey = (schemeId: string, callId: string) => `${schemeId}/${callId}`;

/**
 * From every saved version's calls (by scheme, oldest version first): for each call (`scheme/call`),
 * the number of versions in which its deadline differs from the version before. A call that first
 * appears has changed nothing; calls never changed are left out (sequence 0).
 */
export function deadlineChangeCounts(history: readonly { schemeId: string; version: number; calls: unknown }[]): Map<string, number> {
  const counts = new Map<string, number>();
  let previousScheme: string | null = null;
  let previous = new Map<string, StoredDeadline>();
  for (const row of history) {
    if (row.schemeId !== previousScheme) {
      previousScheme = row.schemeId;
      previous = new Map();
    }
    const current = new Map<string, StoredDeadline>();
    for (const call of Array.isArray(row.calls) ? row.calls : []) {
      const id = (call as { id?: unknown })?.id;
      if (typeof id !== 'string') continue;
      const deadline = readDeadline((call as { deadline?: unknown }).deadline);
      current.set(id, deadline);
      if (previous.has(id) && moved(previous.get(id)!, deadline)) {
        const key = sequenceKey(row.schemeId, id);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    previous = current;
  }
  return counts;
}
