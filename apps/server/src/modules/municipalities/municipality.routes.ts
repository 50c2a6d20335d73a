import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { County, ErrorResponse, MunicipalityCode, MunicipalityDetail, MunicipalityList, MunicipalityListQuery } from '@varde/contracts';
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
        tags: ['municipalities'],
        summary: 'All 357 municipalities, filtered and sorted',
        description: 'Population from SSB (1 January), centrality from SSB classification 128, areas from Kartverket.',
        querystring: MunicipalityListQuery,
        response: { 200: MunicipalityList, 400: ErrorResponse },
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
        tags: ['municipalities'],
        summary: 'One municipality with name forms, key facts and neighbours',
        params: Type.Object({ code: MunicipalityCode }),
        response: { 200: MunicipalityDetail, 400: ErrorResponse, 404: ErrorResponse },
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
        tags: ['municipalities'],
        summary: 'The 15 counties',
        response: { 200: Type.Array(County) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', cacheable);
      return service.counties();
    },
  );
}
