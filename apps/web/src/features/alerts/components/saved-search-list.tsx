import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { limits } from '@varde/contracts/vocabulary';
import type { SavedSearch } from '@varde/contracts/alerts-api';
import { AppLink } from '../../../components/app-link';
import { ActionStatus, ConfirmStep, useListActions } from '../../../components/list-actions';
import { useI18n } from '../../../i18n/i18n';
import { useDeleteSavedSearch } from '../api/delete-saved-search';
import { finderHref } from '../../schemes/api/list-schemes';

const HEADING_ID = 'saved-searches-heading';

/** The user's saved finder searches: open one in the finder, or delete it (with a confirm step). */
export function SavedSearchList({ items }: { items: SavedSearch[] }) {
  const { t, dateTime } = useI18n();
  const remove = useDeleteSavedSearch();
  const actions = useListActions(HEADING_ID);

  return (
    <section className="section" aria-labelledby={HEADING_ID}>
      <Heading level={2} data-size="sm" id={HEADING_ID} tabIndex={-1}>
        {t('alerts.searchesHeading')}
      </Heading>
      <Paragraph>{t('alerts.searchesLead')}</Paragraph>
      {items.length > 0 ? <Paragraph>{t('alerts.searchesCount', { count: items.length, limit: limits.savedSearchesPerUser })}</Paragraph> : null}
      <ActionStatus done={actions.done} error={remove.state.status === 'error' ? remove.state.error : null} />
      {items.length === 0 ? (
        <Paragraph>
          {t('alerts.noSearches')} <AppLink to="/ordninger">{t('alerts.toFinder')}</AppLink>
        </Paragraph>
      ) : (
        <ul className="plain-list notification-list">
          {items.map((search) => (
            <li key={search.id} className="notification">
              <Heading level={3} data-size="2xs">
                {search.name}
              </Heading>
              <Paragraph data-size="sm" className="muted">
                {t('alerts.searchSaved', { when: dateTime(search.createdAt) })}
              </Paragraph>
              <div className="inline-actions">
                <AppLink to={finderHref(search.query)}>
                  {t('alerts.openSearch')}
                  <span className="ds-sr-only"> ({search.name})</span>
                </AppLink>
                <ConfirmStep
                  actions={actions}
                  rowKey={search.id}
                  id={`delete-search-${search.id}`}
                  label={t('alerts.deleteSearch')}
                  confirmLabel={t('alerts.confirmDelete')}
                  name={search.name}
                  pending={remove.state.status === 'pending'}
                  onConfirm={() => void actions.run(() => remove.mutate(search.id), t('alerts.searchDeleted', { name: search.name }))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
