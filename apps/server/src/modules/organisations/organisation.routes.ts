import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CountyCode, CreateOrganisationBody, Organisation, OrganisationTypeSchema, Uuid } from '@varde/contracts';
import { AdminOrganisationList, AdminOrganisationQuery } from '@varde/contracts/admin-api';
import { apiError, ok } from '../../core/api-responses';
import { platformAdmin, publicAccess } from '../../core/route-permissions';
import type { OrganisationService } from './organisation.service';

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
        operationId: 'listOrganisations',
        tags,
        summary: 'Organisations: municipalities, county authorities, State Administrators, regional councils, scheme owners, partners',
        querystring: Type.Object({ type: Type.Optional(OrganisationTypeSchema), county: Type.Optional(CountyCode) }),
        response: { 200: ok(Type.Array(Organisation), 'The organisations of the type and county asked for, by name') },
      },
    },
    async (request) => service.list(request.query),
  );

  r.get(
    '/api/admin/organisations',
    {
      config: platformAdmin,
      schema: {
        operationId: 'searchOrganisations',
        tags: ['admin'],
        summary: 'Organisations for platform administration, searched and in pages',
        description:
          '`q` matches part of the name (case and accents ignored), or, when it is one to four digits, the start of the municipality number. ' +
          'Sorted by name in Norwegian order.',
        querystring: AdminOrganisationQuery,
        response: { 200: ok(AdminOrganisationList, 'How many organisations match, and the page asked for') },
      },
    },
    async (request) => service.search(request.query),
  );

  r.get(
    '/api/organisations/:id',
    {
      config: publicAccess,
      schema: {
        operationId: 'getOrganisation',
        tags,
        summary: 'One organisation (public facts only)',
        params: OrgParams,
        response: { 200: ok(Organisation, 'The organisation'), 404: apiError('No organisation has this id (`not_found`)') },
      },
    },
    async (request) => service.requireOrganisation(request.params.id),
  );

  r.post(
    '/api/organisations',
    {
      config: platformAdmin,
      schema: {
        operationId: 'createOrganisation',
        tags,
        summary: 'Create an organisation (not a municipality: those come from the register)',
        description: 'County authorities, State Administrators and regional councils need `countyCode`; `type: municipality` answers 400.',
        body: CreateOrganisationBody,
        response: { 201: ok(Organisation, 'Created: the new organisation') },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(request.auth!, request.body)),
  );
}
