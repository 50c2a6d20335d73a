import type { Member } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const listMembers = (api: Api, organisationId: string) => api.get<Member[]>(`/api/organisations/${organisationId}/members`);
