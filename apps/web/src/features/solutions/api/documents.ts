import { useCallback, useState } from 'react';
import type { ApiErrorBody } from '@varde/contracts';
import type { SolutionDocument } from '@varde/contracts/solutions-api';
import { ApiError, toQuery, type Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/api/get-session';

export type UploadState = { status: 'idle' } | { status: 'sending' } | { status: 'error'; error: ApiError; attempt: number };

/**
 * Sends a file as it is (not JSON) with the session's CSRF token. The server decides the type from
 * the content, so the browser's guess is not sent: `application/octet-stream` for every file.
 */
export function useUploadDocument(solutionId: string) {
  const { csrfToken } = useSession();
  const { t } = useI18n();
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);

  const upload = useCallback(
    async (file: File, title: string | null): Promise<SolutionDocument | null> => {
      const fail = (error: ApiError) => {
        setAttempt((a) => a + 1);
        setState({ status: 'error', error, attempt: attempt + 1 });
        return null;
      };
      setState({ status: 'sending' });
      let response: Response;
      try {
        response = await fetch(`/api/solutions/${solutionId}/documents${toQuery({ name: file.name.slice(0, 1000), title })}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
          credentials: 'same-origin',
          body: file,
        });
      } catch {
        return fail(new ApiError(0, 'network', t('form.networkError')));
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      if (response.ok) {
        setState({ status: 'idle' });
        return body as SolutionDocument;
      }
      const error = (body as ApiErrorBody | undefined)?.error;
      return fail(new ApiError(response.status, error?.code ?? 'internal', error?.message ?? `HTTP ${response.status}`, error?.fields ?? []));
    },
    [solutionId, csrfToken, t, attempt],
  );

  return { state, upload };
}

const deleteDocument = (api: Api, { solutionId, documentId }: { solutionId: string; documentId: string }) =>
  api.send('DELETE', `/api/solutions/${solutionId}/documents/${documentId}`);

export const useDeleteDocument = () => useMutation(deleteDocument);
