import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorCode, ErrorResponse, limits, translate, Uuid } from '@varde/contracts';
import { Scheme } from '@varde/contracts/schemes';
import {
  CalendarFeedCreated,
  CalendarFeedState,
  DeadlineList,
  DeadlineQuery,
  EligibilityAnswer,
  EligibilityQuery,
  NeedsProfile,
  NeedsUpdate,
  NotificationList,
  PipelineItem,
  PipelineList,
  PipelineUpsert,
  SavedSearch,
  SavedSearchCreate,
  SavedSearchList,
  SchemeDetail,
  SchemeEdit,
  SchemeId,
  SchemeList,
  SchemeListQuery,
  SchemeOwnerChange,
  SchemeVersionList,
  UnreadCount,
} from '@varde/contracts/schemes-api';
import { MunicipalityChoice } from '@varde/contracts/pipeline';
import { callsFor } from '@varde/domain/finder';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../plugins/auth';
import { sendError } from '../../plugins/errors';
import { deadlineCalendar } from './calendar';
import { callsCsv, callColumns, schemeColumns, schemesCsv } from './export';
import type { AlertService } from './alerts.service';
import type { PipelineService } from './pipeline.service';
import type { SchemeService, Viewer } from './scheme.service';

const publicAccess = { permission: { kind: 'public' } } as const;
const signedIn = { permission: { kind: 'authenticated' } } as const;
const member = { permission: { kind: 'organisationMember', param: 'id' } } as const;
/** The municipality's own work: its members only (see `organisationPrivate`). */
const ownWork = { permission: { kind: 'organisationPrivate', param: 'id' } } as const;
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const SchemeParams = Type.Object({ schemeId: SchemeId });
const OrgParams = Type.Object({ id: Uuid });
const tags = ['schemes'];
const text = (mediaType: string, description: string) => ({
  200: { description, content: { [mediaType]: { schema: Type.String() } } },
});

const viewerOf = (request: FastifyRequest): Viewer => ({ lang: request.lang, auth: request.auth });
/** For routes whose permission requires a session (checked before the handler runs). */
const signedInViewer = (request: FastifyRequest) => ({ lang: request.lang, auth: request.auth as AuthContext });

export async function schemeRoutes(
  app: FastifyInstance,
  deps: { schemes: SchemeService; pipeline: PipelineService; alerts: AlertService; config: AppConfig },
) {
  const { schemes, pipeline, alerts, config } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/schemes',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Find schemes: filtered, ranked by fit for a municipality, each with an explained verdict',
        description:
          'With `municipality` (or, for a signed-in member of a municipality, their own unless `municipality=none`), every result carries the eligibility verdict for ' +
          'the best role the municipality can take and the reasons, translated into the request language. Schemes the municipality marked ' +
          '"not relevant" are left out and counted. Repeat `theme` for several themes.',
        querystring: SchemeListQuery,
        response: { 200: SchemeList, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => schemes.list(request.query, viewerOf(request)),
  );

  r.get(
    '/api/schemes/:schemeId',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'One scheme with every fact and source, its calls (with the forecast of the next) and, for a municipality, both verdicts',
        params: SchemeParams,
        querystring: Type.Object({ municipality: Type.Optional(MunicipalityChoice) }),
        response: { 200: SchemeDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => schemes.detail(request.params.schemeId, request.query.municipality, viewerOf(request)),
  );

  r.get(
    '/api/schemes/:schemeId/eligibility',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Can this municipality take part, in this role, with these partners — and why (not)?',
        description:
          'Without `role`, the answer is for the best role (lead if possible, otherwise partner). `partners` lists the planned partner ' +
          'types (repeat the parameter), which settles conditions such as a required R&D partner.',
        params: SchemeParams,
        querystring: EligibilityQuery,
        response: { 200: EligibilityAnswer, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => schemes.eligibility(request.params.schemeId, request.query, request.lang),
  );

  r.get(
    '/api/schemes/:schemeId/versions',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Change history of a scheme: which version was saved when, by whom, and what changed',
        description: "Open to everyone, as the catalogue is open data. The editor's name (`changedBy.name`) is given to signed-in callers only; it is null for others.",
        params: SchemeParams,
        response: { 200: SchemeVersionList, ...errors },
      },
    },
    async (request) => ({ items: await schemes.versions(request.params.schemeId, { showNames: request.auth !== null }) }),
  );

  r.put(
    '/api/schemes/:schemeId',
    {
      config: { permission: { kind: 'schemeOwner' } },
      schema: {
        tags,
        summary: 'Save a new version of a scheme (its owner organisation or a platform admin)',
        description: 'Answers 409 when `baseVersion` is no longer the latest, so two editors never overwrite each other.',
        params: SchemeParams,
        body: SchemeEdit,
        response: { 200: SchemeDetail, ...errors },
      },
    },
    async (request) => schemes.edit(request.auth!, request.params.schemeId, request.body, viewerOf(request)),
  );

  r.put(
    '/api/schemes/:schemeId/owner',
    {
      config: { permission: { kind: 'platformAdmin' } },
      schema: { tags, summary: 'Set the organisation that maintains a scheme', params: SchemeParams, body: SchemeOwnerChange, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await schemes.setOwner(request.params.schemeId, request.body.organisationId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/organisations/:id/schemes',
    {
      config: member,
      schema: {
        tags,
        summary: 'Schemes the organisation maintains',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: SchemeId, name: Type.String(), version: Type.Integer(), updatedAt: Type.String() })) }), ...errors },
      },
    },
    async (request) => ({ items: await schemes.ownedBy(request.params.id, request.lang) }),
  );

  r.get(
    '/api/deadlines',
    {
      config: publicAccess,
      schema: { tags, summary: 'Upcoming deadlines of all schemes, nearest first', querystring: DeadlineQuery, response: { 200: DeadlineList, 400: ErrorResponse } },
    },
    async (request) => ({ items: await schemes.deadlines(request.query, request.lang) }),
  );

  r.get(
    '/api/calendar/schemes.ics',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'iCalendar feed of every upcoming deadline (expected calls marked as tentative)',
        response: text('text/calendar', 'An iCalendar (RFC 5545) file; times in UTC.'),
      },
    },
    async (request, reply) => {
      const items = await schemes.deadlines({ days: 730, includeForecasts: true }, request.lang);
      reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="varde-frister.ics"');
      return deadlineCalendar(items, { name: translate(request.lang, 'calendar.allName'), publicUrl: config.publicUrl, lang: request.lang });
    },
  );

  r.get(
    '/api/calendar/feeds/:token.ics',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: "iCalendar feed of the deadlines a municipality follows (its pipeline), behind a member's own secret address",
        description:
          'Each member has their own address; it stops working when the member leaves the organisation (404). The shared address an ' +
          'organisation had before answers 410 with a plain-text message, in the request language, saying where to get a personal address.',
        params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{32}$' }) }),
        response: {
          ...text('text/calendar', 'An iCalendar (RFC 5545) file; times in UTC.'),
          400: ErrorResponse,
          404: ErrorResponse,
          410: { description: 'A retired shared address: where to get a personal one', content: { 'text/plain': { schema: Type.String() } } },
        },
      },
    },
    async (request, reply) => {
      const followed = await pipeline.followedBy(request.params.token);
      if (!followed) return sendError(request, reply, 404, ErrorCode.notFound);
      if (followed.kind === 'retired') {
        // Calendar apps show the status; a person opening the link reads the text.
        const url = `${config.publicUrl.replace(/\/$/, '')}/organisasjoner/${followed.organisationId}/pipeline`;
        const message = translate(request.lang, 'calendar.feedRetired', {
          organisation: followed.organisationName,
          section: translate(request.lang, 'pipeline.feed.heading'),
          url,
        });
        return reply.code(410).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(message);
      }
      const items = await schemes.deadlines({ days: 730, includeForecasts: true, schemeIds: followed.schemeIds }, request.lang);
      reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-store');
      return deadlineCalendar(items, {
        name: translate(request.lang, 'calendar.followedName', { organisation: followed.organisationName }),
        publicUrl: config.publicUrl,
        lang: request.lang,
      });
    },
  );

  r.get(
    '/api/export/schemes.json',
    {
      config: publicAccess,
      schema: { tags: ['open data'], summary: 'The whole catalogue as JSON documents (schema: Scheme)', response: { 200: Type.Array(Scheme) } },
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="varde-ordninger.json"');
      return (await schemes.catalogue()).schemes;
    },
  );

  r.get(
    '/api/export/schemes.csv',
    {
      config: publicAccess,
      schema: {
        tags: ['open data'],
        summary: 'The catalogue as CSV, one row per scheme',
        description: `Columns: ${schemeColumns.join(', ')}. Lists are separated by ";". A text cell that would start like a spreadsheet formula (= + - @, tab, CR) starts with "'". See docs/open-data.md.`,
        response: text('text/csv', 'UTF-8 CSV with a header row.'),
      },
    },
    async (_request, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="varde-ordninger.csv"');
      return schemesCsv((await schemes.catalogue()).rows);
    },
  );

  r.get(
    '/api/export/calls.csv',
    {
      config: publicAccess,
      schema: {
        tags: ['open data'],
        summary: 'Every call as CSV, with the forecast of the next call marked `predicted`',
        description: `Columns: ${callColumns.join(', ')}. A text cell that would start like a spreadsheet formula (= + - @, tab, CR) starts with "'". See docs/open-data.md.`,
        response: text('text/csv', 'UTF-8 CSV with a header row.'),
      },
    },
    async (_request, reply) => {
      const now = new Date();
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="varde-utlysninger.csv"');
      return callsCsv((await schemes.catalogue()).schemes.map((scheme) => ({ scheme, calls: callsFor(scheme, null, now) })));
    },
  );

  // A municipality's own work: members only.
  r.get(
    '/api/organisations/:id/pipeline',
    { config: ownWork, schema: { tags: ['pipeline'], summary: "The organisation's pipeline", params: OrgParams, response: { 200: PipelineList, ...errors } } },
    async (request) => ({ items: await pipeline.list(request.params.id, request.lang) }),
  );

  r.put(
    '/api/organisations/:id/pipeline',
    {
      config: ownWork,
      schema: {
        tags: ['pipeline'],
        summary: 'Mark where the organisation stands with a scheme or one of its calls (one item per scheme and call)',
        params: OrgParams,
        body: PipelineUpsert,
        response: { 200: PipelineItem, ...errors },
      },
    },
    async (request) => pipeline.upsert(request.auth!, request.params.id, request.body, request.lang),
  );

  r.delete(
    '/api/organisations/:id/pipeline/:itemId',
    {
      config: ownWork,
      schema: { tags: ['pipeline'], summary: 'Remove an item from the pipeline', params: Type.Object({ id: Uuid, itemId: Uuid }), response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await pipeline.remove(request.params.id, request.params.itemId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/organisations/:id/needs',
    { config: ownWork, schema: { tags: ['pipeline'], summary: "The organisation's needs profile and what the registers say", params: OrgParams, response: { 200: NeedsProfile, ...errors } } },
    async (request) => pipeline.needs(request.params.id),
  );

  r.put(
    '/api/organisations/:id/needs',
    {
      config: ownWork,
      schema: { tags: ['pipeline'], summary: 'Save the needs profile', params: OrgParams, body: NeedsUpdate, response: { 200: NeedsProfile, ...errors } },
    },
    async (request) => {
      await pipeline.saveNeeds(request.auth!, request.params.id, request.body);
      return pipeline.needs(request.params.id);
    },
  );

  r.get(
    '/api/organisations/:id/calendar',
    {
      config: ownWork,
      schema: { tags: ['pipeline'], summary: 'Whether I have my own calendar feed address for the organisation', params: OrgParams, response: { 200: CalendarFeedState, ...errors } },
    },
    async (request) => pipeline.feedState(request.params.id, request.auth!.user.id),
  );

  r.post(
    '/api/organisations/:id/calendar',
    {
      config: ownWork,
      schema: {
        tags: ['pipeline'],
        summary: 'Create or replace my own secret calendar feed address (shown once; my old address stops working)',
        description: "Other members' addresses are not affected. Removing a member from the organisation deletes their address.",
        params: OrgParams,
        response: { 201: CalendarFeedCreated, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await pipeline.rotateFeed(request.params.id, request.auth!.user.id, config.publicUrl)),
  );

  // Saved searches and notifications: each user's own.
  r.get(
    '/api/saved-searches',
    { config: signedIn, schema: { tags: ['alerts'], summary: 'My saved finder searches', response: { 200: SavedSearchList, ...errors } } },
    async (request) => ({ items: await alerts.listSearches(request.auth!) }),
  );

  r.post(
    '/api/saved-searches',
    {
      config: signedIn,
      schema: {
        tags: ['alerts'],
        summary: 'Save a finder search to be told about new and changed matches',
        description: `At most ${limits.savedSearchesPerUser} per user; one more answers 409 with a message naming the limit.`,
        body: SavedSearchCreate,
        response: { 201: SavedSearch, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await alerts.createSearch(signedInViewer(request), request.body)),
  );

  r.delete(
    '/api/saved-searches/:searchId',
    { config: signedIn, schema: { tags: ['alerts'], summary: 'Delete a saved search', params: Type.Object({ searchId: Uuid }), response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await alerts.deleteSearch(request.auth!, request.params.searchId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/notifications',
    {
      config: signedIn,
      schema: {
        tags: ['alerts'],
        summary: 'My notifications, newest first',
        description: 'My saved searches are run here at most once per catalogue change and Oslo day; other reads only return stored notifications.',
        response: { 200: NotificationList, ...errors },
      },
    },
    async (request) => alerts.list(signedInViewer(request)),
  );

  r.get(
    '/api/notifications/unread-count',
    {
      config: signedIn,
      schema: {
        tags: ['alerts'],
        summary: 'How many of my stored notifications are unread (for the header; runs no search)',
        description: '`checkDue` is true when the catalogue or the Oslo day changed since my saved searches last ran: reading `/api/notifications` then looks for news.',
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (request) => alerts.unread(request.auth!),
  );

  r.post(
    '/api/notifications/read',
    { config: signedIn, schema: { tags: ['alerts'], summary: 'Mark all my notifications read', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await alerts.markAllRead(request.auth!);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/notifications/:notificationId/dismiss',
    {
      config: signedIn,
      schema: { tags: ['alerts'], summary: 'Dismiss a notification', params: Type.Object({ notificationId: Uuid }), response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await alerts.dismiss(request.auth!, request.params.notificationId);
      return reply.code(204).send(null);
    },
  );
}
