import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreatedInvitation, CreateInvitationBody, ErrorResponse, Invitation, Uuid } from '@varde/contracts';
import { organisationAdmin as admin } from '../../core/route-permissions';
import type { InvitationService } from './invitation.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse };
const OrgParams = Type.Object({ id: Uuid });
const tags = ['organisations'];

/** An organisation's invitations, for its administrators: open ones, a new one, withdrawing one. */
export async function invitationRoutes(app: FastifyInstance, deps: { invitations: InvitationService }) {
  const { invitations } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/invitations',
    {
      config: admin,
      schema: { tags, summary: 'Open invitations', params: OrgParams, response: { 200: Type.Array(Invitation), ...errors } },
    },
    async (request) => invitations.listPending(request.params.id),
  );

  r.post(
    '/api/organisations/:id/invitations',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Invite someone by e-mail; the answer holds the link to send them (shown once)',
        params: OrgParams,
        body: CreateInvitationBody,
        response: { 201: CreatedInvitation, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await invitations.invite(request.auth!, request.params.id, request.body)),
  );

  r.delete(
    '/api/organisations/:id/invitations/:invitationId',
    {
      config: admin,
      schema: { tags, summary: 'Withdraw an open invitation', params: Type.Object({ id: Uuid, invitationId: Uuid }), response: { 204: {}, ...errors } },
    },
    async (request, reply) => {
      await invitations.revoke(request.auth!, request.params.id, request.params.invitationId);
      return reply.code(204).send();
    },
  );
}
