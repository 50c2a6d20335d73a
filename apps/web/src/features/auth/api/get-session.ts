import { useRouteLoaderData } from 'react-router';
import type { Session } from '@varde/contracts';
import type { Api } from '../../../app/api-client';

export const getSession = (api: Api) => api.get<Session>('/api/auth/session');

/** The root loader's data: who is signed in, on every page. */
export interface RootData {
  session: Session;
}

export function useSession(): Session {
  const root = useRouteLoaderData('root') as RootData | undefined;
  return root?.session ?? { user: null, csrfToken: null };
}
