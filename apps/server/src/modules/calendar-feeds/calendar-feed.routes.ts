import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { translate } from '@varde/contracts';
import type { AppConfig } from '../../config';
import { apiError } from '../../core/api-responses';
import { notFound } from '../../core/app-error';
import { publicAccess } from '../../core/route-permissions';

const ICS_DESCRIPTION =
  'An iCalendar (RFC 5545) file in the language of `lang`: deadlines with a stated time in UTC, deadlines whose time is not stated as ' +
  'all-day events; the region of a regional round in the summary; one UID per call, shared by a forecast and the call that replaces it.';
import type { CalendarFeedService } from './calendar-feed.service';

/** The calendar feed behind a member's secret address (the address is the credential: public route). */
export async function calendarFeedRoutes(app: FastifyInstance, deps: { feeds: CalendarFeedService; config: AppConfig }) {
  const { feeds, config } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/calendar/feeds/:token.ics',
    {
      config: publicAccess,
      schema: {
        operationId: 'getCalendarFeed',
        tags: ['schemes'],
        summary: "iCalendar feed of the deadlines a municipality follows (its pipeline), behind a member's own secret address",
        description:
          'Each member has their own address; it stops working when the member leaves the organisation (404). The shared address an ' +
          'organisation had before answers 410 with a plain-text message, in the request language, saying where to get a personal address.',
        params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{32}$' }) }),
        response: {
          200: { description: ICS_DESCRIPTION, content: { 'text/calendar': { schema: Type.String() } } },
          404: apiError('No feed has this address, or its member has left the organisation (`not_found`)'),
          410: { description: 'A retired shared address: where to get a personal one', content: { 'text/plain': { schema: Type.String() } } },
        },
      },
    },
    async (request, reply) => {
      const feed = await feeds.calendar(request.params.token, request.lang);
      if (!feed) throw notFound();
      if (feed.kind === 'retired') {
        // Calendar apps show the status; a person opening the link reads the text.
        const url = `${config.publicUrl.replace(/\/$/, '')}/organisasjoner/${feed.organisationId}/pipeline`;
        const message = translate(request.lang, 'calendar.feedRetired', {
          organisation: feed.organisationName,
          section: translate(request.lang, 'pipeline.feed.heading'),
          url,
        });
        return reply.code(410).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(message);
      }
      reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-store');
      return feed.ics;
    },
  );
}
