import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const revokeInvitation = (api: Api, input: { organisationId: string; invitationId: string }) =>
  api.send('DELETE', `/api/organisations/${input.organisationId}/invitations/${input.invitationId}`);

export const useRevokeInvitation = () => useMutation(revokeInvitation);
