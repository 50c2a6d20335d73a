import type { ParticipationRecord } from '@varde/contracts/participation-api';
import type { Api } from '../../../app/api-client';

export const getRecord = (api: Api, id: string) => api.get<ParticipationRecord>(`/api/participation/${id}`);
