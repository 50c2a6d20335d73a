import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../../../i18n/i18n';
import { useUnreadCount } from '../unread-count';

/** "Varsler" in the header, with the number of unread notifications once it is known. */
export function NotificationsLink() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const unread = useUnreadCount(true, pathname === '/varsler');
  return (
    <NavLink to="/varsler" className="ds-link notifications-link">
      {t('nav.notifications')}
      {unread ? (
        <span className="notifications-link__count">
          {unread}
          <span className="ds-sr-only"> {t('alerts.unreadLabel')}</span>
        </span>
      ) : null}
    </NavLink>
  );
}
