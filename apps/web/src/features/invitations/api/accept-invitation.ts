import type { AcceptInvitationBody, Session } from '@varde/contracts';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const acceptInvitation = (api: Api, { token, ...body }: AcceptInvitationBody & { token: string }) =>
  api.send<Session>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, body);

export const useAcceptInvitation = () => useMutation(acceptInvitation);
