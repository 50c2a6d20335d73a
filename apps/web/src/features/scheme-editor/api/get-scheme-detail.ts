import type { SchemeDetail } from '@varde/contracts/finder-api';
import type { Api } from '../../../app/api-client';

/** The whole scheme document (all three languages) with its current version, for the editor. */
export const getSchemeDetail = (api: Api, schemeId: string) => api.get<SchemeDetail>(`/api/schemes/${encodeURIComponent(schemeId)}`);
