import type { NeedsProfile } from '@varde/contracts/needs-api';
import type { Api } from '../../../app/api-client';

export const getNeeds = (api: Api, organisationId: string) => api.get<NeedsProfile>(`/api/organisations/${organisationId}/needs`);
