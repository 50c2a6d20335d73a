import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { PipelineItem, PipelineList, PipelineUpsert } from '@varde/contracts/pipeline-api';
import { apiError, noContent, ok } from '../../core/api-responses';
import { organisationPrivate } from '../../core/route-permissions';
import type { PipelineService } from './pipeline.service';

const OrgParams = Type.Object({ id: Uuid });
const tags = ['pipeline'];

/** A municipality's pipeline: its members only. */
export async function pipelineRoutes(app: FastifyInstance, deps: { pipeline: PipelineService }) {
  const { pipeline } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/pipeline',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'listPipeline',
        tags,
        summary: "The organisation's pipeline",
        params: OrgParams,
        response: { 200: ok(PipelineList, 'Every item: the scheme or call, where the organisation stands, notes and assignee') },
      },
    },
    async (request) => ({ items: await pipeline.list(request.params.id, request.lang) }),
  );

  r.put(
    '/api/organisations/:id/pipeline',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'savePipelineItem',
        tags,
        summary: 'Mark where the organisation stands with a scheme or one of its calls (one item per scheme and call)',
        params: OrgParams,
        body: PipelineUpsert,
        description: 'An unknown scheme or call, or an assignee who is not a member, answers 400 with the field errors.',
        response: { 200: ok(PipelineItem, 'The saved item') },
      },
    },
    async (request) => pipeline.upsert(request.auth!, request.params.id, request.body, request.lang),
  );

  r.delete(
    '/api/organisations/:id/pipeline/:itemId',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'deletePipelineItem',
        tags,
        summary: 'Remove an item from the pipeline',
        params: Type.Object({ id: Uuid, itemId: Uuid }),
        response: { 204: noContent('The item is removed'), 404: apiError("The organisation's pipeline has no item with this id (`not_found`)") },
      },
    },
    async (request, reply) => {
      await pipeline.remove(request.params.id, request.params.itemId);
      return reply.code(204).send(null);
    },
  );
}
