import type { MembershipRole } from '@varde/contracts';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const updateMemberRole = (api: Api, input: { organisationId: string; userId: string; role: MembershipRole }) =>
  api.send('PATCH', `/api/organisations/${input.organisationId}/members/${input.userId}`, { role: input.role });

export const useUpdateMemberRole = () => useMutation(updateMemberRole);
