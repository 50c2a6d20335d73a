import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const deleteSavedSearch = (api: Api, searchId: string) => api.send('DELETE', `/api/saved-searches/${searchId}`);

export const useDeleteSavedSearch = () => useMutation(deleteSavedSearch);
