import type { Api } from '../../../app/api-client';

/** `CalendarFeedState` of the contract: whether the organisation has a secret feed address. */
export interface CalendarFeed {
  exists: boolean;
  createdAt: string | null;
}

export const getCalendarFeed = (api: Api, organisationId: string) => api.get<CalendarFeed>(`/api/organisations/${organisationId}/calendar`);
