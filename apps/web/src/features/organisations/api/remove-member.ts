import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const removeMember = (api: Api, input: { organisationId: string; userId: string }) =>
  api.send('DELETE', `/api/organisations/${input.organisationId}/members/${input.userId}`);

export const useRemoveMember = () => useMutation(removeMember);
