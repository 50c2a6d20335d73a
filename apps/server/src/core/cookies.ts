/** The cookies the app sets: the session (HttpOnly) and the chosen language. */
import type { FastifyReply } from 'fastify';
import type { Language } from '@varde/contracts';
import type { AppConfig } from '../config';

export const SESSION_COOKIE = 'varde_session';
export const LANGUAGE_COOKIE = 'lang';

const YEAR_SECONDS = 365 * 24 * 3600;

function sessionCookieOptions(config: Pick<AppConfig, 'publicUrl'>, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https://'),
    ...(expires ? { expires } : {}),
  };
}

export function setSessionCookie(reply: FastifyReply, config: Pick<AppConfig, 'publicUrl'>, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config, expiresAt));
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<AppConfig, 'publicUrl'>) {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
}

/** Remembers the language for a year, for visitors who are not signed in. */
export function setLanguageCookie(reply: FastifyReply, language: Language) {
  reply.setCookie(LANGUAGE_COOKIE, language, { path: '/', sameSite: 'lax', maxAge: YEAR_SECONDS });
}
