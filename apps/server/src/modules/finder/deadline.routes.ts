import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DeadlineList, DeadlineQuery } from '@varde/contracts/catalogue-api';
import { apiError, ok } from '../../core/api-responses';
import { viewerOf } from '../../core/auth-context';
import { publicAccess } from '../../core/route-permissions';
import type { FinderService } from './finder.service';

/** The list of upcoming deadlines, for every municipality or one: public. */
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
        summary: 'Upcoming deadlines of all schemes, or of those a municipality may apply to, nearest first',
        description:
          'With `municipality` (or, for a signed-in member of a municipality, their own unless `municipality=none`): the national calls and ' +
          "the calls of its county's round only, never another county's round, and none of a scheme it cannot take part in by the registers " +
          '(county, centrality, population, applicant type); county-run schemes with no known round for the county are named in ' +
          '`noKnownRound` instead. Ended schemes are never listed.',
        querystring: DeadlineQuery,
        response: {
          200: ok(DeadlineList, 'The deadlines within `days`, nearest first, and the municipality they are for'),
          404: apiError('No municipality has the number in `municipality` (`not_found`)'),
        },
      },
    },
    async (request) => finder.deadlines(request.query, viewerOf(request)),
  );
}
