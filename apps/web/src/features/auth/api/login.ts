import type { LoginBody, Session } from '@varde/contracts';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const login = (api: Api, body: LoginBody) => api.send<Session>('POST', '/api/auth/login', body);

export const useLogin = () => useMutation(login);
