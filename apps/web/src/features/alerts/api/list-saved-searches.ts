import type { SavedSearch } from '@varde/contracts/alerts-api';
import type { Api } from '../../../app/api-client';

export const listSavedSearches = (api: Api) => api.get<{ items: SavedSearch[] }>('/api/saved-searches');
