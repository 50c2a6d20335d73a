import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Member, UpdateMemberBody, Uuid } from '@varde/contracts';
import { organisationAdmin as admin, organisationMember as member } from '../../core/route-permissions';
import type { OrganisationService } from './organisation.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse };
const OrgParams = Type.Object({ id: Uuid });
const tags = ['organisations'];

/** An organisation's members: the list (members), roles and removal (administrators). */
export async function memberRoutes(app: FastifyInstance, deps: { service: OrganisationService }) {
  const { service } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/members',
    {
      config: member,
      schema: { tags, summary: 'Members of the organisation (members only)', params: OrgParams, response: { 200: Type.Array(Member), ...errors } },
    },
    async (request) => service.members(request.params.id),
  );

  r.patch(
    '/api/organisations/:id/members/:userId',
    {
      config: admin,
      schema: {
        tags,
        summary: "Change a member's role",
        params: Type.Object({ id: Uuid, userId: Uuid }),
        body: UpdateMemberBody,
        response: { 204: {}, ...errors },
      },
    },
    async (request, reply) => {
      await service.changeRole(request.auth!, request.params.id, request.params.userId, request.body.role);
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/organisations/:id/members/:userId',
    {
      config: admin,
      schema: { tags, summary: 'Remove a member', params: Type.Object({ id: Uuid, userId: Uuid }), response: { 204: {}, ...errors } },
    },
    async (request, reply) => {
      await service.removeMember(request.auth!, request.params.id, request.params.userId);
      return reply.code(204).send();
    },
  );
}
