import { useCallback, useState } from 'react';
import type { ApiErrorBody } from '@varde/contracts';
import type { ImportDetail } from '@varde/contracts/participation-api';
import { ApiError } from '../../../app/api-client';
import { useSession } from '../../auth/api/get-session';
import { useI18n } from '../../../i18n/i18n';

export type UploadState =
  | { status: 'idle' }
  | { status: 'sending'; sent: number; total: number }
  | { status: 'reading'; total: number }
  | { status: 'error'; error: ApiError; attempt: number };

/**
 * Sends a file as it is (not JSON) with the session's CSRF token. XMLHttpRequest, not fetch, so the
 * bytes sent can be shown as they go; after the last byte the server reads and checks the rows.
 */
export function useUploadImport() {
  const { csrfToken } = useSession();
  const { t } = useI18n();
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);

  const upload = useCallback(
    (file: File) =>
      new Promise<ImportDetail | null>((resolve) => {
        const request = new XMLHttpRequest();
        const fail = (error: ApiError) => {
          setAttempt((a) => a + 1);
          setState({ status: 'error', error, attempt: attempt + 1 });
          resolve(null);
        };
        request.open('POST', `/api/participation-imports?name=${encodeURIComponent(file.name.slice(0, 200))}`);
        request.setRequestHeader(
          'content-type',
          file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
        );
        request.setRequestHeader('accept', 'application/json');
        if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
        request.upload.onprogress = (event) => setState({ status: 'sending', sent: event.loaded, total: event.total || file.size });
        request.upload.onload = () => setState({ status: 'reading', total: file.size });
        request.onerror = () => fail(new ApiError(0, 'network', t('form.networkError')));
        request.onload = () => {
          let body: unknown;
          try {
            body = JSON.parse(request.responseText);
          } catch {
            body = undefined;
          }
          if (request.status === 201) {
            setState({ status: 'idle' });
            resolve(body as ImportDetail);
          } else {
            const error = (body as ApiErrorBody | undefined)?.error;
            fail(new ApiError(request.status, error?.code ?? 'internal', error?.message ?? `HTTP ${request.status}`, error?.fields ?? []));
          }
        };
        setState({ status: 'sending', sent: 0, total: file.size });
        request.send(file);
      }),
    [csrfToken, t, attempt],
  );

  return { state, upload };
}
