import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { CalendarFeedCreated, CalendarFeedState } from '@varde/contracts/calendar-feeds-api';
import type { AppConfig } from '../../config';
import { ok } from '../../core/api-responses';
import { organisationPrivate } from '../../core/route-permissions';
import type { CalendarFeedService } from './calendar-feed.service';

const OrgParams = Type.Object({ id: Uuid });

/** A member's own secret calendar feed address for their municipality: whether they have one, and a new one. */
export async function feedAddressRoutes(app: FastifyInstance, deps: { feeds: CalendarFeedService; config: AppConfig }) {
  const { feeds, config } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/organisations/:id/calendar',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'getCalendarFeedState',
        tags: ['pipeline'],
        summary: 'Whether I have my own calendar feed address for the organisation',
        params: OrgParams,
        response: { 200: ok(CalendarFeedState, 'Whether the address exists and when it was made (never the address itself)') },
      },
    },
    async (request) => feeds.feedState(request.params.id, request.auth!.user.id),
  );

  r.post(
    '/api/organisations/:id/calendar',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'createCalendarFeed',
        tags: ['pipeline'],
        summary: 'Create or replace my own secret calendar feed address (shown once; my old address stops working)',
        description: "Other members' addresses are not affected. Removing a member from the organisation deletes their address.",
        params: OrgParams,
        response: { 201: ok(CalendarFeedCreated, 'Created: the feed address (`url`), which is not shown again') },
      },
    },
    async (request, reply) => reply.code(201).send(await feeds.rotateFeed(request.params.id, request.auth!.user.id, config.publicUrl)),
  );
}
