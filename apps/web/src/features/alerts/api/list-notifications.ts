import type { NotificationList } from '@varde/contracts/alerts-api';
import type { Api } from '../../../app/api-client';

export const listNotifications = (api: Api) => api.get<NotificationList>('/api/notifications');
