import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '@varde/db';
import { publicAccess } from '../../core/route-permissions';

const Status = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()) });

export async function healthRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.get(
    '/health/live',
    {
      config: publicAccess,
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: Status } },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/health/ready',
    {
      config: publicAccess,
      schema: { tags: ['health'], summary: 'The database answers', response: { 200: Status, 503: Status } },
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
