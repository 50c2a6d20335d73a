import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@varde/contracts';
import type { AppConfig } from '../config';
import type { Authenticate } from '../core/auth-context';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../core/cookies';
import { sendError } from './errors';

const CSRF_HEADER = 'x-csrf-token';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie to a user on every request (sessions live in the database, so any app
 * instance can serve any user) and enforces CSRF protection on cookie-authenticated writes.
 */
export function registerAuth(app: FastifyInstance, deps: { config: AppConfig; authenticate: Authenticate }) {
  const { config, authenticate } = deps;
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await authenticate(token, new Date());
      if (!found) {
        clearSessionCookie(reply, config);
      } else {
        request.auth = found.auth;
        if (found.renewedUntil) setSessionCookie(reply, config, token, found.renewedUntil);
      }
    }

    if (!unsafeMethods.has(request.method)) return;
    if (request.auth) {
      if (request.headers[CSRF_HEADER] !== request.auth.csrfToken) {
        return sendError(request, reply, 403, ErrorCode.csrf);
      }
    } else if (request.headers['sec-fetch-site'] === 'cross-site') {
      // Writes without a session (sign in, accept invitation) must still come from our own pages.
      return sendError(request, reply, 403, ErrorCode.csrf);
    }
  });
}
