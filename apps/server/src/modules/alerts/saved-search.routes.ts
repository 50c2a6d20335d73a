import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, limits, Uuid } from '@varde/contracts';
import { SavedSearch, SavedSearchCreate, SavedSearchList } from '@varde/contracts/alerts-api';
import { signedInViewerOf } from '../../core/auth-context';
import { signedIn } from '../../core/route-permissions';
import type { AlertService } from './alert.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['alerts'];

/** Saved finder searches: each user's own. */
export async function savedSearchRoutes(app: FastifyInstance, deps: { alerts: AlertService }) {
  const { alerts } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/saved-searches',
    { config: signedIn, schema: { tags, summary: 'My saved finder searches', response: { 200: SavedSearchList, ...errors } } },
    async (request) => ({ items: await alerts.listSearches(request.auth!) }),
  );

  r.post(
    '/api/saved-searches',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Save a finder search to be told about new and changed matches',
        description: `At most ${limits.savedSearchesPerUser} per user; one more answers 409 with a message naming the limit.`,
        body: SavedSearchCreate,
        response: { 201: SavedSearch, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await alerts.createSearch(signedInViewerOf(request), request.body)),
  );

  r.delete(
    '/api/saved-searches/:searchId',
    {
      config: signedIn,
      schema: { tags, summary: 'Delete a saved search', params: Type.Object({ searchId: Uuid }), response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await alerts.deleteSearch(request.auth!, request.params.searchId);
      return reply.code(204).send(null);
    },
  );
}
