import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const dismissNotification = (api: Api, notificationId: string) => api.send('POST', `/api/notifications/${notificationId}/dismiss`);

export const useDismissNotification = () => useMutation(dismissNotification);
