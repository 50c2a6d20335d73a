import type { PipelineItem, PipelineUpsert } from '@varde/contracts/pipeline-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const upsertPipelineItem = (api: Api, { organisationId, ...body }: PipelineUpsert & { organisationId: string }) =>
  api.send<PipelineItem>('PUT', `/api/organisations/${organisationId}/pipeline`, body);

export const useUpsertPipelineItem = () => useMutation(upsertPipelineItem);
