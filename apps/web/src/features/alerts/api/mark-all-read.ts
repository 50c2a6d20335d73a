import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const markAllRead = (api: Api) => api.send('POST', '/api/notifications/read');

export const useMarkAllRead = () => useMutation(markAllRead);
