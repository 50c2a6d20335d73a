/**
 * How a page's loaders reach the JSON API on the server: in-process with `app.inject`, so each call
 * runs the route's own hooks, permission, validation, handler and response schema exactly as the
 * browser's call would (ADR 002). The caller is the page request's: its session was looked up once
 * (plugins/auth.ts) and is handed to the calls through a render pass instead of the cookie, and a GET
 * asked for twice while rendering one page (the session, by the root and the page) is asked once.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language } from '@varde/contracts';
import type { Transport } from '../../../web/src/app/api-client';
import { LANGUAGE_COOKIE, SESSION_COOKIE } from '../core/cookies';
import type { AuthContext } from '../core/auth-context';
import { beginRenderPass, RENDER_PASS_HEADER } from './auth';

/**
 * The visitor's cookies for in-process API calls: the `lang` cookie replaced with the page's language
 * so the API answers in it, and the session cookie left out when the caller travels in a render pass.
 */
export function forwardedCookie(cookie: string | undefined, lang: Language, withSession: boolean): string {
  const others = (cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith(`${LANGUAGE_COOKIE}=`) && (withSession || !part.startsWith(`${SESSION_COOKIE}=`)));
  return [...others, `${LANGUAGE_COOKIE}=${lang}`].join('; ');
}

type ApiAnswer = Awaited<ReturnType<Transport>>;

/**
 * A transport for one page render; `end()` when the page is rendered (the render pass stops being
 * honoured). `auth` is the caller the page request resolved, with the language it chose for the page.
 */
export function injectTransport(app: FastifyInstance, request: FastifyRequest, auth: AuthContext | null): { transport: Transport; end: () => void } {
  const pass = auth ? beginRenderPass(auth) : null;
  const headers: Record<string, string> = { cookie: forwardedCookie(request.headers.cookie, request.lang, !pass) };
  if (pass) headers[RENDER_PASS_HEADER] = pass.token;
  const acceptLanguage = request.headers['accept-language'];
  if (acceptLanguage) headers['accept-language'] = acceptLanguage;
  const gets = new Map<string, Promise<ApiAnswer>>();

  const call: Transport = async ({ method, path, body, csrfToken }) => {
    const response = await app.inject({
      method,
      url: path,
      headers: {
        ...headers,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    let parsed: unknown;
    try {
      parsed = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.statusCode, body: parsed };
  };

  const transport: Transport = (apiRequest) => {
    if (apiRequest.method !== 'GET') return call(apiRequest);
    let answer = gets.get(apiRequest.path);
    if (!answer) {
      answer = call(apiRequest);
      gets.set(apiRequest.path, answer);
    }
    return answer;
  };
  return { transport, end: () => pass?.end() };
}
