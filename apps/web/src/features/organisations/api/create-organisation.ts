import type { CreateOrganisationBody, Organisation } from '@varde/contracts';
import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

export const createOrganisation = (api: Api, body: CreateOrganisationBody) => api.send<Organisation>('POST', '/api/organisations', body);

export const useCreateOrganisation = () => useMutation(createOrganisation);
