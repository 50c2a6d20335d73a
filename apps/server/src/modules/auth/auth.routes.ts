import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, LoginBody, PreferencesBody, Session } from '@varde/contracts';
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
