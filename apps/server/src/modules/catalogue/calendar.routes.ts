import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { translate } from '@varde/contracts';
import { publicAccess } from '../../core/route-permissions';

const ICS_DESCRIPTION =
  'An iCalendar (RFC 5545) file in the language of `lang`: deadlines with a stated time in UTC, deadlines whose time is not stated as ' +
  'all-day events; the region of a regional round in the summary; one UID per call, shared by a forecast and the call that replaces it.';
import type { CatalogueService } from './catalogue.service';

/** The public iCalendar feed of every upcoming deadline. */
export async function calendarRoutes(app: FastifyInstance, deps: { catalogue: CatalogueService }) {
  const { catalogue } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/calendar/schemes.ics',
    {
      config: publicAccess,
      schema: {
        operationId: 'getDeadlineCalendar',
        tags: ['schemes'],
        summary: 'iCalendar feed of every upcoming deadline (expected calls marked as tentative)',
        response: { 200: { description: ICS_DESCRIPTION, content: { 'text/calendar': { schema: Type.String() } } } },
      },
    },
    async (request, reply) => {
      reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="varde-frister.ics"');
      return catalogue.calendar({ name: translate(request.lang, 'calendar.allName'), lang: request.lang });
    },
  );
}
