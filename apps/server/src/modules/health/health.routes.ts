import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '@varde/db';
import { ok } from '../../core/api-responses';
import { publicAccess } from '../../core/route-permissions';

const Status = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()) });

export async function healthRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.get(
    '/health/live',
    {
      config: publicAccess,
      schema: { operationId: 'getLiveness', tags: ['health'], summary: 'The process is up', response: { 200: ok(Status, 'Up: `status` is `ok`') } },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/health/ready',
    {
      config: publicAccess,
      schema: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary: 'The database answers',
        response: {
          200: ok(Status, 'Ready: the database answered (`database` names its kind, `pglite` or `postgres`)'),
          503: ok(Status, 'Not ready: the database did not answer (`status` is `unavailable`)'),
        },
      },
    },
    async (request, reply) => {
      try {
        await database.ping();
        return { status: 'ok', database: database.kind };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable', database: database.kind });
      }
    },
  );
}
