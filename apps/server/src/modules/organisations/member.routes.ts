import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Member, UpdateMemberBody, Uuid } from '@varde/contracts';
import { apiError, noContent, ok } from '../../core/api-responses';
import { organisationAdmin as admin, organisationMember as member } from '../../core/route-permissions';
import type { OrganisationService } from './organisation.service';

const noMember = apiError('No organisation has this id, or the user is not a member of it (`not_found`)');
const lastAdmin = apiError('The organisation would be left without an administrator (`conflict`)');
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
      schema: {
        operationId: 'listMembers',
        tags,
        summary: 'Members of the organisation (members only)',
        params: OrgParams,
        response: { 200: ok(Type.Array(Member), 'The members with their roles, by name'), 404: apiError('No organisation has this id (`not_found`)') },
      },
    },
    async (request) => service.members(request.params.id),
  );

  r.patch(
    '/api/organisations/:id/members/:userId',
    {
      config: admin,
      schema: {
        operationId: 'changeMemberRole',
        tags,
        summary: "Change a member's role",
        params: Type.Object({ id: Uuid, userId: Uuid }),
        body: UpdateMemberBody,
        response: { 204: noContent('The role is changed (or was already this one)'), 404: noMember, 409: lastAdmin },
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
      schema: {
        operationId: 'removeMember',
        tags,
        summary: 'Remove a member',
        description: "The member's own calendar feed address for the organisation stops working.",
        params: Type.Object({ id: Uuid, userId: Uuid }),
        response: { 204: noContent('The member is removed'), 404: noMember, 409: lastAdmin },
      },
    },
    async (request, reply) => {
      await service.removeMember(request.auth!, request.params.id, request.params.userId);
      return reply.code(204).send();
    },
  );
}
