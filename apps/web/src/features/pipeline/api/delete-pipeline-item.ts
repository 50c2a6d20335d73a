import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const deletePipelineItem = (api: Api, input: { organisationId: string; itemId: string }) =>
  api.send('DELETE', `/api/organisations/${input.organisationId}/pipeline/${input.itemId}`);

export const useDeletePipelineItem = () => useMutation(deletePipelineItem);
