import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, ErrorResponse, LoginBody, PreferencesBody, Session } from '@varde/contracts';
import type { AppConfig } from '../../config';
import { clearSessionCookie, setLanguageCookie, setSessionCookie } from '../../core/cookies';
import { publicAccess, signedIn } from '../../core/route-permissions';
import type { AuthService } from './auth.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export async function authRoutes(app: FastifyInstance, { service, config }: { service: AuthService; config: AppConfig }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/auth/session',
    {
      config: publicAccess,
      schema: { tags: ['auth'], summary: 'The signed-in user (or null) and the CSRF token for writes', response: { 200: Session } },
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
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie',
        body: LoginBody,
        response: { 200: Session, ...errors, 429: ErrorResponse },
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
    { config: signedIn, schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: {}, ...errors } } },
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
        tags: ['auth'],
        summary: 'Change password; other sessions of the user are signed out',
        body: ChangePasswordBody,
        response: { 204: {}, ...errors },
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
      schema: { tags: ['auth'], summary: 'Save the preferred language', body: PreferencesBody, response: { 204: {}, ...errors } },
    },
    async (request, reply) => {
      await service.setLanguage(request.auth!, request.body.language);
      setLanguageCookie(reply, request.body.language);
      return reply.code(204).send();
    },
  );
}
