import type { SchemeVersion } from '@varde/contracts/catalogue-api';
import type { Api } from '../../../app/api-client';

export const listVersions = (api: Api, schemeId: string) => api.get<{ items: SchemeVersion[] }>(`/api/schemes/${encodeURIComponent(schemeId)}/versions`);
