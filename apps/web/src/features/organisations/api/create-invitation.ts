import type { CreatedInvitation, CreateInvitationBody } from '@varde/contracts';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const createInvitation = (api: Api, { organisationId, ...body }: CreateInvitationBody & { organisationId: string }) =>
  api.send<CreatedInvitation>('POST', `/api/organisations/${organisationId}/invitations`, body);

export const useCreateInvitation = () => useMutation(createInvitation);
