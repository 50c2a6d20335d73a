import { Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PipelineItem } from '@varde/contracts/pipeline-api';
import { useI18n } from '../../../i18n/i18n';
import { boardStatuses, statusLabel } from '../statuses';
import { PipelineCard } from './pipeline-card';
import type { EditingProps } from './use-pipeline-editing';

/**
 * One column per status, "not relevant" folded away below; on a phone the columns stack, with links to
 * each above them. Moving a card is done in its edit form
 * (status field), which works by keyboard and screen reader; there is no drag and drop.
 */
export function PipelineBoard({ items, ...editing }: EditingProps & { items: PipelineItem[] }) {
  const { t } = useI18n();
  const notRelevant = items.filter((i) => i.status === 'not_relevant');
  return (
    <div className="stack">
      {/* On a phone the columns stack: links lead to each, with its count (hidden where they sit side by side). */}
      <nav className="pipeline-jump" aria-label={t('pipeline.columnsNav')}>
        <ul>
          {boardStatuses.map((status) => (
            <li key={status}>
              <a className="ds-link" href={`#pipeline-column-${status}`}>
                {statusLabel(t, status)} ({items.filter((i) => i.status === status).length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="pipeline-board">
        {boardStatuses.map((status) => {
          const column = items.filter((i) => i.status === status);
          const headingId = `pipeline-column-${status}-heading`;
          return (
            <section key={status} id={`pipeline-column-${status}`} className="pipeline-column" aria-labelledby={headingId}>
              <Heading level={3} data-size="xs" id={headingId} className="pipeline-column__heading">
                {statusLabel(t, status)} <span className="pipeline-column__count">({column.length})</span>
              </Heading>
              {column.length === 0 ? (
                <Paragraph data-size="sm" className="muted">
                  {t('pipeline.emptyColumn')}
                </Paragraph>
              ) : (
                <ul className="plain-list pipeline-column__items">
                  {column.map((item) => (
                    <li key={item.id}>
                      <PipelineCard item={item} headingLevel={4} {...editing} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <Details data-color="neutral">
        <Details.Summary>{t('pipeline.notRelevantSummary', { count: notRelevant.length })}</Details.Summary>
        <Details.Content>
          <Paragraph data-size="sm">{t('pipeline.notRelevantHint')}</Paragraph>
          {notRelevant.length === 0 ? (
            <Paragraph data-size="sm" className="muted">
              {t('pipeline.emptyColumn')}
            </Paragraph>
          ) : (
            <ul className="plain-list pipeline-column__items pipeline-column__items--wide">
              {notRelevant.map((item) => (
                <li key={item.id}>
                  <PipelineCard item={item} headingLevel={3} {...editing} />
                </li>
              ))}
            </ul>
          )}
        </Details.Content>
      </Details>
    </div>
  );
}
