import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Notification } from '@varde/contracts/alerts-api';
import { AppLink } from '../../../components/app-link';
import { ActionStatus, useListActions } from '../../../components/list-actions';
import { useI18n } from '../../../i18n/i18n';
import { useDismissNotification } from '../api/dismiss-notification';
import { useMarkAllRead } from '../api/mark-all-read';
import { setUnreadCount } from '../unread-count';

const HEADING_ID = 'notifications-heading';

/** Newest first, each with a dismiss button; "mark all read" when something is unread. */
export function NotificationList({ items, unread }: { items: Notification[]; unread: number }) {
  const { t, dateTime } = useI18n();
  const dismiss = useDismissNotification();
  const markRead = useMarkAllRead();
  const actions = useListActions(HEADING_ID);
  const error = dismiss.state.status === 'error' ? dismiss.state.error : markRead.state.status === 'error' ? markRead.state.error : null;

  function remove(item: Notification, index: number) {
    // The next item's button takes the removed one's place; after the last, go back to the heading.
    const next = items[index + 1] ?? items[index - 1];
    return actions.run(() => dismiss.mutate(item.id), t('alerts.dismissed', { scheme: item.schemeName }), next ? `dismiss-${next.id}` : HEADING_ID);
  }

  function readAll() {
    return actions.run(async () => {
      const result = await markRead.mutate(undefined);
      if (result.ok) setUnreadCount(0);
      return result;
    }, t('alerts.allRead'));
  }

  return (
    <section className="section" aria-labelledby={HEADING_ID}>
      <div className="toolbar">
        <Heading level={2} data-size="sm" id={HEADING_ID} tabIndex={-1}>
          {t('alerts.notificationsHeading', { unread })}
        </Heading>
        {unread > 0 ? (
          <Button variant="secondary" data-size="sm" loading={markRead.state.status === 'pending'} onClick={() => void readAll()}>
            {t('alerts.markAllRead')}
          </Button>
        ) : null}
      </div>
      <ActionStatus done={actions.done} error={error} />
      {items.length === 0 ? (
        <Paragraph>{t('alerts.noNotifications')}</Paragraph>
      ) : (
        <ul className="plain-list notification-list">
          {items.map((item, index) => (
            <li key={item.id} className={item.read ? 'notification' : 'notification notification--unread'}>
              <div className="notification__meta">
                <Tag data-color={item.kind === 'deadline_soon' || item.kind === 'fact_report' ? 'warning' : 'info'} data-size="sm">
                  {t(`alerts.kind.${item.kind}`)}
                </Tag>
                {item.read ? null : (
                  <Tag data-color="accent" data-size="sm">
                    {t('alerts.unread')}
                  </Tag>
                )}
                <span className="muted">{dateTime(item.createdAt)}</span>
              </div>
              <Paragraph>{item.message}</Paragraph>
              {item.changes?.length ? (
                <ul className="change-list">
                  {item.changes.map((change, i) => (
                    <li key={i}>{change}</li>
                  ))}
                </ul>
              ) : null}
              <div className="inline-actions">
                {/* A report of a wrong fact is answered on the work list; everything else is read on the scheme's page. */}
                {item.kind === 'fact_report' ? (
                  <AppLink to="/ordninger/rapporter">{t('alerts.openReports')}</AppLink>
                ) : (
                  <AppLink to={`/ordninger/${item.schemeId}`}>{t('alerts.openScheme', { scheme: item.schemeName })}</AppLink>
                )}
                <Button id={`dismiss-${item.id}`} variant="tertiary" data-size="sm" onClick={() => void remove(item, index)}>
                  {t('alerts.dismiss')}
                  <span className="ds-sr-only"> ({item.schemeName})</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
