import type { SchemeCheckCreate, SchemeCheckList } from '@varde/contracts/provenance-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const path = (schemeId: string) => `/api/schemes/${encodeURIComponent(schemeId)}/checks`;

/** The newest check of each fact group (the checker's name for signed-in users). */
export const listChecks = (api: Api, schemeId: string) => api.get<SchemeCheckList>(path(schemeId));

/** Records that the groups were compared with the sources today (the scheme's owners, platform admins). */
const recordCheck = (api: Api, { schemeId, ...body }: SchemeCheckCreate & { schemeId: string }) => api.send<SchemeCheckList>('POST', path(schemeId), body);

export const useRecordCheck = () => useMutation(recordCheck);
