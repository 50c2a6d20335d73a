import type { Session } from '@varde/contracts';
import type { SetupBody } from '@varde/contracts/mail-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const completeSetup = (api: Api, { token, ...body }: SetupBody & { token: string }) =>
  api.send<Session>('POST', `/api/setup/${encodeURIComponent(token)}`, body);

export const useCompleteSetup = () => useMutation(completeSetup);
