/**
 * Call status and forecasts. Stored calls carry real dates as their sources state them (a day, and a
 * time only when a source gives one); the status follows from the clock, and a yearly scheme's next
 * call is predicted from its past calls, per series (one per regional round, or national), with the
 * basis and a certainty.
 */
import type { CallView, ForecastBasis } from '@varde/contracts/catalogue-api';
import type { CallStatus, Deadline, ForecastCertainty, LocalizedText, Scheme, SchemeCall } from '@varde/contracts/schemes';

export type { CallView, ForecastBasis };

const osloFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Oslo wall-clock parts of an instant. */
export function osloParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(osloFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Oslo calendar day of an instant, `YYYY-MM-DD`. */
export function osloDate(instant: Date): string {
  const p = osloParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** An Oslo wall-clock time as an ISO string with the offset in force that day (+01:00 or +02:00). */
export function osloDateTime(year: number, month: number, day: number, hour: number, minute: number): string {
  const guess = new Date(Date.UTC(year, month - 1, day, hour, minute));
  for (const offset of [1, 2]) {
    const candidate = new Date(guess.getTime() - offset * 3600_000);
    const p = osloParts(candidate);
    if (p.day === day && p.hour === hour && p.minute === minute) {
      return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00+0${offset}:00`;
    }
  }
  // The hour skipped when summer time starts (02:00–02:59 on the last Sunday of March): an hour later.
  if (hour === 2) return osloDateTime(year, month, day, 3, minute);
  throw new Error(`No Oslo time ${year}-${month}-${day} ${hour}:${minute}`);
}

/**
 * Instants of deadlines already worked out. Oslo time goes through Intl, the finder's main cost over a
 * large catalogue, and the same few hundred deadlines are asked for again and again. Bounded: cleared
 * when it grows past the size of any real catalogue.
 */
const instants = new Map<string, number>();

/**
 * The instant a deadline passes: `date` at `time` in Europe/Oslo; with no stated time the call is open
 * through the end of that Oslo day, so the instant is the next day at 00:00 Oslo time.
 */
export function deadlineInstant(deadline: Deadline): Date {
  return new Date(deadlineMs(deadline));
}

function deadlineMs(deadline: Deadline): number {
  const key = deadline.time === null ? deadline.date : `${deadline.date}T${deadline.time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const [year, month, day] = deadline.date.split('-').map(Number) as [number, number, number];
    if (deadline.time === null) {
      const next = new Date(Date.UTC(year, month - 1, day + 1));
      ms = Date.parse(osloDateTime(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0));
    } else {
      const [hour, minute] = deadline.time.split(':').map(Number) as [number, number];
      ms = Date.parse(osloDateTime(year, month, day, hour, minute));
    }
    if (instants.size >= 20_000) instants.clear();
    instants.set(key, ms);
  }
  return ms;
}

/** The instant an Oslo day starts (00:00 Oslo time). */
function dayStartMs(date: string): number {
  return deadlineMs({ date, time: '00:00', timeSourceId: null });
}

/**
 * closed once the deadline has passed; forecast (upcoming) while the opening day is ahead; else open.
 * A call with no published deadline never closes by itself.
 */
export function callStatus(call: Pick<SchemeCall, 'opensOn' | 'deadline'>, now: Date): CallStatus {
  const t = now.getTime();
  if (call.deadline && deadlineMs(call.deadline) <= t) return 'closed';
  if (call.opensOn && dayStartMs(call.opensOn) > t) return 'forecast';
  return 'open';
}

/** Days apart of two dates' month and day, around the year (31 Dec and 2 Jan are 2 days apart). */
function dayOfYearDistance(a: string, b: string): number {
  const doy = (date: string) => {
    const [, m, d] = date.split('-').map(Number) as [number, number, number];
    return (Date.UTC(2001, m - 1, Math.min(d, m === 2 ? 28 : d)) - Date.UTC(2001, 0, 1)) / 86_400_000;
  };
  const diff = Math.abs(doy(a) - doy(b));
  return Math.min(diff, 365 - diff);
}

/** How far apart, in days, dates may be and still count as the same date of the year. */
const SAME_DATE_DAYS = 7;
/** How many of the newest past calls a forecast rests on (three on one date is the highest certainty). */
const BASIS_SIZE = 3;

/** The series a call belongs to: its round, or national. */
const seriesOf = (call: Pick<SchemeCall, 'roundId'>) => call.roundId ?? 'national';

const forecastTitle = (year: number): LocalizedText => ({
  nb: `Forventet utlysning ${year}`,
  nn: `Venta utlysing ${year}`,
  en: `Expected call ${year}`,
});

/** Newest deadline first; calls without a deadline (open-ended) before those with one. */
function byDeadlineDesc(a: CallView, b: CallView): number {
  if (!a.deadline || !b.deadline) return a.deadline ? 1 : b.deadline ? -1 : 0;
  return deadlineMs(b.deadline) - deadlineMs(a.deadline);
}

/**
 * The scheme's calls as views with their status, region and calendar uid, newest deadline first, and
 * before them the forecasts (nearest first).
 *
 * A forecast is made per series (a round, or the national calls) for an active scheme with a yearly
 * cadence when the series has past calls and all of them are closed: the date is the newest past
 * deadline's month and day in the first year whose date is still ahead; the time is kept only when
 * that deadline's time has a source. The basis is the newest (up to three) past calls: certainty high
 * when three fall on the same date (± 7 days), medium for two, low for one or when the owner moved
 * the date (one of them more than 7 days off); `old` when the newest is more than two years back.
 *
 * `uid` is `<scheme>-<round or national>-<deadline year>@varde` for a forecast and for the first real
 * call of that series and year, so a forecast and the call that replaces it share it; later calls of
 * the same series and year (and calls without a deadline) use `<scheme>-<call>@varde`.
 */
export function callsWithForecast(scheme: Scheme, now: Date): CallView[] {
  const regions = new Map(scheme.rounds.map((r) => [r.id, r.name]));
  const views: CallView[] = scheme.calls.map((c) => ({
    ...c,
    status: callStatus(c, now),
    predicted: false,
    forecast: null,
    region: c.roundId ? (regions.get(c.roundId) ?? null) : null,
    uid: `${scheme.id}-${c.id}@varde`,
  }));
  views.sort(byDeadlineDesc);

  // The first call (earliest deadline) of each series and year takes the series-year uid.
  const firstOfYear = new Map<string, CallView>();
  for (let i = views.length - 1; i >= 0; i--) {
    const view = views[i]!;
    if (!view.deadline) continue;
    const key = `${seriesOf(view)}-${view.deadline.date.slice(0, 4)}`;
    if (!firstOfYear.has(key)) firstOfYear.set(key, view);
  }
  for (const [key, view] of firstOfYear) view.uid = `${scheme.id}-${key}@varde`;

  if (scheme.cadence.kind !== 'yearly' || scheme.lifecycle.status !== 'active') return views;

  const series = new Map<string, CallView[]>();
  for (const view of views) {
    const list = series.get(seriesOf(view));
    if (list) list.push(view);
    else series.set(seriesOf(view), [view]);
  }
  const ids = new Set(views.map((v) => v.id));
  const forecasts: CallView[] = [];
  for (const [key, calls] of series) {
    if (calls.some((c) => c.status !== 'closed' || !c.deadline)) continue;
    const forecast = forecastFor(scheme, key, calls, now, ids);
    ids.add(forecast.id);
    forecasts.push(forecast);
  }
  forecasts.sort((a, b) => deadlineMs(a.deadline!) - deadlineMs(b.deadline!));
  return [...forecasts, ...views];
}

/** The forecast of one series from its past calls (closed, with deadlines, newest first). */
function forecastFor(scheme: Scheme, series: string, past: CallView[], now: Date, ids: ReadonlySet<string>): CallView {
  const newest = past[0]!;
  const basisDeadline = newest.deadline!;
  const basis = past.slice(0, BASIS_SIZE);
  const sameDate = basis.filter((c) => dayOfYearDistance(c.deadline!.date, basisDeadline.date) <= SAME_DATE_DAYS);
  const ownerMoved = sameDate.length < basis.length;
  const certainty: ForecastCertainty = ownerMoved || sameDate.length === 1 ? 'low' : sameDate.length === 2 ? 'medium' : 'high';

  const [basisYear, month, day] = basisDeadline.date.split('-').map(Number) as [number, number, number];
  const timed = basisDeadline.time !== null && basisDeadline.timeSourceId !== null;
  const deadlineIn = (year: number): CallView['deadline'] => {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const d = month === 2 && day === 29 && !leap ? 28 : day;
    return { date: `${year}-${pad(month)}-${pad(d)}`, time: timed ? basisDeadline.time : null, timeSourceId: timed ? basisDeadline.timeSourceId : null };
  };
  let year = Math.max(basisYear + 1, osloParts(now).year);
  let deadline = deadlineIn(year)!;
  if (deadlineMs(deadline) <= now.getTime()) deadline = deadlineIn(++year)!;

  const twoYearsAfter = `${basisYear + 2}${basisDeadline.date.slice(4)}`;
  const forecast: ForecastBasis = { callIds: basis.map((c) => c.id), ownerMoved, certainty, old: twoYearsAfter < osloDate(now) };

  const stem = newest.id.replace(/-\d{4}$/, '');
  let id = `${stem}-forecast-${year}`;
  if (ids.has(id)) id = `${series}-${stem}-forecast-${year}`;
  return {
    id,
    title: forecastTitle(year),
    roundId: newest.roundId,
    opensOn: null,
    deadline,
    budgetNok: null,
    sourceIds: newest.sourceIds,
    status: 'forecast',
    predicted: true,
    forecast,
    region: newest.region,
    uid: `${scheme.id}-${series}-${year}@varde`,
  };
}
