import type { ChangePasswordBody } from '@varde/contracts';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const changePassword = (api: Api, body: ChangePasswordBody) => api.send('POST', '/api/auth/password', body);

export const useChangePassword = () => useMutation(changePassword);
