import type { County } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const listCounties = (api: Api) => api.get<County[]>('/api/counties');
