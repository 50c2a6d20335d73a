import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Uuid } from '@varde/contracts';
import { PipelineItem, PipelineList, PipelineUpsert } from '@varde/contracts/pipeline-api';
import { organisationPrivate } from '../../core/route-permissions';
import type { PipelineService } from './pipeline.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const OrgParams = Type.Object({ id: Uuid });
const tags = ['pipeline'];

/** A municipality's pipeline: its members only. */
export async function pipelineRoutes(app: FastifyInstance, deps: { pipeline: PipelineService }) {
  const { pipeline } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/pipeline',
    { config: organisationPrivate, schema: { tags, summary: "The organisation's pipeline", params: OrgParams, response: { 200: PipelineList, ...errors } } },
    async (request) => ({ items: await pipeline.list(request.params.id, request.lang) }),
  );

  r.put(
    '/api/organisations/:id/pipeline',
    {
      config: organisationPrivate,
      schema: {
        tags,
        summary: 'Mark where the organisation stands with a scheme or one of its calls (one item per scheme and call)',
        params: OrgParams,
        body: PipelineUpsert,
        response: { 200: PipelineItem, ...errors },
      },
    },
    async (request) => pipeline.upsert(request.auth!, request.params.id, request.body, request.lang),
  );

  r.delete(
    '/api/organisations/:id/pipeline/:itemId',
    {
      config: organisationPrivate,
      schema: { tags, summary: 'Remove an item from the pipeline', params: Type.Object({ id: Uuid, itemId: Uuid }), response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await pipeline.remove(request.params.id, request.params.itemId);
      return reply.code(204).send(null);
    },
  );
}
