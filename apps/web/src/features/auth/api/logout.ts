import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const logout = (api: Api) => api.send('POST', '/api/auth/logout');

export const useLogout = () => useMutation((api: Api, _input: void) => logout(api));
