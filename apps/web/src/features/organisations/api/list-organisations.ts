import type { Organisation, OrganisationType } from '@varde/contracts';
import { toQuery, type Api } from '../../../app/api-client';

export const listOrganisations = (api: Api, filter: { type?: OrganisationType | undefined } = {}) =>
  api.get<Organisation[]>(`/api/organisations${toQuery({ type: filter.type })}`);
