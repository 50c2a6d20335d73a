/**
 * Deadlines as iCalendar (RFC 5545), written by ical-generator.
 *
 * - A deadline with a stated time is an exact instant written in UTC (`…Z`), which every calendar
 *   program shows in its own zone: 12:00 in Norway is 12:00 on screen there. (ical-generator would
 *   write a native Date's UTC wall time under a `TZID=Europe/Oslo` label.)
 * - A deadline whose time no source states is an all-day event on that day (`DTSTART;VALUE=DATE`), and
 *   its description says the time is not stated: no time is made up.
 * - `UID` is the call's `uid`, which a forecast shares with the real call that later replaces it, so a
 *   calendar updates the event instead of adding a second one; `SEQUENCE` is the number of saved
 *   versions of the scheme in which that call's deadline changed.
 * - The summary names the region of a regional round; names are in the feed's language (`lang`).
 * - The feed ends with CRLF, like every line before it (RFC 5545 3.1).
 */
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import { translate, type Language } from '@varde/contracts';
import type { Deadline } from '@varde/contracts/schemes';
import { deadlineInstant } from '@varde/domain/calls';

/** One deadline in the feed's language. */
export interface CalendarEvent {
  uid: string;
  schemeId: string;
  schemeName: string;
  ownerName: string;
  /** The round's region; null for a national call. */
  region: string | null;
  title: string;
  deadline: Deadline;
  predicted: boolean;
  sequence: number;
}

const ALARM_BEFORE_SECONDS = 7 * 24 * 60 * 60;

/** The event's one-line summary: "Frist: Prosjektskjønn – Vestland (forventet)". */
export function eventSummary(event: Pick<CalendarEvent, 'schemeName' | 'region' | 'predicted'>, lang: Language): string {
  const region = event.region ? ` – ${event.region}` : '';
  const predicted = event.predicted ? ` (${translate(lang, 'calendar.predicted')})` : '';
  return `${translate(lang, 'field.deadline')}: ${event.schemeName}${region}${predicted}`;
}

export function deadlineCalendar(events: CalendarEvent[], options: { name: string; publicUrl: string; lang: Language }): string {
  const { lang } = options;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Varde', product: 'frister', language: lang.toUpperCase() },
    ttl: 60 * 60 * 6,
  });
  const base = options.publicUrl.replace(/\/$/, '');
  for (const item of events) {
    const url = `${base}/ordninger/${item.schemeId}`;
    const allDay = item.deadline.time === null;
    const [year, month, day] = item.deadline.date.split('-').map(Number) as [number, number, number];
    const description = [item.title, item.region ? `${translate(lang, 'calendar.region')}: ${item.region}` : null, item.ownerName];
    if (allDay) description.push(translate(lang, 'calendar.timeNotStated'));
    description.push(url);
    const event = calendar.createEvent({
      id: item.uid,
      sequence: item.sequence,
      // An all-day event is written from the date's UTC day, whatever the server's time zone.
      start: allDay ? new Date(Date.UTC(year, month - 1, day)) : deadlineInstant(item.deadline),
      allDay,
      summary: eventSummary(item, lang),
      description: description.filter((line): line is string => line !== null).join('\n'),
      url,
      status: item.predicted ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: ALARM_BEFORE_SECONDS, description: eventSummary(item, lang) });
  }
  // ical-generator separates lines with CRLF but leaves the last line without one.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
