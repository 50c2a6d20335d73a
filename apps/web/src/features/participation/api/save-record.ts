import type { CreateRecordBody, ParticipationRecord, UpdateRecordBody } from '@varde/contracts/participation-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

type SaveInput = { id: null; body: CreateRecordBody } | { id: string; body: UpdateRecordBody };

const saveRecord = (api: Api, input: SaveInput) =>
  input.id === null
    ? api.send<ParticipationRecord>('POST', '/api/participation', input.body)
    : api.send<ParticipationRecord>('PUT', `/api/participation/${input.id}`, input.body);

export const useSaveRecord = () => useMutation(saveRecord);
