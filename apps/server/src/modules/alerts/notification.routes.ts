import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Uuid } from '@varde/contracts';
import { NotificationList, UnreadCount } from '@varde/contracts/alerts-api';
import { signedInViewerOf } from '../../core/auth-context';
import { signedIn } from '../../core/route-permissions';
import type { AlertService } from './alert.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['alerts'];

/** Notifications from the saved searches: each user's own. */
export async function notificationRoutes(app: FastifyInstance, deps: { alerts: AlertService }) {
  const { alerts } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/notifications',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'My notifications, newest first',
        description: 'My saved searches are run here at most once per catalogue change and Oslo day; other reads only return stored notifications.',
        response: { 200: NotificationList, ...errors },
      },
    },
    async (request) => alerts.list(signedInViewerOf(request)),
  );

  r.get(
    '/api/notifications/unread-count',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'How many of my stored notifications are unread (for the header; runs no search)',
        description:
          '`checkDue` is true when the catalogue or the Oslo day changed since my saved searches last ran: reading `/api/notifications` then looks for news.',
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (request) => alerts.unread(request.auth!),
  );

  r.post(
    '/api/notifications/read',
    { config: signedIn, schema: { tags, summary: 'Mark all my notifications read', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await alerts.markAllRead(request.auth!);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/notifications/:notificationId/dismiss',
    {
      config: signedIn,
      schema: { tags, summary: 'Dismiss a notification', params: Type.Object({ notificationId: Uuid }), response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await alerts.dismiss(request.auth!, request.params.notificationId);
      return reply.code(204).send(null);
    },
  );
}
