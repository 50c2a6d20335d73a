import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { RegionOverview } from '@varde/contracts/mapping-api';
import type { SharedPipelineState } from '@varde/contracts/mapping-vocabulary';
import { isPipelineStatus } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { useMappingFormat } from '../format';
import { CoverageLine } from './coverage';
import { TableBox } from './table-box';

const stateColour: Record<SharedPipelineState, 'success' | 'warning' | 'neutral'> = {
  shared_active: 'success',
  shared_idle: 'warning',
  not_shared: 'neutral',
};

/** "om 5 dager", "i dag", or nothing without a deadline. */
function useDaysLeft() {
  const { t, number } = useMappingFormat();
  return (days: number | null) => (days === null ? '' : days === 0 ? t('region.today') : t('region.daysLeft', { days: number(days) }));
}

/** Who to call this week: most urgent first, each with the reasons in words. */
export function CallList({ overview }: { overview: RegionOverview }) {
  const { t } = useMappingFormat();
  return (
    <section className="section" aria-labelledby="hvem-ringe">
      <Heading level={2} data-size="sm" id="hvem-ringe">
        {t('region.callList.heading')}
      </Heading>
      <Paragraph>{t('region.callList.lead')}</Paragraph>
      {overview.callList.length === 0 ? (
        <Paragraph>{t('region.callList.none')}</Paragraph>
      ) : (
        <ol className="call-list">
          {overview.callList.map((item) => (
            <li key={item.municipality.code}>
              <AppLink to={`/kommuner/${item.municipality.code}`}>{item.municipality.name}</AppLink>
              <ul>
                {item.reasons.map((reason, i) => (
                  <li key={`${reason.code}-${i}`}>{reason.message}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Open calls the scope's municipalities may apply for, with how many are shared and active, shared and idle, not shared. */
export function OpenCallsTable({ overview }: { overview: RegionOverview }) {
  const { t, number, date } = useMappingFormat();
  const daysLeft = useDaysLeft();
  return (
    <section className="section" aria-labelledby="apne">
      <Heading level={2} data-size="sm" id="apne">
        {t('region.openCalls.heading')}
      </Heading>
      {overview.openCalls.length === 0 ? (
        <Paragraph>{t('region.openCalls.none')}</Paragraph>
      ) : (
        <TableBox id="region-open-calls" caption={t('region.openCalls.caption')}>
          <Table.Head>
            <Table.Row>
              <th scope="col">{t('region.col.call')}</th>
              <th scope="col">{t('region.col.deadline')}</th>
              <th scope="col" className="num">
                {t('region.col.eligible')}
              </th>
              <th scope="col" className="num">
                {t('sharedState.shared_active')}
              </th>
              <th scope="col" className="num">
                {t('sharedState.shared_idle')}
              </th>
              <th scope="col" className="num">
                {t('sharedState.not_shared')}
              </th>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {overview.openCalls.map((c) => (
              <Table.Row key={c.key}>
                <th scope="row">
                  {c.scheme.catalogueId ? <AppLink to={`/ordninger/${c.scheme.catalogueId}`}>{c.scheme.name}</AppLink> : c.scheme.name}
                  {c.call.title ? <span className="cell-note">{c.call.title}</span> : null}
                </th>
                <Table.Cell>{c.call.deadline ? `${date(c.call.deadline)} (${daysLeft(c.daysLeft)})` : t('deadline.none')}</Table.Cell>
                <Table.Cell className="num">{number(c.eligibleInScope)}</Table.Cell>
                <Table.Cell className="num">{number(c.counts.shared_active)}</Table.Cell>
                <Table.Cell className="num">{number(c.counts.shared_idle)}</Table.Cell>
                <Table.Cell className="num">{number(c.counts.not_shared)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </TableBox>
      )}
    </section>
  );
}

/** Deadlines in the next weeks (open and announced calls), nearest first. */
export function UpcomingDeadlines({ overview }: { overview: RegionOverview }) {
  const { t, date } = useMappingFormat();
  const daysLeft = useDaysLeft();
  return (
    <section className="section" aria-labelledby="frister">
      <Heading level={2} data-size="sm" id="frister">
        {t('region.deadlines.heading')}
      </Heading>
      {overview.deadlines.length === 0 ? (
        <Paragraph>{t('region.deadlines.none')}</Paragraph>
      ) : (
        <ul className="plain-list deadline-lines">
          {overview.deadlines.map((d) => (
            <li key={d.key}>
              <strong>{d.call.deadline ? date(d.call.deadline) : t('deadline.none')}</strong> {d.daysLeft !== null ? `(${daysLeft(d.daysLeft)})` : ''} –{' '}
              {d.scheme.catalogueId ? <AppLink to={`/ordninger/${d.scheme.catalogueId}`}>{d.scheme.name}</AppLink> : d.scheme.name}
              {d.call.title ? `: ${d.call.title}` : ''}
              {d.call.open ? '' : ` (${t('region.notOpenYet')})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The municipalities of the scope: whether they share their pipeline, and for those that do, where
 * they stand with each open call they may apply for; for the others only "not shared".
 */
export function ScopeMunicipalities({ overview }: { overview: RegionOverview }) {
  const f = useMappingFormat();
  const { t, number } = f;
  const callName = new Map(overview.openCalls.map((c) => [c.key, c.call.title ? `${c.scheme.name}: ${c.call.title}` : c.scheme.name]));
  return (
    <section className="section" aria-labelledby="kommunene">
      <Heading level={2} data-size="sm" id="kommunene">
        {t('region.municipalities.heading', { count: number(overview.municipalities.length) })}
      </Heading>
      <Paragraph>{t('region.municipalities.lead')}</Paragraph>
      <TableBox id="region-municipalities" caption={t('region.municipalities.caption')}>
        <Table.Head>
          <Table.Row>
            <th scope="col">{t('analytics.col.municipality')}</th>
            <th scope="col">{t('region.col.sharing')}</th>
            <th scope="col">{t('region.col.pipeline')}</th>
            <th scope="col" className="num">
              {t('analytics.col.schemes')}
            </th>
            <th scope="col" className="num">
              {t('analytics.col.gap')}
            </th>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {overview.municipalities.map((m) => (
            <Table.Row key={m.municipality.code}>
              <th scope="row">
                <AppLink to={`/kommuner/${m.municipality.code}`}>{m.municipality.name}</AppLink>
              </th>
              <Table.Cell>
                <Tag data-color={m.shares ? 'success' : 'neutral'} data-size="sm">
                  {m.shares ? t('region.shares') : t('region.notShared')}
                </Tag>
              </Table.Cell>
              <Table.Cell>
                {m.calls.length === 0 ? (
                  t('region.noOpenCalls')
                ) : !m.shares ? (
                  t('region.pipelineHidden', { count: number(m.calls.length) })
                ) : (
                  <ul className="plain-list">
                    {m.calls.map((c) => (
                      <li key={c.key}>
                        <Tag data-color={stateColour[c.state]} data-size="sm">
                          {t(`sharedState.${c.state}`)}
                        </Tag>{' '}
                        {callName.get(c.key) ?? c.key}
                        {c.pipelineStatus && isPipelineStatus(c.pipelineStatus) ? `: ${t(`pipelineStatus.${c.pipelineStatus}`)}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </Table.Cell>
              <Table.Cell className="num">{number(m.schemes)}</Table.Cell>
              <Table.Cell className="num">
                {f.signed(m.gap)}
                <span className="cell-note">{t('region.peers', { expected: f.mean(m.peers.expected), size: number(m.peers.size) })}</span>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </TableBox>
      <CoverageLine coverage={overview.coverage} basis={t('region.municipalities.basis')} />
    </section>
  );
}
