import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, LoginBody, PreferencesBody, Session } from '@varde/contracts';
import { PasswordResetConfirm, PasswordResetRequest } from '@varde/contracts/mail-api';
import { Home, HomeQuery } from '@varde/contracts/home-api';
import type { AppConfig } from '../../config';
import { apiError, noContent, ok } from '../../core/api-responses';
import { clearSessionCookie, setLanguageCookie, setSessionCookie } from '../../core/cookies';
import { publicAccess, signedIn } from '../../core/route-permissions';
import type { AuthService } from './auth.service';

export async function authRoutes(app: FastifyInstance, { service, config }: { service: AuthService; config: AppConfig }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/auth/session',
    {
      config: publicAccess,
      schema: {
        operationId: 'getSession',
        tags: ['auth'],
        summary: 'The signed-in user (or null) and the CSRF token for writes',
        response: { 200: ok(Session, 'The signed-in user with their memberships, or `user: null`; and the CSRF token for writes') },
      },
    },
    async (request) => service.session(request.auth),
  );

  r.post(
    '/api/auth/login',
    {
      config: {
        ...publicAccess,
        rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie',
        body: LoginBody,
        response: {
          200: ok(Session, 'Signed in: the session cookie is set; the body holds the user and the CSRF token for writes'),
          401: apiError('The e-mail and password do not match an active account (`invalid_credentials`)'),
        },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, body } = await service.login(request.body);
      setSessionCookie(reply, config, token, expiresAt);
      return body;
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: signedIn,
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'Sign out of this session',
        response: { 204: noContent('Signed out; the session cookie is cleared') },
      },
    },
    async (request, reply) => {
      await service.logout(request.auth!);
      clearSessionCookie(reply, config);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: signedIn,
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Change password; other sessions of the user are signed out',
        description:
          'A wrong current password, or a new one that is too short, too long, blank or on the list of common passwords, answers 400 with the field errors.',
        body: ChangePasswordBody,
        response: { 204: noContent('The password is changed; this session stays signed in') },
      },
    },
    async (request, reply) => {
      await service.changePassword(request.auth!, request.body);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/auth/password-reset',
    {
      config: { ...publicAccess, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        operationId: 'requestPasswordReset',
        tags: ['auth'],
        summary: 'Ask for a link to choose a new password, sent by e-mail',
        description:
          'Answers the same whether or not the address has an account. If it has one, a link that works once, for an hour, is e-mailed to it ' +
          '(at most three an hour per address). `language` is the language of the mail when the account has not chosen one.',
        body: PasswordResetRequest,
        response: { 204: noContent('Received: if the address has an account, a link is on its way') },
      },
    },
    async (request, reply) => {
      await service.requestPasswordReset(request.body, request.lang);
      return reply.code(204).send();
    },
  );
  r.post(
    '/api/auth/password-reset/confirm',
    {
      config: { ...publicAccess, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        operationId: 'resetPassword',
        tags: ['auth'],
        summary: 'Choose a new password with the link from the e-mail; every session of the account ends',
        description:
          'The password rule is the same as everywhere (a refused password answers 400 with the field error). Sign in with the new password afterwards.',
        body: PasswordResetConfirm,
        response: {
          204: noContent('The password is changed; the link is used up and the account is signed out everywhere'),
          410: apiError('The link is unknown, used or older than an hour (`link_invalid`)'),
        },
      },
    },
    async (request, reply) => {
      await service.resetPassword(request.body);
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/auth/home',
    {
      config: signedIn,
      schema: {
        operationId: 'getHome',
        tags: ['auth'],
        summary: 'Which of my municipalities my home page (/min-kommune) shows, and the others',
        description:
          'With `organisation` (one of my municipalities) that one is shown and remembered as my choice; without it, the one I chose last, ' +
          'else the first by name. `organisationId` is null when I belong to no municipality.',
        querystring: HomeQuery,
        response: {
          200: ok(Home, 'The municipality shown and every municipality I am a member of'),
          404: apiError('`organisation` is not one of my municipalities (`not_found`)'),
        },
      },
    },
    async (request) => service.home(request.auth!, request.query.organisation),
  );

  r.put(
    '/api/auth/preferences',
    {
      config: signedIn,
      schema: {
        operationId: 'setPreferences',
        tags: ['auth'],
        summary: 'Save the preferred language',
        body: PreferencesBody,
        response: { 204: noContent('Saved; the `lang` cookie is set too') },
      },
    },
    async (request, reply) => {
      await service.setLanguage(request.auth!, request.body.language);
      setLanguageCookie(reply, request.body.language);
      return reply.code(204).send();
    },
  );
}
