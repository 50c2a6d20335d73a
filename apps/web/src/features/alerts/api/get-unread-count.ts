import type { UnreadCount } from '@varde/contracts/alerts-api';
import type { Api } from '../../../app/api-client';

/** Counts stored unread notifications only: cheap enough for the header on every page. */
export const getUnreadCount = (api: Api) => api.get<UnreadCount>('/api/notifications/unread-count');
