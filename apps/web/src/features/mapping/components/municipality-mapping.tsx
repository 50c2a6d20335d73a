import { Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { MunicipalityGap } from '@varde/contracts/mapping-api';
import { AppLink } from '../../../components/app-link';
import { Histogram } from '../../../components/charts/histogram';
import { useMappingFormat } from '../format';
import { CoverageLine, CoverageStatement } from './coverage';
import { TableBox } from './table-box';

/**
 * The municipality page's participation section: how many schemes it takes part in against similar
 * municipalities (and how many those are), its participations per year, the schemes it takes part
 * in, the schemes its register facts admit that it has not used (with the next call), and its peers.
 */
export function MunicipalityMapping({ gap, name }: { gap: MunicipalityGap; name: string }) {
  const f = useMappingFormat();
  const { t, number, date } = f;
  const { row, peers } = gap;
  // Every year from the first to the last, the years without a participation as 0.
  const first = gap.history[0]?.year;
  const last = gap.history.at(-1)?.year;
  const history =
    first === undefined || last === undefined
      ? []
      : Array.from({ length: last - first + 1 }, (_, i) => gap.history.find((h) => h.year === first + i) ?? { year: first + i, participations: 0, schemes: 0 });
  const peerText =
    row.peers.basis === 'class_and_band'
      ? t('municipalityGap.peersClassBand', {
          class: f.classLabel(row.peers.centralityClass),
          band: row.peers.band ? f.bandLabel(row.peers.band) : '',
          size: number(row.peers.size),
        })
      : t('municipalityGap.peersClass', { class: f.classLabel(row.peers.centralityClass), size: number(row.peers.size) });
  return (
    <section className="section" aria-labelledby="deltakelse-gap">
      <Heading level={2} data-size="sm" id="deltakelse-gap">
        {t('municipalityGap.heading')}
      </Heading>
      <Paragraph>
        {t('municipalityGap.summary', { name, schemes: number(row.schemes), participations: number(row.participations) })} {peerText}{' '}
        {t('municipalityGap.expected', { expected: f.mean(row.peers.expected), gap: f.signed(row.gap) })}
      </Paragraph>
      {history.length > 0 ? (
        <Histogram
          caption={t('municipalityGap.historyChart', { name })}
          axisLabel={t('municipalityGap.year')}
          bins={history.map((h) => ({
            key: String(h.year),
            label: String(h.year),
            value: h.participations,
            description: t('municipalityGap.historyBin', { year: h.year, participations: number(h.participations), schemes: number(h.schemes) }),
          }))}
          table={
            <TableBox id="gap-history" caption={t('municipalityGap.historyChart', { name })} compact>
              <Table.Head>
                <Table.Row>
                  <th scope="col">{t('municipalityGap.year')}</th>
                  <th scope="col" className="num">
                    {t('analytics.col.participations')}
                  </th>
                  <th scope="col" className="num">
                    {t('analytics.col.schemes')}
                  </th>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.map((h) => (
                  <Table.Row key={h.year}>
                    <th scope="row">{h.year}</th>
                    <Table.Cell className="num">{number(h.participations)}</Table.Cell>
                    <Table.Cell className="num">{number(h.schemes)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </TableBox>
          }
        />
      ) : null}

      <Heading level={3} data-size="xs">
        {t('municipalityGap.takesPartHeading')}
      </Heading>
      {gap.takesPartIn.length === 0 ? (
        <Paragraph>{t('municipalityGap.takesPartNone', { name })}</Paragraph>
      ) : (
        <ul className="plain-bullets">
          {gap.takesPartIn.map((s) => (
            <li key={s.scheme.key}>
              {s.scheme.catalogueId ? <AppLink to={`/ordninger/${s.scheme.catalogueId}`}>{s.scheme.name}</AppLink> : s.scheme.name}:{' '}
              {t('municipalityGap.takesPartLine', {
                years: s.years.join(', '),
                count: number(s.participations),
                roles: s.roles.map((r) => t(`municipalityGap.role.${r}`)).join(', '),
              })}
            </li>
          ))}
        </ul>
      )}

      <Heading level={3} data-size="xs">
        {t('municipalityGap.notUsedHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('municipalityGap.notUsedLead')}</Paragraph>
      {gap.eligibleNotUsed.length === 0 ? (
        <Paragraph>{t('municipalityGap.notUsedNone')}</Paragraph>
      ) : (
        <ul className="plain-bullets">
          {gap.eligibleNotUsed.map((s) => (
            <li key={s.scheme.key}>
              {s.scheme.catalogueId ? (
                <AppLink to={`/ordninger/${s.scheme.catalogueId}?municipality=${row.municipality.code}`}>{s.scheme.name}</AppLink>
              ) : (
                s.scheme.name
              )}{' '}
              ({t(`municipalityGap.verdict.${s.verdict}`)})
              {s.nextCall
                ? `: ${
                    s.nextCall.deadline
                      ? t(s.nextCall.open ? 'municipalityGap.openUntil' : 'municipalityGap.nextDeadline', { date: date(s.nextCall.deadline) })
                      : t(s.nextCall.open ? 'municipalityGap.openNoDeadline' : 'municipalityGap.nextNoDeadline')
                  }`
                : ''}
            </li>
          ))}
        </ul>
      )}

      {peers.length > 0 ? (
        <Details>
          <Details.Summary>{t('municipalityGap.peersShow', { size: number(peers.length) })}</Details.Summary>
          <Details.Content>
            <TableBox id="gap-peers" caption={t('municipalityGap.peersCaption', { size: number(peers.length) })} compact>
              <Table.Head>
                <Table.Row>
                  <th scope="col">{t('analytics.col.municipality')}</th>
                  <th scope="col" className="num">
                    {t('analytics.col.schemes')}
                  </th>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {peers.map((p) => (
                  <Table.Row key={p.municipality.code} className={p.municipality.code === row.municipality.code ? 'is-self' : undefined}>
                    <th scope="row">
                      {p.municipality.code === row.municipality.code ? (
                        <>
                          {p.municipality.name} <span className="cell-note">{t('municipalityGap.self')}</span>
                        </>
                      ) : (
                        <a className="ds-link" href={`/kommuner/${p.municipality.code}`}>
                          {p.municipality.name}
                        </a>
                      )}
                    </th>
                    <Table.Cell className="num">{number(p.schemes)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </TableBox>
          </Details.Content>
        </Details>
      ) : null}
      <CoverageLine coverage={gap.coverage} basis={t('municipalityGap.basis')} />
      <Paragraph data-size="sm">
        <AppLink to={`/kartlegging?fylke=${row.municipality.countyCode}`}>
          {t('municipalityGap.analyticsLink', { county: row.municipality.countyName })}
        </AppLink>
      </Paragraph>
      <CoverageStatement coverage={gap.coverage} headingLevel={3} />
    </section>
  );
}
