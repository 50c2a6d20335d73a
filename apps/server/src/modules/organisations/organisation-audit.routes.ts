import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AuditEntry, Uuid } from '@varde/contracts';
import { apiError, ok } from '../../core/api-responses';
import { organisationAdmin as admin } from '../../core/route-permissions';
import type { AuditService } from '../audit/audit.service';
import type { OrganisationService } from './organisation.service';

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
      schema: {
        operationId: 'listOrganisationAudit',
        tags,
        summary: 'Changes to members, roles and invitations',
        params: OrgParams,
        response: {
          200: ok(Type.Array(AuditEntry), 'The latest 200 changes, newest first'),
          404: apiError('No organisation has this id (`not_found`)'),
        },
      },
    },
    async (request) => {
      await service.requireOrganisation(request.params.id);
      return audit.list({ organisationId: request.params.id, limit: 200 });
    },
  );
}
