/**
 * Deadlines as iCalendar (RFC 5545), written by ical-generator. Times are written in UTC (`…Z`), an
 * exact instant every calendar program shows in its own zone: 23:59 in Norway is 23:59 on screen there.
 * (ical-generator would write a native Date's UTC wall time under a `TZID=Europe/Oslo` label.)
 */
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import { translate, type Language } from '@varde/contracts';
import type { DeadlineItem } from '@varde/contracts/catalogue-api';

export function deadlineCalendar(items: DeadlineItem[], options: { name: string; publicUrl: string; lang: Language }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Varde', product: 'frister', language: options.lang.toUpperCase() },
    ttl: 60 * 60 * 6,
  });
  const base = options.publicUrl.replace(/\/$/, '');
  for (const item of items) {
    const url = `${base}/ordninger/${item.schemeId}`;
    const predicted = item.call.predicted ? ` (${translate(options.lang, 'calendar.predicted')})` : '';
    const event = calendar.createEvent({
      id: `${item.schemeId}.${item.call.id}@varde`,
      start: new Date(item.call.deadline),
      summary: `${translate(options.lang, 'field.deadline')}: ${item.schemeName}${predicted}`,
      description: `${item.call.title}\n${item.ownerName}\n${url}`,
      url,
      status: item.call.predicted ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 7 * 24 * 60 * 60, description: item.schemeName });
  }
  return calendar.toString();
}
