import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AuditEntry,
  CountyCode,
  CreatedInvitation,
  CreateInvitationBody,
  CreateOrganisationBody,
  ErrorResponse,
  Invitation,
  Member,
  Organisation,
  OrganisationTypeSchema,
  UpdateMemberBody,
  Uuid,
} from '@varde/contracts';
import type { AuditRepository } from '../audit/audit.repository';
import type { InvitationService } from './invitation.service';
import type { OrganisationService } from './organisation.service';

const member = { permission: { kind: 'organisationMember', param: 'id' } } as const;
const admin = { permission: { kind: 'organisationAdmin', param: 'id' } } as const;
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse };
const OrgParams = Type.Object({ id: Uuid });
const tags = ['organisations'];

export async function organisationRoutes(
  app: FastifyInstance,
  deps: { service: OrganisationService; invitations: InvitationService; audit: AuditRepository },
) {
  const { service, invitations, audit } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations',
    {
      config: { permission: { kind: 'public' } },
      schema: {
        tags,
        summary: 'Organisations: municipalities, county authorities, State Administrators, regional councils, scheme owners, partners',
        querystring: Type.Object({ type: Type.Optional(OrganisationTypeSchema), county: Type.Optional(CountyCode) }),
        response: { 200: Type.Array(Organisation), 400: ErrorResponse },
      },
    },
    async (request) => service.list(request.query),
  );

  r.get(
    '/api/organisations/:id',
    {
      config: { permission: { kind: 'public' } },
      schema: { tags, summary: 'One organisation (public facts only)', params: OrgParams, response: { 200: Organisation, ...errors } },
    },
    async (request) => service.requireOrganisation(request.params.id),
  );

  r.post(
    '/api/organisations',
    {
      config: { permission: { kind: 'platformAdmin' } },
      schema: { tags, summary: 'Create an organisation (not a municipality: those come from the register)', body: CreateOrganisationBody, response: { 201: Organisation, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await service.create(request.auth!, request.body)),
  );

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
