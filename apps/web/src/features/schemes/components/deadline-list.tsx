import { Table, Tag } from '@digdir/designsystemet-react';
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
 * The deadlines as one table, a row group per month: the list view, and the text alternative to the
 * calendar. One set of columns for the whole period; on a phone each row stacks into a card whose
 * values carry their column's name (`data-label`, see deadlines.css). A county-run scheme's rounds are
 * told apart by their region; a deadline without a stated time says so; with "show all", a scheme the
 * municipality cannot take part in says that too.
 */
export function DeadlineList({ items, municipalityName }: { items: DeadlineItem[]; municipalityName?: string | null | undefined }) {
  const { t, month } = useSchemeFormat();
  const regional = items.some((item) => item.call.region);
  const columns = regional ? 6 : 5;
  const label = {
    deadline: t('deadlines.column.deadline'),
    call: t('deadlines.column.call'),
    region: t('deadlines.column.region'),
    owner: t('deadlines.column.owner'),
    status: t('deadlines.column.status'),
  };
  return (
    <div className="deadline-table-wrap deadline-months" role="region" aria-labelledby="deadlines-table-caption" tabIndex={0}>
      <Table data-size="sm" className="deadline-table">
        <caption id="deadlines-table-caption">{t('deadlines.tableCaptionAll')}</caption>
        <Table.Head>
          <Table.Row>
            <th scope="col">{label.deadline}</th>
            <th scope="col">{t('deadlines.column.scheme')}</th>
            <th scope="col">{label.call}</th>
            {regional ? <th scope="col">{label.region}</th> : null}
            <th scope="col">{label.owner}</th>
            <th scope="col">{label.status}</th>
          </Table.Row>
        </Table.Head>
        {byMonth(items).map((group) => (
          <Table.Body key={group.month} className="deadline-table__group">
            <tr className="deadline-table__month">
              <th scope="rowgroup" colSpan={columns}>
                {month(group.month)}
              </th>
            </tr>
            {group.items.map((item) => (
              <Table.Row key={`${item.schemeId}-${item.call.id}`} className={item.notForMunicipality ? 'deadline-table__row--other' : undefined}>
                <Table.Cell data-label={label.deadline} className="deadline-table__deadline">
                  <DeadlineText deadline={item.call.deadline} />
                </Table.Cell>
                <th scope="row" className="deadline-table__scheme">
                  <AppLink to={`/ordninger/${item.schemeId}`}>{item.schemeName}</AppLink>
                  {item.notForMunicipality && municipalityName ? (
                    <>
                      {' '}
                      <Tag data-color="neutral" data-size="sm" className="deadline-table__not-for">
                        {t('deadlines.notFor', { municipality: municipalityName })}
                      </Tag>
                    </>
                  ) : null}
                </th>
                <Table.Cell data-label={label.call}>{item.call.title}</Table.Cell>
                {regional ? <Table.Cell data-label={label.region}>{item.call.region ?? t('scheme.wholeCountry')}</Table.Cell> : null}
                <Table.Cell data-label={label.owner}>{item.ownerName}</Table.Cell>
                <Table.Cell data-label={label.status}>
                  <CallStatusText call={item.call} short />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        ))}
      </Table>
    </div>
  );
}
