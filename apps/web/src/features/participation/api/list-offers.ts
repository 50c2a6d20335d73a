import type { PublishOffers } from '@varde/contracts/participation-api';
import type { Api } from '../../../app/api-client';

export const listPublishOffers = (api: Api, organisationId: string) => api.get<PublishOffers>(`/api/organisations/${organisationId}/participation-offers`);
