import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defaultLanguage, isLanguage, type Language } from '@varde/contracts';
import type { AuthContext } from '../core/auth-context';
import { LANGUAGE_COOKIE } from '../core/cookies';

export function languageFromAcceptHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'nn') return 'nn';
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return undefined;
}

/**
 * Picks the language for a request: an explicit `?lang=`, the signed-in user's choice, the `lang`
 * cookie, nynorsk for members of a nynorsk municipality, the browser's Accept-Language, then bokmål.
 */
function resolveLanguage(request: FastifyRequest, auth: AuthContext | null): Language {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLanguage(query)) return query;
  if (auth?.user.language) return auth.user.language;
  const cookie = request.cookies[LANGUAGE_COOKIE];
  if (isLanguage(cookie)) return cookie;
  if (auth?.memberships.some((m) => m.organisationType === 'municipality' && m.languageForm === 'nynorsk')) return 'nn';
  return languageFromAcceptHeader(request.headers['accept-language']) ?? defaultLanguage;
}

export function registerLanguage(app: FastifyInstance) {
  app.decorateRequest('lang', defaultLanguage);
  app.decorateRequest('langSwitch', null);
  // Runs before auth so errors from the auth hook are translated; refined once the user is known.
  app.addHook('onRequest', async (request) => {
    request.lang = resolveLanguage(request, null);
    const query = new URL(request.url, 'http://x').searchParams.get('lang');
    request.langSwitch = isLanguage(query) ? query : null;
  });
}

export function refineLanguage(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (request.auth) request.lang = request.langSwitch ?? resolveLanguage(request, request.auth);
  });
}
