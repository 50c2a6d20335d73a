import type { FlagList, ResolveFlagBody } from '@varde/contracts/participation-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const listFlags = (api: Api, resolved = false) => api.get<FlagList>(`/api/participation-flags${resolved ? '?resolved=true' : ''}`);

const resolveFlag = (api: Api, { id, ...body }: ResolveFlagBody & { id: string }) => api.send('POST', `/api/participation-flags/${id}/resolve`, body);
export const useResolveFlag = () => useMutation(resolveFlag);
