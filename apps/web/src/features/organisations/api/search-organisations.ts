import type { OrganisationType } from '@varde/contracts';
import { ADMIN_PAGE_SIZE, type AdminOrganisationList } from '@varde/contracts/admin-api';
import { toQuery, type Api } from '../../../app/api-client';

/** One page of organisations (platform administration) of a type, whose name or municipality number matches `q`. */
export const searchOrganisations = (api: Api, query: { q?: string | undefined; type?: OrganisationType | undefined; page: number }) =>
  api.get<AdminOrganisationList>(
    `/api/admin/organisations${toQuery({ q: query.q, type: query.type, limit: ADMIN_PAGE_SIZE, offset: (query.page - 1) * ADMIN_PAGE_SIZE })}`,
  );
