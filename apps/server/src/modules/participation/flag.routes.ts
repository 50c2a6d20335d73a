import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { FlagBody, FlagList, ResolveFlagBody } from '@varde/contracts/participation-api';
import { apiError, noContent, ok } from '../../core/api-responses';
import { regionalAdviser, signedIn } from '../../core/route-permissions';
import type { FlagService } from './flag.service';

const tags = ['participation'];

/** Reports of wrong records: by a municipality's administrators, resolved by the county's advisers. */
export async function flagRoutes(app: FastifyInstance, deps: { flags: FlagService }) {
  const { flags } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/api/participation/:recordId/flags',
    {
      config: signedIn,
      schema: {
        operationId: 'flagParticipationRecord',
        tags,
        summary: 'Report a record as wrong',
        description: 'For administrators of the record’s municipality; at most 10 open reports per person (409).',
        params: Type.Object({ recordId: Uuid }),
        body: FlagBody,
        response: {
          204: noContent('The report is sent'),
          404: apiError('No record with this id (`not_found`)'),
          409: apiError('Too many open reports (`conflict`)'),
        },
      },
    },
    async (request, reply) => {
      await flags.flag(request.auth!, request.params.recordId, request.body);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/participation-flags',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'listParticipationFlags',
        tags,
        summary: 'Reports of wrong records in the caller’s counties (all for platform administrators)',
        querystring: Type.Object({ resolved: Type.Optional(Type.Boolean()) }),
        response: { 200: ok(FlagList, 'Open reports, newest first (resolved ones with `resolved=true`)') },
      },
    },
    async (request) => flags.list(request.auth!, request.lang, !request.query.resolved),
  );

  r.post(
    '/api/participation-flags/:flagId/resolve',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'resolveParticipationFlag',
        tags,
        summary: 'Resolve a report: the record was corrected, or the report is dismissed',
        params: Type.Object({ flagId: Uuid }),
        body: ResolveFlagBody,
        response: { 204: noContent('Resolved'), 404: apiError('No report with this id (`not_found`)'), 409: apiError('Resolved already (`conflict`)') },
      },
    },
    async (request, reply) => {
      await flags.resolve(request.auth!, request.params.flagId, request.body);
      return reply.code(204).send(null);
    },
  );
}
