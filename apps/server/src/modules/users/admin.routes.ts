import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AuditEntry } from '@varde/contracts';
import { AdminUserList, AdminUserQuery } from '@varde/contracts/admin-api';
import { ok } from '../../core/api-responses';
import { platformAdmin } from '../../core/route-permissions';
import type { AuditService } from '../audit/audit.service';
import type { AccountService } from '../auth/account.service';

/** Platform administration: every user account, and the whole change log. */
export async function adminRoutes(app: FastifyInstance, deps: { accounts: AccountService; audit: AuditService }) {
  app.get(
    '/api/admin/users',
    {
      config: platformAdmin,
      schema: {
        operationId: 'listUsers',
        tags: ['admin'],
        summary: 'User accounts with their memberships, searched and in pages',
        description: '`q` matches part of the name or e-mail address (case and accents ignored). Sorted by name in Norwegian order.',
        querystring: AdminUserQuery,
        response: { 200: ok(AdminUserList, 'How many accounts match, and the page asked for') },
      },
    },
    async (request) => deps.accounts.listUsers(request.query as AdminUserQuery),
  );
  app.get(
    '/api/admin/audit',
    {
      config: platformAdmin,
      schema: {
        operationId: 'listAuditEntries',
        tags: ['admin'],
        summary: 'Latest changes to accounts, organisations and roles',
        response: { 200: ok(Type.Array(AuditEntry), 'The latest 500 changes, newest first') },
      },
    },
    async () => deps.audit.list({ limit: 500 }),
  );
}
