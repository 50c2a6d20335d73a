/**
 * Call status and forecasts. Stored calls carry real dates; the status follows from the clock, and a
 * recurring scheme's next call is predicted from its past cadence and marked as a forecast.
 */
import type { CallStatus, SchemeCall } from '@varde/contracts/schemes';

export interface CallView extends SchemeCall {
  status: CallStatus;
  /** True for a call predicted from earlier calls, not announced by the owner. */
  predicted: boolean;
}

export function callStatus(call: Pick<SchemeCall, 'opensAt' | 'deadline'>, now: Date): CallStatus {
  if (new Date(call.deadline) < now) return 'closed';
  if (call.opensAt && new Date(call.opensAt) > now) return 'forecast';
  return 'open';
}

const osloDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Oslo wall-clock parts of an instant. */
function osloParts(instant: Date) {
  const parts = Object.fromEntries(osloDate.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** An Oslo wall-clock time as an ISO string with the offset in force that day (+01:00 or +02:00). */
export function osloDateTime(year: number, month: number, day: number, hour: number, minute: number): string {
  const guess = new Date(Date.UTC(year, month - 1, day, hour, minute));
  for (const offset of [1, 2]) {
    const candidate = new Date(guess.getTime() - offset * 3600_000);
    const p = osloParts(candidate);
    if (p.day === day && p.hour === hour && p.minute === minute) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00+0${offset}:00`;
    }
  }
  throw new Error(`No Oslo time ${year}-${month}-${day} ${hour}:${minute}`);
}

/**
 * Calls with their status, newest deadline first, plus — for a yearly scheme whose calls are all
 * closed — a predicted call on the same day and time in the first year whose date is still ahead.
 * National calls are the basis when there are any; a scheme run county by county (each State
 * Administrator with its own deadline) gets one forecast per county group.
 */
export function callsWithForecast(calls: SchemeCall[], cadence: string, now: Date): CallView[] {
  const views: CallView[] = calls.map((c) => ({ ...c, status: callStatus(c, now), predicted: false })).sort((a, b) => b.deadline.localeCompare(a.deadline));
  if (cadence !== 'yearly' || views.length === 0 || views.some((c) => c.status !== 'closed')) return views;

  const national = views.filter((c) => c.counties === null);
  const latestPerSeries = new Map<string, CallView>();
  for (const view of national.length ? national : views) {
    const series = view.counties?.join(',') ?? '';
    if (!latestPerSeries.has(series)) latestPerSeries.set(series, view);
  }
  const forecasts = [...latestPerSeries.values()].map((basis) => forecastAfter(basis, now));
  return [...forecasts.sort((a, b) => a.deadline.localeCompare(b.deadline)), ...views];
}

function forecastAfter(basis: CallView, now: Date): CallView {
  const last = osloParts(new Date(basis.deadline));
  let year = Math.max(last.year + 1, osloParts(now).year);
  let deadline = osloDateTime(year, last.month, Math.min(last.day, 28), last.hour, last.minute);
  if (new Date(deadline) <= now) deadline = osloDateTime(++year, last.month, Math.min(last.day, 28), last.hour, last.minute);
  return {
    ...basis,
    id: `${basis.id.replace(/-\d{4}$/, '')}-forecast-${year}`,
    title: {
      nb: `Forventet utlysning ${year}`,
      nn: `Forventa utlysing ${year}`,
      en: `Expected call ${year}`,
    },
    opensAt: null,
    deadline,
    budgetNok: null,
    status: 'forecast',
    predicted: true,
  };
}
