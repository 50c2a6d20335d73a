import type { SavedSearch, SavedSearchCreate } from '@varde/contracts/alerts-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const saveSearch = (api: Api, body: SavedSearchCreate) => api.send<SavedSearch>('POST', '/api/saved-searches', body);

export const useSaveSearch = () => useMutation(saveSearch);
