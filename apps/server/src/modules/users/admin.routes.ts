import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AuditEntry, ErrorResponse, UserSummary } from '@varde/contracts';
import type { AuditRepository } from '../audit/audit.repository';
import type { OrganisationService } from '../organisations/organisation.service';

const platformAdmin = { permission: { kind: 'platformAdmin' } } as const;
const errors = { 401: ErrorResponse, 403: ErrorResponse };

export async function adminRoutes(app: FastifyInstance, deps: { organisations: OrganisationService; audit: AuditRepository }) {
  app.get(
    '/api/admin/users',
    { config: platformAdmin, schema: { tags: ['admin'], summary: 'All user accounts with their memberships', response: { 200: Type.Array(UserSummary), ...errors } } },
    async () => deps.organisations.listUsers(),
  );
  app.get(
    '/api/admin/audit',
    { config: platformAdmin, schema: { tags: ['admin'], summary: 'Latest changes to accounts, organisations and roles', response: { 200: Type.Array(AuditEntry), ...errors } } },
    async () => deps.audit.list({ limit: 500 }),
  );
}
