import type { PipelineList } from '@varde/contracts/pipeline-api';
import type { Api } from '../../../app/api-client';

export const listPipeline = (api: Api, organisationId: string) => api.get<PipelineList>(`/api/organisations/${organisationId}/pipeline`);
