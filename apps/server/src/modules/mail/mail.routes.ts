import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MailPreferences, MailToken, Outbox, UnsubscribeInfo } from '@varde/contracts/mail-api';
import { apiError, ok } from '../../core/api-responses';
import { platformAdmin, publicAccess, signedIn } from '../../core/route-permissions';
import type { MailService } from './mail.service';

const tags = ['mail'];
const TokenParams = Type.Object({ token: MailToken });
const unknownLink = apiError('No e-mail has this unsubscribe link (`not_found`)');

/** My mail choices, one-click unsubscribe, and the outbox for platform administrators. */
export async function mailRoutes(app: FastifyInstance, deps: { mail: MailService }) {
  const { mail } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  // RFC 8058: a mail provider unsubscribes with `POST` and the body `List-Unsubscribe=One-Click`, form-encoded
  // (or multipart). In this scope only, such bodies are accepted and not read: the token in the path is what counts.
  const small = 4096;
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: small }, (_request, _body, done) =>
    done(null, {}),
  );

  r.get(
    '/api/admin/outbox',
    {
      config: platformAdmin,
      schema: {
        operationId: 'getOutbox',
        tags: ['admin'],
        summary: 'The newest e-mail: recipient, subject, kind and state',
        description:
          'Subjects of digests and reminders are left out (they name a person’s saved searches or a municipality’s own work). A body is shown only for an invitation the caller created while no mail server is set up; password reset links never.',
        response: { 200: ok(Outbox, 'Whether a mail server is set up, and the newest 200 mails, newest first') },
      },
    },
    async (request) => mail.outbox(request.auth!),
  );

  r.get(
    '/api/mail/preferences',
    {
      config: signedIn,
      schema: {
        operationId: 'getMailPreferences',
        tags,
        summary: 'My e-mail choices: how often notifications come, and deadline reminders',
        response: { 200: ok(MailPreferences, 'My choices (the defaults until I change them: daily digests, reminders on)') },
      },
    },
    async (request) => mail.preferences(request.auth!.user.id),
  );

  r.put(
    '/api/mail/preferences',
    {
      config: signedIn,
      schema: {
        operationId: 'setMailPreferences',
        tags,
        summary: 'Save my e-mail choices',
        body: MailPreferences,
        response: { 200: ok(MailPreferences, 'Saved') },
      },
    },
    async (request) => mail.savePreferences(request.auth!.user.id, request.body),
  );

  r.get(
    '/api/mail/unsubscribe/:token',
    {
      config: publicAccess,
      schema: {
        operationId: 'getUnsubscribe',
        tags,
        summary: 'What an unsubscribe link in an e-mail turns off (changes nothing)',
        params: TokenParams,
        response: { 200: ok(UnsubscribeInfo, 'Digests or reminders, and whether they are off already'), 404: unknownLink },
      },
    },
    async (request) => mail.unsubscribeInfo(request.params.token),
  );

  r.post(
    '/api/mail/unsubscribe/:token',
    {
      config: publicAccess,
      bodyLimit: small,
      schema: {
        operationId: 'unsubscribe',
        tags,
        summary: 'One-click unsubscribe (RFC 8058): turn off what the link’s e-mail was, digests or reminders',
        description:
          'The address in each digest’s and reminder’s `List-Unsubscribe` header, with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. ' +
          'Mail providers post `List-Unsubscribe=One-Click` form-encoded; the body is not read, and JSON is accepted too. Repeating it changes nothing.',
        params: TokenParams,
        response: { 200: ok(UnsubscribeInfo, 'Turned off'), 404: unknownLink },
      },
    },
    async (request) => mail.unsubscribe(request.params.token),
  );
}
