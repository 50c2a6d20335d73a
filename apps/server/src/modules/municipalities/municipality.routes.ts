import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { County, MunicipalityCode, MunicipalityDetail, MunicipalityList, MunicipalityListQuery } from '@varde/contracts';
import { apiError, ok } from '../../core/api-responses';
import { publicAccess } from '../../core/route-permissions';
import type { MunicipalityService } from './municipality.service';

const cacheable = 'public, max-age=300';

export async function municipalityRoutes(app: FastifyInstance, { service }: { service: MunicipalityService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/municipalities',
    {
      config: publicAccess,
      schema: {
        operationId: 'listMunicipalities',
        tags: ['municipalities'],
        summary: 'All 357 municipalities, filtered and sorted',
        description: 'Population from SSB (1 January), centrality from SSB classification 128, areas from Kartverket.',
        querystring: MunicipalityListQuery,
        response: { 200: ok(MunicipalityList, 'The municipalities that match, in the order asked for') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', cacheable);
      return service.list(request.query);
    },
  );

  r.get(
    '/api/municipalities/:code',
    {
      config: publicAccess,
      schema: {
        operationId: 'getMunicipality',
        tags: ['municipalities'],
        summary: 'One municipality with name forms, key facts and neighbours',
        params: Type.Object({ code: MunicipalityCode }),
        response: { 200: ok(MunicipalityDetail, 'The municipality'), 404: apiError('No municipality has this number (`not_found`)') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', cacheable);
      return service.get(request.params.code);
    },
  );

  r.get(
    '/api/counties',
    {
      config: publicAccess,
      schema: {
        operationId: 'listCounties',
        tags: ['municipalities'],
        summary: 'The 15 counties',
        response: { 200: ok(Type.Array(County), 'Every county with its number and names') },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', cacheable);
      return service.counties();
    },
  );
}
