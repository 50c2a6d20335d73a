/**
 * Who is calling: the signed-in user with their memberships (set on each request by the session
 * hook), and the request's language. Services receive these, never the request itself.
 */
import type { FastifyRequest } from 'fastify';
import type { Language, Membership } from '@varde/contracts';

export interface AuthContext {
  user: { id: string; email: string; name: string; language: Language | null; isPlatformAdmin: boolean };
  memberships: Membership[];
  sessionIdHash: string;
  csrfToken: string;
}

/** Who reads a public answer: their language, and their session when signed in. */
export interface Viewer {
  lang: Language;
  auth: AuthContext | null;
}

/** A viewer whose route requires a session (checked before the handler runs). */
export type SignedInViewer = Viewer & { auth: AuthContext };

export const viewerOf = (request: FastifyRequest): Viewer => ({ lang: request.lang, auth: request.auth });

/** For routes whose permission requires a session (checked before the handler runs). */
export const signedInViewerOf = (request: FastifyRequest): SignedInViewer => ({ lang: request.lang, auth: request.auth as AuthContext });

/**
 * Resolves a session cookie's token to the caller (null for an unknown or expired session);
 * `renewedUntil` is set when the session's expiry moved forward, so the cookie is set again.
 */
export type Authenticate = (token: string, now: Date) => Promise<{ auth: AuthContext; renewedUntil: Date | null } | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook (plugins/auth.ts). */
    auth: AuthContext | null;
    /** Set by the language hooks (plugins/language.ts). */
    lang: Language;
    /** Set when `?lang=` asked to switch; the SSR route stores it for the user and in a cookie. */
    langSwitch: Language | null;
  }
}
