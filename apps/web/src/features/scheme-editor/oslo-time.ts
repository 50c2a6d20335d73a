/**
 * Calls' dates are entered as Norwegian wall-clock time (date + time) and stored as ISO strings with
 * the offset that applies in Europe/Oslo on that day: +01:00 in winter, +02:00 in summer.
 */
import { osloIsoDateTime } from '../../i18n/format-date';

/** Minutes Oslo is ahead of UTC at this instant (60 or 120). */
function offsetAt(instant: number): number {
  const { date, time } = osloIsoDateTime(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant / 60000) * 60000) / 60000);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const isDate = (value: string) =>
  DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const isTime = (value: string) => TIME.test(value);

/**
 * "2027-02-15" + "13:00" → "2027-02-15T13:00:00+01:00"; null for an invalid date or time, and for a
 * time that does not exist in Oslo (the hour skipped when summer time starts).
 */
export function toOsloIso(date: string, time: string): string | null {
  if (!isDate(date) || !isTime(time)) return null;
  const wallAsUtc = Date.parse(`${date}T${time}:00Z`);
  // The offset one hour either side of the wall time settles it, except in the spring-forward gap.
  let offset = offsetAt(wallAsUtc - 60 * 60000);
  const candidate = wallAsUtc - offset * 60000;
  const check = offsetAt(candidate);
  if (check !== offset) offset = check;
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  const iso = `${date}T${time}:00${sign}${hours}:${minutes}`;
  return osloIsoDateTime(Date.parse(iso)).time === time ? iso : null;
}

/** An ISO instant → its Oslo date and time, for the form's inputs. */
export function fromIso(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return { date: '', time: '' };
  return osloIsoDateTime(instant);
}
