/** Where a person goes after signing in when the address names nowhere else: their municipality's work (ADR 004). */
export const AFTER_SIGN_IN = '/min-kommune';

/**
 * Where to go after signing in (the `neste` parameter). Only paths on this site are allowed
 * (`/konto`, `/kommuner?q=x`), never `//other.example` or `/\other.example`, which browsers treat as
 * another host, nor the sign-in page itself. Shared by the sign-in form and the server's form route.
 */
export function safeNextPath(value: string | null | undefined, fallback = AFTER_SIGN_IN): string {
  if (!value || value.length > 2000 || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://varde.invalid');
    if (url.origin !== 'http://varde.invalid') return fallback;
    if (url.pathname === '/logg-inn') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/**
 * What the sign-in form without JavaScript (`POST /logg-inn`) reports back to the sign-in page, as
 * repeated `feil` parameters: the page shows each in the visitor's language.
 */
export const loginFormProblems = [
  'email_required',
  'email_invalid',
  'password_required',
  'invalid_credentials',
  'rate_limited',
  'unreadable',
  'internal',
] as const;
export type LoginFormProblem = (typeof loginFormProblems)[number];
