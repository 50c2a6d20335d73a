import { useEffect } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { listNotifications } from '../../features/alerts/api/list-notifications';
import { listSavedSearches } from '../../features/alerts/api/list-saved-searches';
import { NotificationList } from '../../features/alerts/components/notification-list';
import { SavedSearchList } from '../../features/alerts/components/saved-search-list';
import { setUnreadCount } from '../../features/alerts/unread-count';
import { getSession } from '../../features/auth/api/get-session';
import { useI18n } from '../../i18n/i18n';
import { apiFrom } from '../api-client';
import { orRouteError, signInRedirect } from '../route-errors';
import type { RouteHandle } from '../route-handle';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiFrom(context);
  const session = await orRouteError(request, getSession(api));
  if (!session.user) throw signInRedirect(request);
  const [notifications, searches] = await orRouteError(request, Promise.all([listNotifications(api), listSavedSearches(api)]));
  return { notifications, searches: searches.items };
}

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: RouteHandle<Data> = { title: (t) => t('alerts.title') };

export function Component() {
  const { notifications, searches } = useLoaderData<Data>();
  const { t } = useI18n();
  // The header's count comes from here while this page is open (no second request).
  useEffect(() => setUnreadCount(notifications.unread), [notifications.unread]);
  return (
    <div className="page">
      <div className="stack">
        <PageHeading>{t('alerts.heading')}</PageHeading>
        <Paragraph className="lead">{t('alerts.lead')}</Paragraph>
      </div>
      <NotificationList items={notifications.items} unread={notifications.unread} />
      <SavedSearchList items={searches} />
    </div>
  );
}
