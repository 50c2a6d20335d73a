import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DeadlineList, DeadlineQuery } from '@varde/contracts/catalogue-api';
import { ok } from '../../core/api-responses';
import { publicAccess } from '../../core/route-permissions';
import type { FinderService } from './finder.service';

/** The list of upcoming deadlines: public. */
export async function deadlineRoutes(app: FastifyInstance, deps: { finder: FinderService }) {
  const { finder } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/deadlines',
    {
      config: publicAccess,
      schema: {
        operationId: 'listDeadlines',
        tags: ['schemes'],
        summary: 'Upcoming deadlines of all schemes, nearest first',
        querystring: DeadlineQuery,
        response: { 200: ok(DeadlineList, 'The deadlines within `days`, nearest first') },
      },
    },
    async (request) => ({ items: await finder.deadlines(request.query, request.lang) }),
  );
}
