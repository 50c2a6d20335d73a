import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Language } from '@varde/contracts';
import { CalendarQuery } from '@varde/contracts/catalogue-api';
import { apiError } from '../../core/api-responses';
import { publicAccess } from '../../core/route-permissions';

const ICS_DESCRIPTION =
  'An iCalendar (RFC 5545) file in the language of `lang`: deadlines with a stated time in UTC, deadlines whose time is not stated as ' +
  'all-day events; the region of a regional round in the summary; one UID per call, shared by a forecast and the call that replaces it.';

/**
 * The public iCalendar feed of upcoming deadlines, under the deadline page's filter. The calendar is
 * composed by the finder (which knows what a municipality can take part in) and passed in at wiring time.
 */
export async function calendarRoutes(app: FastifyInstance, deps: { calendar: (query: CalendarQuery, lang: Language) => Promise<string> }) {
  const { calendar } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/calendar/schemes.ics',
    {
      config: publicAccess,
      schema: {
        operationId: 'getDeadlineCalendar',
        tags: ['schemes'],
        summary: 'iCalendar feed of the upcoming deadlines of the next two years (expected calls marked as tentative)',
        description:
          "With `municipality`: the national calls and the calls of its county's round only, of the schemes it can take part in by the " +
          'registers (all of them with `includeIneligible=true`), as on the deadline page. Without it, every call: a calendar program ' +
          'sends no session, so there is no default municipality. `includeForecasts=false` leaves the expected calls out.',
        querystring: CalendarQuery,
        response: {
          200: { description: ICS_DESCRIPTION, content: { 'text/calendar': { schema: Type.String() } } },
          404: apiError('No municipality has the number in `municipality` (`not_found`)'),
        },
      },
    },
    async (request, reply) => {
      const ics = await calendar(request.query, request.lang);
      reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="varde-frister.ics"');
      return ics;
    },
  );
}
