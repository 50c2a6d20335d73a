import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorCode, type Language, type Membership } from '@varde/contracts';
import type { AppConfig } from '../config';
import type { AuthRepository } from '../modules/auth/auth.repository';
import { sha256 } from './crypto';
import { sendError } from './errors';

export const SESSION_COOKIE = 'varde_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthContext {
  user: { id: string; email: string; name: string; language: Language | null; isPlatformAdmin: boolean };
  memberships: Membership[];
  sessionIdHash: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DAY = 24 * 60 * 60 * 1000;

export function sessionCookieOptions(config: AppConfig, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https://'),
    ...(expires ? { expires } : {}),
  };
}

export function setSessionCookie(reply: FastifyReply, config: AppConfig, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config, expiresAt));
}

/**
 * Resolves the session cookie to a user on every request (sessions live in the database, so any app
 * instance can serve any user) and enforces CSRF protection on cookie-authenticated writes.
 */
export function registerAuth(app: FastifyInstance, deps: { config: AppConfig; authRepository: AuthRepository }) {
  const { config, authRepository } = deps;
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const now = new Date();
      const found = await authRepository.findLiveSession(sha256(token), now);
      if (!found) {
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
      } else {
        const { session, user } = found;
        request.auth = {
          user: {
            id: user.id,
            email: user.email,
            name: user.name,
            language: user.language,
            isPlatformAdmin: user.isPlatformAdmin,
          },
          memberships: await authRepository.listMemberships(user.id),
          sessionIdHash: session.idHash,
          csrfToken: session.csrfToken,
        };
        // Sliding expiry, written at most once a day per session to keep reads cheap.
        const fullTtl = config.sessionTtlDays * DAY;
        if (session.expiresAt.getTime() - now.getTime() < fullTtl - DAY) {
          const expiresAt = new Date(now.getTime() + fullTtl);
          await authRepository.extendSession(session.idHash, expiresAt);
          setSessionCookie(reply, config, token, expiresAt);
        }
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
