import { Button, Table } from '@digdir/designsystemet-react';
import type { PipelineItem } from '@varde/contracts/pipeline-api';
import { pipelineStatuses } from '@varde/contracts/vocabulary';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { DeadlineText } from '../../schemes/components/call-deadline';
import { statusLabel } from '../statuses';
import { notesExcerpt } from './pipeline-card';
import { PipelineItemEditor } from './pipeline-item-editor';
import { editButtonId, itemHeadingId, type EditingProps } from './use-pipeline-editing';

const COLUMNS = 8;

/** The whole pipeline as one table, sorted by status (board order), then deadline; edit forms open in a row below. */
export function PipelineTable({ items, caption, ...editing }: EditingProps & { items: PipelineItem[]; caption: string }) {
  const { t, dateTime } = useI18n();
  const rank = (item: PipelineItem) => pipelineStatuses.indexOf(item.status);
  const sorted = [...items].sort((a, b) => rank(a) - rank(b));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="pipeline-table-caption">
      <Table data-size="sm" zebra className="pipeline-table">
        <caption id="pipeline-table-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('field.schemeId')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('pipeline.field.call')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.deadline')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.assigneeUserId')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.notes')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('pipeline.lastChanged')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('pipeline.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sorted.flatMap((item) => {
            const isOpen = editing.editing === item.id;
            const row = (
              <Table.Row key={item.id}>
                <th scope="row" id={itemHeadingId(item.id)} tabIndex={-1}>
                  <AppLink to={`/ordninger/${item.schemeId}`}>{item.schemeName}</AppLink>
                </th>
                <Table.Cell>{item.callTitle ?? t('pipeline.wholeScheme')}</Table.Cell>
                <Table.Cell>{item.callDeadline ? <DeadlineText deadline={item.callDeadline} /> : '–'}</Table.Cell>
                <Table.Cell>{statusLabel(t, item.status)}</Table.Cell>
                <Table.Cell>{item.assignee?.name ?? t('pipeline.noAssignee')}</Table.Cell>
                <Table.Cell>{item.notes.trim() ? notesExcerpt(item.notes) : '–'}</Table.Cell>
                <Table.Cell>
                  {item.updatedBy
                    ? t('pipeline.updatedBy', { when: dateTime(item.updatedAt), name: item.updatedBy.name })
                    : t('pipeline.updatedAt', { when: dateTime(item.updatedAt) })}
                </Table.Cell>
                <Table.Cell>
                  <Button id={editButtonId(item.id)} variant="secondary" data-size="sm" aria-expanded={isOpen} onClick={() => editing.open(item.id)}>
                    {t('pipeline.edit')}
                    <span className="ds-sr-only"> ({item.schemeName})</span>
                  </Button>
                </Table.Cell>
              </Table.Row>
            );
            if (!isOpen) return [row];
            return [
              row,
              <Table.Row key={`${item.id}-form`}>
                <Table.Cell colSpan={COLUMNS}>
                  <PipelineItemEditor item={item} editing={editing} />
                </Table.Cell>
              </Table.Row>,
            ];
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
