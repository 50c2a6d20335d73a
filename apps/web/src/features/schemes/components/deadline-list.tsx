import { Heading, Table } from '@digdir/designsystemet-react';
import type { DeadlineItem } from '@varde/contracts/catalogue-api';
import { AppLink } from '../../../components/app-link';
import { useSchemeFormat } from '../format';
import { isoDateMonth } from '../../../i18n/format-date';
import { CallStatusText, DeadlineText } from './call-deadline';

/** Items by month of their deadline (a day on an Oslo calendar), in the order given (nearest first). */
function byMonth(items: DeadlineItem[]): { month: string; items: DeadlineItem[] }[] {
  const groups: { month: string; items: DeadlineItem[] }[] = [];
  for (const item of items) {
    // Deadline lists only hold calls with a deadline; one without would have no place in them.
    if (!item.call.deadline) continue;
    const month = isoDateMonth(item.call.deadline.date);
    const last = groups.at(-1);
    if (last?.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}

/**
 * The deadlines as one table per month: the list view, and the text alternative to the calendar. A
 * county-run scheme's rounds are told apart by their region; a deadline without a stated time says so.
 */
export function DeadlineList({ items }: { items: DeadlineItem[] }) {
  const { t, month } = useSchemeFormat();
  const regional = items.some((item) => item.call.region);
  return (
    <div className="deadline-months">
      {byMonth(items).map((group) => {
        const captionId = `deadlines-${group.month}`;
        return (
          <section key={group.month} className="section" aria-labelledby={`${captionId}-heading`}>
            <Heading level={3} data-size="xs" id={`${captionId}-heading`}>
              {month(group.month)}
            </Heading>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
              <Table zebra data-size="sm">
                <caption id={captionId}>{t('deadlines.tableCaption', { month: month(group.month) })}</caption>
                <Table.Head>
                  <Table.Row>
                    <th scope="col">{t('deadlines.column.deadline')}</th>
                    <th scope="col">{t('deadlines.column.scheme')}</th>
                    <th scope="col">{t('deadlines.column.call')}</th>
                    {regional ? <th scope="col">{t('deadlines.column.region')}</th> : null}
                    <th scope="col">{t('deadlines.column.owner')}</th>
                    <th scope="col">{t('deadlines.column.status')}</th>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {group.items.map((item) => (
                    <Table.Row key={`${item.schemeId}-${item.call.id}`}>
                      <Table.Cell>
                        <DeadlineText deadline={item.call.deadline} />
                      </Table.Cell>
                      <th scope="row">
                        <AppLink to={`/ordninger/${item.schemeId}`}>{item.schemeName}</AppLink>
                      </th>
                      <Table.Cell>{item.call.title}</Table.Cell>
                      {regional ? <Table.Cell>{item.call.region ?? t('scheme.wholeCountry')}</Table.Cell> : null}
                      <Table.Cell>{item.ownerName}</Table.Cell>
                      <Table.Cell>
                        <CallStatusText call={item.call} short />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
