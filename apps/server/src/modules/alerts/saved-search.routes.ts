import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { limits, Uuid } from '@varde/contracts';
import { SavedSearch, SavedSearchCreate, SavedSearchList } from '@varde/contracts/alerts-api';
import { apiError, noContent, ok } from '../../core/api-responses';
import { signedInViewerOf } from '../../core/auth-context';
import { signedIn } from '../../core/route-permissions';
import type { AlertService } from './alert.service';

const tags = ['alerts'];

/** Saved finder searches: each user's own. */
export async function savedSearchRoutes(app: FastifyInstance, deps: { alerts: AlertService }) {
  const { alerts } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/saved-searches',
    {
      config: signedIn,
      schema: { operationId: 'listSavedSearches', tags, summary: 'My saved finder searches', response: { 200: ok(SavedSearchList, 'My saved searches') } },
    },
    async (request) => ({ items: await alerts.listSearches(request.auth!) }),
  );

  r.post(
    '/api/saved-searches',
    {
      config: signedIn,
      schema: {
        operationId: 'createSavedSearch',
        tags,
        summary: 'Save a finder search to be told about new and changed matches',
        description: `At most ${limits.savedSearchesPerUser} per user; one more answers 409 with a message naming the limit.`,
        body: SavedSearchCreate,
        response: {
          201: ok(SavedSearch, 'Saved: the search'),
          409: apiError(`I already have ${limits.savedSearchesPerUser} saved searches (\`conflict\`)`),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await alerts.createSearch(signedInViewerOf(request), request.body)),
  );

  r.delete(
    '/api/saved-searches/:searchId',
    {
      config: signedIn,
      schema: {
        operationId: 'deleteSavedSearch',
        tags,
        summary: 'Delete a saved search',
        params: Type.Object({ searchId: Uuid }),
        response: { 204: noContent('The search is deleted'), 404: apiError('I have no saved search with this id (`not_found`)') },
      },
    },
    async (request, reply) => {
      await alerts.deleteSearch(request.auth!, request.params.searchId);
      return reply.code(204).send(null);
    },
  );
}
