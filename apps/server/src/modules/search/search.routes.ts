import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SolutionSearchQuery, SolutionSearchResult } from '@varde/contracts/search-api';
import { ok } from '../../core/api-responses';
import { publicAccess } from '../../core/route-permissions';
import type { SearchService } from './search.service';

export async function searchRoutes(app: FastifyInstance, { search }: { search: SearchService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/search/solutions',
    {
      config: publicAccess,
      schema: {
        operationId: 'searchSolutions',
        tags: ['solutions'],
        summary: 'Search published solutions in bokmål or nynorsk',
        description:
          'Finds a solution whatever the form of its words in bokmål or nynorsk and inside compound words; every word must match, else any. ' +
          'One or two words with fewer than 3 hits also match words spelt alike (`matched: similar`). Titles and snippets are pieces of text with the matched words marked. ' +
          'Matches are counted up to 1,000 (`totalCapped` when there are more).',
        querystring: SolutionSearchQuery,
        response: { 200: ok(SolutionSearchResult, 'One page of matching solutions, best first unless sorted otherwise') },
      },
    },
    async (request) => search.searchSolutions(request.query),
  );
}
