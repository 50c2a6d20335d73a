import type { SchemeOptions } from '@varde/contracts/participation-api';
import type { Api } from '../../../app/api-client';

export const listParticipationSchemes = (api: Api) => api.get<SchemeOptions>('/api/participation/schemes');
