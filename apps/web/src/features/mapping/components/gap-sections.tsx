import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Coverage, MapMeasures, MappingQuery, OpenCallGapRow, OpenCallGaps } from '@varde/contracts/mapping-api';
import { AppLink } from '../../../components/app-link';
import { useMappingFormat } from '../format';
import { CoverageLine } from './coverage';
import { TableDownloads } from './downloads';
import { TableBox } from './table-box';

/** Rows of "furthest behind their peers" on the page; the CSV has every municipality. */
export const GAP_ROWS = 20;
/** Names listed per open call on the page; the CSV has all of them. */
export const NEVER_LISTED = 40;

/** The municipalities furthest behind similar municipalities (same class and band, or class alone). */
export function GapList({ map, query }: { map: MapMeasures; query: MappingQuery }) {
  const f = useMappingFormat();
  const { t, number } = f;
  const behind = map.items
    .filter((i) => i.inFilter && i.gap < -0.05)
    .sort((a, b) => a.gap - b.gap || a.name.localeCompare(b.name, 'nb'))
    .slice(0, GAP_ROWS);
  return (
    <section className="section" aria-labelledby="gap">
      <Heading level={2} data-size="sm" id="gap">
        {t('analytics.gap.heading')}
      </Heading>
      <Paragraph>{t('analytics.gap.lead')}</Paragraph>
      {behind.length === 0 ? (
        <Paragraph>{t('analytics.gap.none')}</Paragraph>
      ) : (
        <TableBox id="gap-table" caption={t('analytics.gap.caption', { count: number(behind.length) })}>
          <Table.Head>
            <Table.Row>
              <th scope="col">{t('analytics.col.municipality')}</th>
              <th scope="col" className="num">
                {t('analytics.col.schemes')}
              </th>
              <th scope="col" className="num">
                {t('analytics.col.expected')}
              </th>
              <th scope="col" className="num">
                {t('analytics.col.gap')}
              </th>
              <th scope="col">{t('analytics.col.class')}</th>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {behind.map((i) => (
              <Table.Row key={i.code}>
                <th scope="row">
                  <AppLink to={`/kommuner/${i.code}#deltakelse-gap`}>{i.name}</AppLink>
                </th>
                <Table.Cell className="num">{number(i.participation)}</Table.Cell>
                <Table.Cell className="num">{f.mean(i.participation - i.gap)}</Table.Cell>
                <Table.Cell className="num">{f.signed(i.gap)}</Table.Cell>
                <Table.Cell>{f.classLabel(i.centralityClass)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </TableBox>
      )}
      <CoverageLine coverage={map.coverage} basis={t('analytics.gap.basis')} />
      <TableDownloads table="gap" query={query} label={t('analytics.gap.heading')} />
    </section>
  );
}

/** An open call's row as the page keeps it: the first names only, and how many there are. */
export interface OpenCallGapView extends Omit<OpenCallGapRow, 'neverTakenPart'> {
  neverCount: number;
  neverTakenPart: { code: string; name: string }[];
}

/** Keeps the page's data small: the whole lists are in the CSV. */
export const trimOpenCallGaps = (data: OpenCallGaps): { coverage: Coverage; items: OpenCallGapView[] } => ({
  coverage: data.coverage,
  items: data.items.map((item) => ({
    ...item,
    neverCount: item.neverTakenPart.length,
    neverTakenPart: item.neverTakenPart.slice(0, NEVER_LISTED).map((m) => ({ code: m.code, name: m.name })),
  })),
});

/** For each open call: how many municipalities its rules admit, and those that have never taken part in the scheme. */
export function OpenCallGapList({ data, query }: { data: ReturnType<typeof trimOpenCallGaps>; query: MappingQuery }) {
  const { t, number, date } = useMappingFormat();
  return (
    <section className="section" aria-labelledby="apne-utlysninger">
      <Heading level={2} data-size="sm" id="apne-utlysninger">
        {t('analytics.openCalls.heading')}
      </Heading>
      <Paragraph>{t('analytics.openCalls.lead')}</Paragraph>
      {data.items.length === 0 ? (
        <Paragraph>{t('analytics.openCalls.none')}</Paragraph>
      ) : (
        <ul className="open-call-gaps">
          {data.items.map((item) => (
            <li key={`${item.scheme.key}/${item.call.id}`}>
              <Heading level={3} data-size="2xs">
                {item.scheme.catalogueId ? <AppLink to={`/ordninger/${item.scheme.catalogueId}`}>{item.scheme.name}</AppLink> : item.scheme.name}
                {item.call.title ? `: ${item.call.title}` : ''}
              </Heading>
              <Paragraph data-size="sm">
                {item.call.deadline ? t('analytics.openCalls.deadline', { date: date(item.call.deadline) }) : t('deadline.none')}.{' '}
                {t('analytics.openCalls.counts', { never: number(item.neverCount), eligible: number(item.eligible) })}
              </Paragraph>
              {item.neverCount > 0 ? (
                <Paragraph data-size="sm" className="name-list">
                  {item.neverTakenPart.map((m, i) => (
                    <span key={m.code}>
                      {i > 0 ? ', ' : ''}
                      <a className="ds-link" href={`/kommuner/${m.code}`}>
                        {m.name}
                      </a>
                    </span>
                  ))}
                  {item.neverCount > item.neverTakenPart.length
                    ? ` ${t('analytics.openCalls.more', { count: number(item.neverCount - item.neverTakenPart.length) })}`
                    : ''}
                </Paragraph>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <CoverageLine coverage={data.coverage} basis={t('analytics.openCalls.basis')} />
      <TableDownloads table="open-calls" query={query} label={t('analytics.openCalls.heading')} />
    </section>
  );
}
