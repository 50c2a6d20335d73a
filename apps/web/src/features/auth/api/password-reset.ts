import type { PasswordResetConfirm, PasswordResetRequest } from '@varde/contracts/mail-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const requestPasswordReset = (api: Api, body: PasswordResetRequest) => api.send('POST', '/api/auth/password-reset', body);
const resetPassword = (api: Api, body: PasswordResetConfirm) => api.send('POST', '/api/auth/password-reset/confirm', body);

export const useRequestPasswordReset = () => useMutation(requestPasswordReset);
export const useResetPassword = () => useMutation(resetPassword);

/** Same rule as the API's token parameter: anything else cannot be a link from an e-mail. */
export const isMailToken = (token: string | undefined): token is string => !!token && /^[A-Za-z0-9_-]{20,100}$/.test(token);
