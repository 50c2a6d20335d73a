/**
 * The Fastify side of server rendering: a catch-all GET route renders the React app (React Router data
 * mode) to HTML. Loaders call the JSON API in-process (ssr-transport.ts) as the visitor, so
 * permissions, validation and translated errors are exactly what the browser gets. Public pages for
 * visitors who are not signed in are kept, rendered, in the render cache (render-cache.ts).
 *
 * - `webMode: 'built'`: the Vite build in apps/web/dist (hashed assets, gzip, a CSP with the hashes of
 *   the page's inline scripts, the render cache).
 * - `webMode: 'dev'`: Vite in middleware mode with hot reload.
 * - `webMode: 'none'`: nothing (tests of the API alone).
 */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { ErrorCode } from '@varde/contracts';
import type { RenderOptions, RenderResult } from '../../../web/src/entry-server';
import { paths, type AppConfig } from '../config';
import type { AuthContext } from '../core/auth-context';
import { SESSION_COOKIE, setLanguageCookie, viewCookieHeader } from '../core/cookies';
import type { Services } from '../services';
import { sendError } from './errors';
import { declareScopePublic } from './permissions';
import {
  acceptsGzip,
  cacheKey,
  type CachedPage,
  cachedPage,
  MAX_AGE_MS,
  nextMinuteAfter,
  nextOsloMidnight,
  normalisedUrl,
  RenderCache,
  watchPublicData,
} from './render-cache';
import { injectTransport } from './ssr-transport';
import { builtHost, devHost, inlineScriptHashes, type WebHost } from './web-host';

declare module 'fastify' {
  interface FastifyInstance {
    /** The render cache of public pages (built mode only). */
    renderCache?: RenderCache;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

type Rendered = { kind: 'redirect'; status: number; location: string } | { kind: 'html'; status: number; html: string; csp: string; publicPage: boolean };

/** Reads a rendered React stream into one string (it is complete: `render` waits for `onAllReady`). */
function collect(pipe: (destination: Writable) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        callback();
      },
      final(callback) {
        resolve(Buffer.concat(chunks).toString('utf8'));
        callback();
      },
    });
    sink.on('error', reject);
    pipe(sink);
  });
}

/** Renders the page at `url` (loaders as `auth`, in `lang`) into the whole HTML document. */
async function renderDocument(app: FastifyInstance, host: WebHost, request: FastifyRequest, url: URL, auth: AuthContext | null): Promise<Rendered> {
  const entry = await host.entry();
  const { transport, end } = injectTransport(app, request, auth);
  let result: RenderResult;
  let body: string;
  try {
    // The page sees only the view cookies (the state of a disclosure), never the session's.
    const view = viewCookieHeader(request.cookies);
    result = await entry.render(new Request(url, view ? { headers: { cookie: view } } : undefined), { lang: request.lang, transport } satisfies RenderOptions);
    if (result.kind === 'redirect') return result;
    body = await collect(result.pipe);
  } finally {
    end();
  }
  const head =
    `<title>${escapeHtml(result.title)}</title>` +
    `<meta name="description" content="${escapeHtml(result.description)}">` +
    host.headTags(request.lang, result.routeFiles);
  const [before, after = ''] = (await host.template(url.pathname + url.search))
    .replace('<html lang="nb">', `<html lang="${request.lang}">`)
    .replace('<!--app-head-->', head)
    .split('<!--app-html-->');
  const html = before + body + after;
  return { kind: 'html', status: result.status, html, csp: host.csp(inlineScriptHashes(html)), publicPage: result.publicPage };
}

const pageHeaders = (reply: FastifyReply, csp: string) =>
  reply.header('cache-control', 'no-store').header('vary', 'Cookie, Accept-Language').header('content-security-policy', csp).type('text/html; charset=utf-8');

/** Sends a kept page: gzipped when the client takes it (compression then leaves it alone), else plain. */
function sendCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage, outcome: 'hit' | 'miss') {
  pageHeaders(reply.code(page.status), page.csp).header('vary', 'Cookie, Accept-Language, Accept-Encoding').header('x-render-cache', outcome);
  if (request.headers['x-no-compression'] === undefined && acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(page.gzip);
  }
  return reply.send(page.plain);
}

interface PageCache {
  pages: RenderCache;
  data: ReturnType<typeof watchPublicData>;
  /** Pages to keep once the response's headers are final, if it sets no cookie (see `registerWeb`). */
  toKeep: WeakMap<FastifyRequest, () => void>;
}

/**
 * Pages behind a one-time link from an e-mail or an invitation: each address is one person's, and what
 * it shows changes when the link is used, so such pages are never kept in the render cache.
 */
const linkPage = /^\/(invitasjon|nytt-passord|avmelding|oppsett)\//;

/**
 * A visitor who is not signed in (no session cookie at all) and does not switch language gets the
 * same page as every other such visitor with the same language and address: it may come from the cache.
 */
const mayShare = (request: FastifyRequest) => !request.auth && !request.cookies[SESSION_COOKIE] && !request.langSwitch && !linkPage.test(request.url);

/**
 * A page for a visitor who is not signed in: from the cache, from another request rendering the same
 * page, or rendered from the normalised address and kept when it is a public page answered with 200.
 */
async function renderShared(app: FastifyInstance, host: WebHost, cache: PageCache, request: FastifyRequest, reply: FastifyReply, url: URL) {
  const pageUrl = normalisedUrl(url);
  const key = cacheKey(pageUrl, request.lang, viewCookieHeader(request.cookies));
  const state = await cache.data.current().catch((error: unknown) => {
    request.log.warn({ err: error }, 'render cache: public data version unavailable');
    return null;
  });
  let settle: ((page: CachedPage | null) => void) | null = null;
  if (state) {
    cache.pages.useVersion(state.version);
    const kept = cache.pages.get(key) ?? (await cache.pages.rendering(key));
    if (kept) return sendCached(request, reply, kept, 'hit');
    settle = cache.pages.beginRender(key);
  }
  let page: CachedPage | null = null;
  try {
    const rendered = await renderDocument(app, host, request, pageUrl, null);
    if (rendered.kind === 'redirect') return reply.header('cache-control', 'no-store').redirect(rendered.location, rendered.status);
    if (!state || !rendered.publicPage || rendered.status !== 200) {
      return pageHeaders(reply.code(rendered.status), rendered.csp).header('x-render-cache', 'miss').send(rendered.html);
    }
    const rendered200 = await cachedPage({ ...rendered, expiresAt: Math.min(state.validUntil, Date.now() + MAX_AGE_MS) });
    page = rendered200;
    cache.toKeep.set(request, () => cache.pages.set(key, rendered200, state.version));
    return sendCached(request, reply, page, 'miss');
  } finally {
    settle?.(page);
  }
}

async function renderPage(
  app: FastifyInstance,
  host: WebHost,
  deps: { config: AppConfig; services: Services },
  cache: PageCache | null,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  // Collapse leading slashes: `//host/path` would otherwise be read as another host.
  const url = new URL(request.url.replace(/^\/+/, '/'), deps.config.publicUrl);
  if (isApiPath(url.pathname)) return sendError(request, reply, 404, ErrorCode.notFound);

  let auth = request.auth;
  if (request.langSwitch) {
    setLanguageCookie(reply, request.langSwitch);
    if (auth) {
      await deps.services.authService.setLanguage(auth, request.langSwitch);
      auth = { ...auth, user: { ...auth.user, language: request.langSwitch } };
    }
  }

  if (cache && mayShare(request)) return renderShared(app, host, cache, request, reply, url);

  const rendered = await renderDocument(app, host, request, url, auth);
  if (rendered.kind === 'redirect') return reply.header('cache-control', 'no-store').redirect(rendered.location, rendered.status);
  if (cache) reply.header('x-render-cache', 'off');
  return pageHeaders(reply.code(rendered.status), rendered.csp).send(rendered.html);
}

/**
 * The render cache's view of what public pages show: the catalogue, reference data, the checks and
 * open reports a scheme's page mentions, participation records, solutions and their adopters, and the clock.
 */
function publicPageCache(services: Services): PageCache {
  const { catalogueService, municipalityService, sourceCheckService, factReportService, participationService, solutionService } = services;
  const data = watchPublicData({
    async version() {
      const stamps = await Promise.all([
        catalogueService.stamp(),
        municipalityService.stamp(),
        sourceCheckService.stamp(),
        factReportService.stamp(),
        participationService.stamp(),
        solutionService.stamp(),
      ]);
      return stamps.join('|');
    },
    async nextChange(now) {
      const call = await catalogueService.nextCallChange(now);
      return Math.min(nextOsloMidnight(now), call ? nextMinuteAfter(call.getTime()) : Number.POSITIVE_INFINITY);
    },
  });
  return { pages: new RenderCache(), data, toKeep: new WeakMap() };
}

/** Registers the web app: assets, compression and the catch-all page route. */
export async function registerWeb(app: FastifyInstance, deps: { config: AppConfig; services: Services }) {
  const { webMode } = deps.config;
  if (webMode === 'none') return;

  let cache: PageCache | null = null;
  if (webMode === 'built') {
    const pageCache = publicPageCache(deps.services);
    cache = pageCache;
    app.decorate('renderCache', pageCache.pages);
    // A write on this instance may change what a public page shows: read the version again before the
    // next page (the handler has committed by the time the answer is sent).
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) pageCache.data.invalidate();
      return payload;
    });
  }

  await app.register(async (scope) => {
    let host: WebHost;
    if (webMode === 'built') {
      host = await builtHost();
      await scope.register(compress, { global: true });
      // Runs after the cookie plugin has written Set-Cookie: a response that sets a cookie is never kept.
      scope.addHook('onSend', async (request, reply, payload) => {
        const keep = cache?.toKeep.get(request);
        if (keep && !reply.hasHeader('set-cookie')) keep();
        return payload;
      });
      await scope.register(async (assets) => {
        declareScopePublic(assets);
        await assets.register(fastifyStatic, {
          root: join(paths.webDist, 'client/assets'),
          prefix: '/assets/',
          immutable: true,
          maxAge: '1y',
          // The build writes brotli and gzip files beside the scripts and stylesheets (vite.config.ts).
          preCompressed: true,
          decorateReply: false,
          index: false,
        });
      });
    } else {
      host = await devHost(app, scope);
    }

    scope.get('/*', { config: { permission: { kind: 'public' } }, schema: { hide: true } }, (request, reply) =>
      renderPage(app, host, deps, cache, request, reply),
    );
  });
}
