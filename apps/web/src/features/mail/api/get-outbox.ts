import type { Outbox } from '@varde/contracts/mail-api';
import type { Api } from '../../../app/api-client';

export const getOutbox = (api: Api) => api.get<Outbox>('/api/admin/outbox');
