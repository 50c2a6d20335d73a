import type { NeedsProfile, NeedsUpdate } from '@varde/contracts/needs-api';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

const saveNeeds = (api: Api, { organisationId, ...body }: NeedsUpdate & { organisationId: string }) =>
  api.send<NeedsProfile>('PUT', `/api/organisations/${organisationId}/needs`, body);

export const useSaveNeeds = () => useMutation(saveNeeds);
