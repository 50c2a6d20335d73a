import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AuditEntry, ErrorResponse, UserSummary } from '@varde/contracts';
import { platformAdmin } from '../../core/route-permissions';
import type { AuditService } from '../audit/audit.service';
import type { AccountService } from '../auth/account.service';

const errors = { 401: ErrorResponse, 403: ErrorResponse };

/** Platform administration: every user account, and the whole change log. */
export async function adminRoutes(app: FastifyInstance, deps: { accounts: AccountService; audit: AuditService }) {
  app.get(
    '/api/admin/users',
    {
      config: platformAdmin,
      schema: { tags: ['admin'], summary: 'All user accounts with their memberships', response: { 200: Type.Array(UserSummary), ...errors } },
    },
    async () => deps.accounts.listUsers(),
  );
  app.get(
    '/api/admin/audit',
    {
      config: platformAdmin,
      schema: { tags: ['admin'], summary: 'Latest changes to accounts, organisations and roles', response: { 200: Type.Array(AuditEntry), ...errors } },
    },
    async () => deps.audit.list({ limit: 500 }),
  );
}
