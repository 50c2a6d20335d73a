/** The cookies the app sets: the session (HttpOnly) and the chosen language. */
import type { FastifyReply } from 'fastify';
import type { Language } from '@varde/contracts';
import { disclosureStates, viewCookies } from '@varde/contracts/vocabulary';
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

const viewCookieNames: readonly string[] = Object.values(viewCookies).sort();

/**
 * The view cookies (`viewCookies`: the open or closed state of a disclosure, set by the browser) as a
 * `Cookie` header for the page render, only known names with known values, in a fixed order; '' when
 * there are none. Bounded, so it can be part of the render cache's key.
 */
export function viewCookieHeader(cookies: Record<string, string | undefined>): string {
  return viewCookieNames
    .filter((name) => (disclosureStates as readonly (string | undefined)[]).includes(cookies[name]))
    .map((name) => `${name}=${cookies[name]}`)
    .join('; ');
}
