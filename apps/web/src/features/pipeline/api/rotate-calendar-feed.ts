import type { Api } from '../../../app/api-client';
import { useMutation } from '../../../app/use-mutation';

/** `CalendarFeedCreated` of the contract: the secret address, shown once. */
export interface CreatedFeed {
  url: string;
  createdAt: string;
}

/** Creates the secret feed address, or replaces it: the old address stops working at once. */
const rotateCalendarFeed = (api: Api, organisationId: string) => api.send<CreatedFeed>('POST', `/api/organisations/${organisationId}/calendar`);

export const useRotateCalendarFeed = () => useMutation(rotateCalendarFeed);
