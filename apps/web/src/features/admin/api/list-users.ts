import type { UserSummary } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const listUsers = (api: Api) => api.get<UserSummary[]>('/api/admin/users');
