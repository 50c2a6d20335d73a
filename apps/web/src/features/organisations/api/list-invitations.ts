import type { Invitation } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const listInvitations = (api: Api, organisationId: string) => api.get<Invitation[]>(`/api/organisations/${organisationId}/invitations`);
