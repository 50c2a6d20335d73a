import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CountyCode, CreateOrganisationBody, ErrorResponse, Organisation, OrganisationTypeSchema, Uuid } from '@varde/contracts';
import { platformAdmin, publicAccess } from '../../core/route-permissions';
import type { OrganisationService } from './organisation.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse };
const OrgParams = Type.Object({ id: Uuid });
const tags = ['organisations'];

/** Organisations: the public list and facts, and creating one (platform administrators). */
export async function organisationRoutes(app: FastifyInstance, deps: { service: OrganisationService }) {
  const { service } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations',
    {
      config: publicAccess,
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
      config: publicAccess,
      schema: { tags, summary: 'One organisation (public facts only)', params: OrgParams, response: { 200: Organisation, ...errors } },
    },
    async (request) => service.requireOrganisation(request.params.id),
  );

  r.post(
    '/api/organisations',
    {
      config: platformAdmin,
      schema: {
        tags,
        summary: 'Create an organisation (not a municipality: those come from the register)',
        body: CreateOrganisationBody,
        response: { 201: Organisation, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(request.auth!, request.body)),
  );
}
