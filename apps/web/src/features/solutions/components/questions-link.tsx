import { useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { QuestionUnread } from '@varde/contracts/solutions-api';
import { createApi, fetchTransport } from '../../../app/api-client';
import { useI18n } from '../../../i18n/i18n';

/**
 * In the header of a signed-in user, only while there are unread messages in conversations about
 * solutions: "New messages (2)", to the page with the organisation's conversations. Asked once per
 * page address after hydration (the server render shows nothing, so hydration always matches).
 */
export function QuestionsLink() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let cancelled = false;
    createApi(fetchTransport)
      .get<QuestionUnread>('/api/solution-questions/unread')
      .then((answer) => {
        if (!cancelled) setUnread(answer.unread);
      })
      // The header works without it; a failure is not worth a message.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [pathname]);
  if (unread === 0) return null;
  return (
    <NavLink to="/losninger/mine" className="ds-link notifications-link">
      {t('library.newMessages')}
      <span className="notifications-link__count">
        {unread}
        <span className="ds-sr-only"> {t('library.unreadLabel')}</span>
      </span>
    </NavLink>
  );
}
