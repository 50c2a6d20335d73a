import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { NotificationList, UnreadCount } from '@varde/contracts/alerts-api';
import { apiError, noContent, ok } from '../../core/api-responses';
import { signedInViewerOf } from '../../core/auth-context';
import { signedIn } from '../../core/route-permissions';
import type { AlertService } from './alert.service';

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
        operationId: 'listNotifications',
        tags,
        summary: 'My notifications, newest first',
        description: 'My saved searches are run here at most once per catalogue change and Oslo day; other reads only return stored notifications.',
        response: { 200: ok(NotificationList, 'My notifications, newest first, and how many are unread') },
      },
    },
    async (request) => alerts.list(signedInViewerOf(request)),
  );

  r.get(
    '/api/notifications/unread-count',
    {
      config: signedIn,
      schema: {
        operationId: 'getUnreadCount',
        tags,
        summary: 'How many of my stored notifications are unread (for the header; runs no search)',
        description: 'The worker runs saved searches in the background; this only counts stored rows.',
        response: { 200: ok(UnreadCount, 'The number of unread notifications') },
      },
    },
    async (request) => alerts.unread(request.auth!),
  );

  r.post(
    '/api/notifications/read',
    {
      config: signedIn,
      schema: { operationId: 'markNotificationsRead', tags, summary: 'Mark all my notifications read', response: { 204: noContent('All are marked read') } },
    },
    async (request, reply) => {
      await alerts.markAllRead(request.auth!);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/notifications/:notificationId/dismiss',
    {
      config: signedIn,
      schema: {
        operationId: 'dismissNotification',
        tags,
        summary: 'Dismiss a notification',
        params: Type.Object({ notificationId: Uuid }),
        response: { 204: noContent('The notification is dismissed'), 404: apiError('I have no notification with this id (`not_found`)') },
      },
    },
    async (request, reply) => {
      await alerts.dismiss(request.auth!, request.params.notificationId);
      return reply.code(204).send(null);
    },
  );
}
