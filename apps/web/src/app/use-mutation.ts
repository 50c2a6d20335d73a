import { useCallback, useRef, useState } from 'react';
import { useSession } from '../features/auth/api/get-session';
import { useI18n } from '../i18n/i18n';
import { ApiError, createApi, fetchTransport, type Api } from './api-client';

export type MutationState<O> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'success'; data: O }
  | { status: 'error'; error: ApiError; attempt: number };

/**
 * Runs a write against the API from the browser with the session's CSRF token. `attempt` grows with
 * each failure so an error summary can re-mount and take focus again on a repeated failed submit.
 */
export function useMutation<I, O>(write: (api: Api, input: I) => Promise<O>) {
  const { csrfToken } = useSession();
  const { t } = useI18n();
  const [state, setState] = useState<MutationState<O>>({ status: 'idle' });
  const failures = useRef(0);

  const mutate = useCallback(
    async (input: I): Promise<{ ok: true; data: O } | { ok: false; error: ApiError }> => {
      setState({ status: 'pending' });
      try {
        const result = await write(createApi(fetchTransport, csrfToken), input);
        setState({ status: 'success', data: result });
        return { ok: true, data: result };
      } catch (caught) {
        const error = caught instanceof ApiError ? caught : new ApiError(0, 'network', t('form.networkError'));
        failures.current += 1;
        setState({ status: 'error', error, attempt: failures.current });
        return { ok: false, error };
      }
    },
    [write, csrfToken, t],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, mutate, reset };
}
