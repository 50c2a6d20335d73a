import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AuditEntry, UserSummary } from '@varde/contracts';
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
        summary: 'All user accounts with their memberships',
        response: { 200: ok(Type.Array(UserSummary), 'Every user account') },
      },
    },
    async () => deps.accounts.listUsers(),
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
