/** When scheduled work is due, in Oslo time, and how many days are left to a deadline. */
import { reminderDays } from '@varde/contracts/vocabulary';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Digests and reminders go out from this Oslo hour. */
export const MORNING_HOUR = 7;

const osloFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});

/** The Oslo calendar day (`YYYY-MM-DD`), hour and weekday (1 = Monday … 7 = Sunday) of an instant. */
export function osloTime(at: Date): { day: string; hour: number; weekday: number } {
  const parts = Object.fromEntries(osloFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), weekday };
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Whole Oslo calendar days from `at` to the deadline's Oslo day (`YYYY-MM-DD`): 0 on the day itself, 1 the day before. */
export function daysUntil(deadlineDay: string, at: Date): number {
  return dayNumber(deadlineDay) - dayNumber(osloTime(at).day);
}

/**
 * The reminder a deadline `days` away is due for: 14 from two weeks before, 7 from a week before, 2
 * from two days before; none on the day itself or after. A day missed (the server was down) is made up
 * by the next smaller one, so each reminder goes at most once and the nearest comes last.
 */
export function reminderFor(days: number): number | null {
  if (days < 1) return null;
  for (const threshold of [...reminderDays].sort((a, b) => a - b)) if (days <= threshold) return threshold;
  return null;
}

/** The Monday (`YYYY-MM-DD`) of the Oslo week of an instant: the period of the weekly digest. */
export function osloWeek(at: Date): string {
  const { day, weekday } = osloTime(at);
  return new Date((dayNumber(day) - (weekday - 1)) * DAY_MS).toISOString().slice(0, 10);
}
