import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@varde/contracts';
import type { AppConfig } from '../config';
import type { AuthContext, Authenticate } from '../core/auth-context';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../core/cookies';
import { sendError } from './errors';

const CSRF_HEADER = 'x-csrf-token';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Header of an in-process API call made while rendering a page (see `beginRenderPass`). */
export const RENDER_PASS_HEADER = 'x-varde-render-pass';

/** Callers already resolved for a page being rendered, by a random token that never leaves the process. */
const renderPasses = new Map<string, AuthContext>();

/**
 * A page request resolved its session once; the API calls its loaders make in-process (`app.inject`)
 * reuse that caller instead of looking the session up again. The token is 32 random bytes, lives only
 * while the page renders, and is honoured only on `app.inject` requests, so it cannot be forged from
 * outside. Everything else about those calls — CSRF, permissions, validation — runs as for the browser.
 */
export function beginRenderPass(auth: AuthContext): { token: string; end: () => void } {
  const token = randomBytes(32).toString('base64url');
  renderPasses.set(token, auth);
  return { token, end: () => renderPasses.delete(token) };
}

/** light-my-request (behind `app.inject`) marks its requests; a socket from the network has no such mark. */
const isInProcess = (request: FastifyRequest) => '_lightMyRequest' in request.raw;

function renderPassOf(request: FastifyRequest): AuthContext | null {
  const token = request.headers[RENDER_PASS_HEADER];
  if (typeof token !== 'string' || !isInProcess(request)) return null;
  return renderPasses.get(token) ?? null;
}

/**
 * Resolves the session cookie to a user on every request (sessions live in the database, so any app
 * instance can serve any user) — once per page: the API calls of a page being rendered reuse the
 * page's caller — and enforces CSRF protection on cookie-authenticated writes.
 */
export function registerAuth(app: FastifyInstance, deps: { config: AppConfig; authenticate: Authenticate }) {
  const { config, authenticate } = deps;
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const passed = renderPassOf(request);
    if (passed) {
      request.auth = passed;
    } else if (token) {
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
