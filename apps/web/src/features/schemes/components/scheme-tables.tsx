import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { Scheme, SchemeSource } from '@varde/contracts/schemes';
import type { CallView } from '@varde/contracts/catalogue-api';
import { ExternalLink } from '../../../components/external-link';
import { useSchemeFormat } from '../format';
import { CallStatusText, DeadlineText, ForecastBasisText } from './call-deadline';
import { sourceAnchor, SourceRefs } from './evidence';
import { Icon } from './icons';

/** Assessment criteria: name, what is assessed, and the scale or weight when published. */
export function CriteriaTable({ criteria, caption }: { criteria: Scheme['criteria']['items']; caption: string }) {
  const { t, lang, number } = useSchemeFormat();
  if (criteria.length === 0) return <Paragraph>{t('scheme.criteriaNone')}</Paragraph>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="criteria-caption">
      <Table zebra data-size="sm">
        <caption id="criteria-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <th scope="col">{t('scheme.criterion')}</th>
            <th scope="col">{t('scheme.criterionDescription')}</th>
            <th scope="col">{t('scheme.scaleOrWeight')}</th>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {criteria.map((c, i) => (
            <Table.Row key={i}>
              <th scope="row">{c.name[lang]}</th>
              <Table.Cell>{c.description[lang]}</Table.Cell>
              <Table.Cell>
                {[
                  c.scale ? t('scheme.scale', { scale: c.scale }) : null,
                  c.weight !== null ? t('scheme.weight', { weight: number(c.weight, Number.isInteger(c.weight) ? 0 : 2) }) : null,
                ]
                  .filter(Boolean)
                  .join(', ') || t('scheme.notPublished')}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * Past, announced and forecast calls. A county-run scheme's calls name their region; a deadline
 * without a stated time says so; a forecast says how sure it is and what it rests on.
 */
export function CallTable({
  calls,
  storedCalls,
  sources,
  caption,
  reportedCallIds = [],
}: {
  calls: CallView[];
  /** Every stored call of the scheme, to name the calls a forecast rests on. */
  storedCalls: Scheme['calls'];
  sources: SchemeSource[];
  caption: string;
  /** Calls with an open report: marked "reported as possibly outdated" (nobody is named). */
  reportedCallIds?: readonly string[];
}) {
  const { t, lang, nok, date } = useSchemeFormat();
  if (calls.length === 0) return <Paragraph>{t('scheme.callsNone')}</Paragraph>;
  const regional = calls.some((c) => c.region);
  const titleOf = (id: string) => storedCalls.find((c) => c.id === id)?.title[lang] ?? id;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="calls-caption">
      <Table zebra data-size="sm" className="call-table">
        <caption id="calls-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <th scope="col">{t('scheme.callTitle')}</th>
            {regional ? <th scope="col">{t('scheme.callRegion')}</th> : null}
            <th scope="col">{t('scheme.callOpens')}</th>
            <th scope="col">{t('scheme.callDeadline')}</th>
            <th scope="col" className="num">
              {t('scheme.callBudget')}
            </th>
            <th scope="col">{t('scheme.callStatus')}</th>
            <th scope="col">{t('scheme.callSource')}</th>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {calls.map((call) => (
            <Table.Row key={call.uid || call.id} className={call.predicted ? 'call-row--predicted' : undefined}>
              <th scope="row">
                {call.title[lang]}
                {!call.predicted && reportedCallIds.includes(call.id) ? (
                  <span className="call-reported">
                    <Icon name="warning" />
                    {t('scheme.facts.callReported')}
                  </span>
                ) : null}
              </th>
              {regional ? <Table.Cell>{call.region ? call.region[lang] : t('scheme.wholeCountry')}</Table.Cell> : null}
              <Table.Cell>{call.opensOn ? <time dateTime={call.opensOn}>{date(call.opensOn)}</time> : t('scheme.notPublished')}</Table.Cell>
              <Table.Cell>
                <DeadlineText deadline={call.deadline} />
              </Table.Cell>
              <Table.Cell className="num">{call.budgetNok !== null ? nok(call.budgetNok) : t('scheme.notPublished')}</Table.Cell>
              <Table.Cell>
                {/* "Forventet" is enough here: the next column says what the forecast rests on. */}
                <CallStatusText call={call} short />
              </Table.Cell>
              <Table.Cell>
                {call.predicted && call.forecast ? (
                  <ForecastBasisText forecast={call.forecast} titleOf={titleOf} />
                ) : (
                  <SourceRefs ids={call.sourceIds} sources={sources} />
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * Every source of the page. A date is shown only where the document records one; when the facts were
 * checked in Varde is said once, at the top of the page.
 */
export function SourceList({ sources }: { sources: SchemeSource[] }) {
  const { t, date } = useSchemeFormat();
  return (
    <ol className="source-list">
      {sources.map((source) => (
        <li key={source.id} id={sourceAnchor(source.id)} tabIndex={-1}>
          <ExternalLink href={source.url}>{source.title}</ExternalLink>
          <span className="source-list__url">{source.url}</span>
          {source.checkedAt ? <span className="muted">{t('scheme.checkedAt', { date: date(source.checkedAt) })}</span> : null}
        </li>
      ))}
    </ol>
  );
}
