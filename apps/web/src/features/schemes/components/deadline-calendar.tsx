import { Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { DeadlineItem } from '@varde/contracts/catalogue-api';
import { formatClockTime, weekdayName } from '../../../i18n/format-date';
import { useSchemeFormat } from '../format';
import { forecastCertaintyText } from './call-deadline';
import { Icon } from './icons';

/** Weeks (Monday first) of a month, each a list of `YYYY-MM-DD` days or null outside the month. */
export function monthWeeks(yearMonth: string): (string | null)[][] {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(`${yearMonth}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

export function shiftMonth(yearMonth: string, by: number): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

interface DeadlineCalendarProps {
  items: DeadlineItem[];
  month: string;
  today: string;
  hrefForMonth: (month: string) => string;
}

/**
 * One month as a grid of weeks. It is a real table (weekday headers, a caption), so it reads in
 * order with a screen reader too; the list view holds the same deadlines as a plain list.
 */
export function DeadlineCalendar({ items, month, today, hrefForMonth }: DeadlineCalendarProps) {
  const { t, lang, month: monthName, monthInText } = useSchemeFormat();
  const weekdays = Array.from({ length: 7 }, (_, i) => i);
  const byDay = new Map<string, DeadlineItem[]>();
  for (const item of items) {
    if (!item.call.deadline) continue;
    const day = item.call.deadline.date;
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const inMonth = items.filter((item) => item.call.deadline?.date.startsWith(month)).length;
  return (
    <div className="deadline-calendar">
      <nav className="calendar-nav" aria-label={t('deadlines.calendar.monthNav')}>
        <Link className="ds-link" to={hrefForMonth(shiftMonth(month, -1))} preventScrollReset>
          {t('deadlines.calendar.previous', { month: monthInText(shiftMonth(month, -1)) })}
        </Link>
        <Link className="ds-link" to={hrefForMonth(shiftMonth(month, 1))} preventScrollReset>
          {t('deadlines.calendar.next', { month: monthInText(shiftMonth(month, 1)) })}
        </Link>
      </nav>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="calendar-caption">
        <Table className="calendar-grid" data-size="sm">
          <caption id="calendar-caption">
            {monthName(month)} – {t('deadlines.calendar.count', { count: inMonth })}
          </caption>
          <Table.Head>
            <Table.Row>
              {weekdays.map((d) => (
                <th key={d} scope="col" abbr={weekdayName(d, lang, 'long')}>
                  {weekdayName(d, lang, 'short')}
                </th>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {monthWeeks(month).map((week, w) => (
              <Table.Row key={w}>
                {week.map((day, d) => {
                  if (!day) return <Table.Cell key={d} className="calendar-day calendar-day--outside" />;
                  const due = byDay.get(day) ?? [];
                  const isToday = day === today;
                  return (
                    <Table.Cell key={d} className={`calendar-day${due.length ? ' calendar-day--due' : ''}${isToday ? ' calendar-day--today' : ''}`}>
                      <span className="calendar-day__number">
                        {Number(day.slice(8))}
                        {isToday ? <span className="calendar-day__today"> {t('deadlines.calendar.today')}</span> : null}
                      </span>
                      {due.length ? (
                        <ul>
                          {due.map((item) => (
                            <li key={`${item.schemeId}-${item.call.id}`}>
                              <Link className="ds-link" to={`/ordninger/${item.schemeId}`}>
                                {item.schemeName}
                              </Link>
                              {item.call.region ? <span className="calendar-day__region">{item.call.region}</span> : null}
                              <span className="calendar-day__time">
                                {item.call.deadline?.time ? formatClockTime(item.call.deadline.time, lang) : t('deadline.timeNotStated')}
                              </span>
                              {item.call.predicted ? (
                                <span className="calendar-day__forecast">
                                  <Icon name="clock" />
                                  {item.call.forecast
                                    ? `${t('deadlines.calendar.forecast')}, ${forecastCertaintyText(t, item.call.forecast)}`
                                    : t('deadlines.calendar.forecast')}
                                </span>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
