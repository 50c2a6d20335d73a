import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AuditEntry, ErrorResponse, Uuid } from '@varde/contracts';
import { organisationAdmin as admin } from '../../core/route-permissions';
import type { AuditService } from '../audit/audit.service';
import type { OrganisationService } from './organisation.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse };
const OrgParams = Type.Object({ id: Uuid });
const tags = ['organisations'];

/** An organisation's change log (members, roles, invitations), for its administrators. */
export async function organisationAuditRoutes(app: FastifyInstance, deps: { service: OrganisationService; audit: AuditService }) {
  const { service, audit } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/audit',
    {
      config: admin,
      schema: { tags, summary: 'Changes to members, roles and invitations', params: OrgParams, response: { 200: Type.Array(AuditEntry), ...errors } },
    },
    async (request) => {
      await service.requireOrganisation(request.params.id);
      return audit.list({ organisationId: request.params.id, limit: 200 });
    },
  );
}
