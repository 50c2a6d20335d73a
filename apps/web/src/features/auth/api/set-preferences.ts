import type { PreferencesBody } from '@varde/contracts';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const setPreferences = (api: Api, body: PreferencesBody) => api.send('PUT', '/api/auth/preferences', body);

export const useSetPreferences = () => useMutation(setPreferences);
