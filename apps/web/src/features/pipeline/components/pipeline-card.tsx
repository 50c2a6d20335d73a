import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PipelineItem } from '@varde/contracts/pipeline-api';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { DeadlineText } from '../../schemes/components/call-deadline';
import { PipelineItemEditor } from './pipeline-item-editor';
import { editButtonId, itemHeadingId, type EditingProps } from './use-pipeline-editing';

const NOTES_SHOWN = 160;

export function notesExcerpt(notes: string): string {
  const text = notes.trim().replace(/\s+/g, ' ');
  return text.length > NOTES_SHOWN ? `${text.slice(0, NOTES_SHOWN - 1).trimEnd()}…` : text;
}

/** One scheme or call on the board, with its edit form opening in place. */
export function PipelineCard({ item, headingLevel, ...editing }: EditingProps & { item: PipelineItem; headingLevel: 3 | 4 }) {
  const { t, dateTime } = useI18n();
  const isOpen = editing.editing === item.id;
  const formId = `pipeline-form-${item.id}`;
  return (
    <article className="pipeline-card" aria-labelledby={itemHeadingId(item.id)}>
      <Heading level={headingLevel} data-size="2xs" id={itemHeadingId(item.id)} tabIndex={-1} className="pipeline-card__title">
        <AppLink to={`/ordninger/${item.schemeId}`}>{item.schemeName}</AppLink>
      </Heading>
      <dl className="pipeline-card__facts">
        <div>
          <dt>{t('pipeline.field.call')}</dt>
          <dd>{item.callTitle ?? t('pipeline.wholeScheme')}</dd>
        </div>
        {item.callDeadline ? (
          <div>
            <dt>{t('field.deadline')}</dt>
            <dd>
              <DeadlineText deadline={item.callDeadline} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('field.assigneeUserId')}</dt>
          <dd>{item.assignee?.name ?? t('pipeline.noAssignee')}</dd>
        </div>
        {item.notes.trim() ? (
          <div>
            <dt>{t('field.notes')}</dt>
            <dd className="pipeline-card__notes">{notesExcerpt(item.notes)}</dd>
          </div>
        ) : null}
      </dl>
      <Paragraph data-size="sm" className="muted">
        {item.updatedBy
          ? t('pipeline.updatedBy', { when: dateTime(item.updatedAt), name: item.updatedBy.name })
          : t('pipeline.updatedAt', { when: dateTime(item.updatedAt) })}
      </Paragraph>
      {isOpen ? (
        <div id={formId}>
          <PipelineItemEditor item={item} editing={editing} />
        </div>
      ) : (
        <div>
          <Button id={editButtonId(item.id)} variant="secondary" data-size="sm" aria-expanded={false} onClick={() => editing.open(item.id)}>
            {t('pipeline.edit')}
            <span className="ds-sr-only"> ({item.schemeName})</span>
          </Button>
        </div>
      )}
    </article>
  );
}
