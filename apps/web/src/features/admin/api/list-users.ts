import { ADMIN_PAGE_SIZE, type AdminUserList } from '@varde/contracts/admin-api';
import { toQuery, type Api } from '../../../app/api-client';

/** One page of user accounts whose name or e-mail holds `q`. */
export const listUsers = (api: Api, query: { q?: string | undefined; page: number }) =>
  api.get<AdminUserList>(`/api/admin/users${toQuery({ q: query.q, limit: ADMIN_PAGE_SIZE, offset: (query.page - 1) * ADMIN_PAGE_SIZE })}`);
