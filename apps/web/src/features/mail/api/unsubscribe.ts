import type { UnsubscribeInfo } from '@varde/contracts/mail-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const getUnsubscribe = (api: Api, token: string) => api.get<UnsubscribeInfo>(`/api/mail/unsubscribe/${encodeURIComponent(token)}`);

const unsubscribe = (api: Api, token: string) => api.send<UnsubscribeInfo>('POST', `/api/mail/unsubscribe/${encodeURIComponent(token)}`, {});

export const useUnsubscribe = () => useMutation(unsubscribe);
