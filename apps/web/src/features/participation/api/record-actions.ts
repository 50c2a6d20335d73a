import type { FlagBody, ParticipationRecord } from '@varde/contracts/participation-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const deleteRecord = (api: Api, id: string) => api.send('DELETE', `/api/participation/${id}`);
const verifyRecord = (api: Api, id: string) => api.send<ParticipationRecord>('POST', `/api/participation/${id}/verify`);
const flagRecord = (api: Api, { id, ...body }: FlagBody & { id: string }) => api.send('POST', `/api/participation/${id}/flags`, body);

export const useDeleteRecord = () => useMutation(deleteRecord);
export const useVerifyRecord = () => useMutation(verifyRecord);
export const useFlagRecord = () => useMutation(flagRecord);
