import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreatedInvitation, CreateInvitationBody, Invitation, Uuid } from '@varde/contracts';
import { apiError, noContent, ok } from '../../core/api-responses';
import { organisationAdmin as admin } from '../../core/route-permissions';
import type { InvitationService } from './invitation.service';

const noOrganisation = apiError('No organisation has this id (`not_found`)');
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
      schema: {
        operationId: 'listInvitations',
        tags,
        summary: 'Open invitations',
        params: OrgParams,
        response: { 200: ok(Type.Array(Invitation), 'The invitations not yet accepted, withdrawn or expired, newest first'), 404: noOrganisation },
      },
    },
    async (request) => invitations.listPending(request.params.id),
  );

  r.post(
    '/api/organisations/:id/invitations',
    {
      config: admin,
      schema: {
        operationId: 'createInvitation',
        tags,
        summary: 'Invite someone by e-mail; the answer holds the link to send them (shown once)',
        description: 'An open invitation to the same address in the organisation is withdrawn. The link works once, until `expiresAt`.',
        params: OrgParams,
        body: CreateInvitationBody,
        response: {
          201: ok(CreatedInvitation, 'Created: the invitation with its link (`acceptUrl`), which is not shown again'),
          404: noOrganisation,
          409: apiError('The person is already a member of the organisation (`conflict`)'),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await invitations.invite(request.auth!, request.params.id, request.body)),
  );

  r.delete(
    '/api/organisations/:id/invitations/:invitationId',
    {
      config: admin,
      schema: {
        operationId: 'revokeInvitation',
        tags,
        summary: 'Withdraw an open invitation',
        params: Type.Object({ id: Uuid, invitationId: Uuid }),
        response: {
          204: noContent('Withdrawn: the link no longer works'),
          410: apiError('The organisation has no open invitation with this id: unknown, accepted, withdrawn or expired (`invitation_invalid`)'),
        },
      },
    },
    async (request, reply) => {
      await invitations.revoke(request.auth!, request.params.id, request.params.invitationId);
      return reply.code(204).send();
    },
  );
}
