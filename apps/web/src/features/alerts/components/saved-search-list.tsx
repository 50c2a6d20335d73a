import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import { limits } from '@varde/contracts/roles';
import type { SavedSearch } from '@varde/contracts/schemes-api';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { useDeleteSavedSearch } from '../api/delete-saved-search';
import { finderHref } from '../../schemes/api/list-schemes';

const HEADING_ID = 'saved-searches-heading';

/** The user's saved finder searches: open one in the finder, or delete it (with a confirm step). */
export function SavedSearchList({ items }: { items: SavedSearch[] }) {
  const { t, dateTime } = useI18n();
  const revalidator = useRevalidator();
  const remove = useDeleteSavedSearch();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const returnFocus = useRef<string | null>(null);
  useEffect(() => {
    if (confirming !== null || !returnFocus.current) return;
    document.getElementById(returnFocus.current)?.focus();
    returnFocus.current = null;
  }, [confirming]);

  async function deleteSearch(search: SavedSearch) {
    setDone(null);
    const result = await remove.mutate(search.id);
    setConfirming(null);
    if (!result.ok) return;
    await revalidator.revalidate();
    setDone(t('alerts.searchDeleted', { name: search.name }));
    document.getElementById(HEADING_ID)?.focus();
  }

  return (
    <section className="section" aria-labelledby={HEADING_ID}>
      <Heading level={2} data-size="sm" id={HEADING_ID} tabIndex={-1}>
        {t('alerts.searchesHeading')}
      </Heading>
      <Paragraph>{t('alerts.searchesLead')}</Paragraph>
      {items.length > 0 ? <Paragraph>{t('alerts.searchesCount', { count: items.length, limit: limits.savedSearchesPerUser })}</Paragraph> : null}
      <div role="status">
        {done ? <Paragraph>{done}</Paragraph> : null}
        {remove.state.status === 'error' ? (
          <Alert data-color="danger">
            <Paragraph>{remove.state.error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
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
                {confirming === search.id ? (
                  <>
                    <Button key="confirm" data-size="sm" data-color="danger" autoFocus loading={remove.state.status === 'pending'} onClick={() => void deleteSearch(search)}>
                      {t('alerts.confirmDelete')}
                      <span className="ds-sr-only"> ({search.name})</span>
                    </Button>
                    <Button
                      key="cancel"
                      data-size="sm"
                      variant="tertiary"
                      onClick={() => {
                        returnFocus.current = `delete-search-${search.id}`;
                        setConfirming(null);
                      }}
                    >
                      {t('common.cancel')}
                    </Button>
                  </>
                ) : (
                  <Button key="delete" id={`delete-search-${search.id}`} data-size="sm" variant="tertiary" data-color="danger" onClick={() => setConfirming(search.id)}>
                    {t('alerts.deleteSearch')}
                    <span className="ds-sr-only"> ({search.name})</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
