/**
 * The Fastify side of server rendering: a catch-all GET route renders the React app (React Router data
 * mode) to HTML. Loaders call the JSON API in-process with `app.inject`, forwarding the visitor's cookie
 * and language, so permissions, validation and translated errors are exactly what the browser gets.
 *
 * - `webMode: 'built'`: the Vite build in apps/web/dist (hashed assets, gzip, a CSP nonce per request).
 * - `webMode: 'dev'`: Vite in middleware mode with hot reload.
 * - `webMode: 'none'`: nothing (tests of the API alone).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { ErrorCode, type Language } from '@varde/contracts';
import type { Transport } from '../../../web/src/app/api-client';
import type { RenderOptions, RenderResult } from '../../../web/src/entry-server';
import { paths, type AppConfig } from '../config';
import { LANGUAGE_COOKIE, setLanguageCookie } from '../core/cookies';
import type { Services } from '../services';
import { sendError } from './errors';
import { declareScopePublic } from './permissions';

interface ServerEntry {
  render(request: Request, options: RenderOptions): Promise<RenderResult>;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  assets?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** How one mode gets the template and the renderer for a request. */
interface WebHost {
  template(url: string): Promise<string>;
  entry(): Promise<ServerEntry>;
  /** Extra `<head>` tags for this page (preloads in production). */
  headTags(lang: Language, routeFiles: string[]): string;
  csp(nonce: string): string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/** Replaces (or adds) the `lang` cookie so in-process API calls answer in the language this page uses. */
function cookieWithLanguage(cookie: string | undefined, lang: Language): string {
  const others = (cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith(`${LANGUAGE_COOKIE}=`));
  return [...others, `${LANGUAGE_COOKIE}=${lang}`].join('; ');
}

function injectTransport(app: FastifyInstance, request: FastifyRequest): Transport {
  const headers: Record<string, string> = { cookie: cookieWithLanguage(request.headers.cookie, request.lang) };
  const acceptLanguage = request.headers['accept-language'];
  if (acceptLanguage) headers['accept-language'] = acceptLanguage;
  return async ({ method, path, body, csrfToken }) => {
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
}

/** Collects the JS chunks a source file needs, following static imports through the manifest. */
function chunkFiles(manifest: Manifest, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) continue;
    into.add(chunk.file);
    chunkFiles(manifest, chunk.imports ?? [], into);
  }
  return into;
}

const productionCsp = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * The page is rendered on the server, so on a slow connection its stylesheet should arrive before
 * the JavaScript that only makes it interactive. Vite writes the stylesheet after the scripts: move it
 * to the top of <head>.
 */
export function contentFirst(built: string): string {
  const stylesheets = built.match(/<link rel="stylesheet"[^>]*>\s*/g) ?? [];
  return stylesheets.reduce((html, tag) => html.replace(tag, ''), built).replace('<!--app-head-->', `${stylesheets.join('').trim()}<!--app-head-->`);
}

async function builtHost(): Promise<WebHost> {
  const clientDir = join(paths.webDist, 'client');
  const entryFile = join(paths.webDist, 'server/entry-server.js');
  if (!existsSync(join(clientDir, 'index.html')) || !existsSync(entryFile)) {
    throw new Error(`The web app is not built (${paths.webDist}). Run "npm run build -w @varde/web" first, or start with --dev.`);
  }
  // React and React Router choose their production builds from NODE_ENV when first loaded; the
  // development builds render several times slower. Nothing else in the server has loaded them yet.
  process.env.NODE_ENV ??= 'production';
  const template = contentFirst(await readFile(join(clientDir, 'index.html'), 'utf8'));
  const manifest = JSON.parse(await readFile(join(clientDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  // Loaded through a runtime URL so no bundler or type checker tries to resolve the build output.
  const entry = (await import(/* @vite-ignore */ pathToFileURL(entryFile).href)) as ServerEntry;

  // The template already preloads the entry and its imports.
  const inTemplate = chunkFiles(
    manifest,
    Object.keys(manifest).filter((k) => manifest[k]!.isEntry),
  );
  // Preloading Inter (the Latin subset and the small Sámi one) avoids a layout shift, and a second
  // layout of long lists, when the font swaps in.
  const fonts = Object.values(manifest)
    .flatMap((c) => c.assets ?? [])
    .filter((file) => /inter-(latin|sami)-wght-normal-[^/]*\.woff2$/.test(file));
  const fontTag = [...new Set(fonts)].map((font) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="/${font}">`).join('');
  const catalogueKey = (lang: Language) => Object.keys(manifest).find((k) => k.endsWith(`/i18n/${lang}.ts`));

  return {
    template: async () => template,
    entry: async () => entry,
    csp: productionCsp,
    headTags(lang, routeFiles) {
      const keys = [...routeFiles, catalogueKey(lang)].filter((k): k is string => !!k);
      const files = [...chunkFiles(manifest, keys)].filter((f) => !inTemplate.has(f));
      return fontTag + files.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`).join('');
    },
  };
}

async function devHost(app: FastifyInstance, scope: FastifyInstance): Promise<WebHost> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    root: paths.webRoot,
    configFile: join(paths.webRoot, 'vite.config.ts'),
    server: { middlewareMode: true },
    appType: 'custom',
  });
  await scope.register(import('@fastify/middie'));
  scope.use(vite.middlewares);
  app.addHook('onClose', async () => vite.close());
  const raw = await readFile(join(paths.webRoot, 'index.html'), 'utf8');
  return {
    template: (url) => vite.transformIndexHtml(url, raw),
    entry: () => vite.ssrLoadModule('/src/entry-server.tsx') as Promise<ServerEntry>,
    // Vite injects the stylesheet from JavaScript in development; this link avoids a flash of unstyled HTML.
    headTags: () => '<link rel="stylesheet" href="/src/styles.css">',
    // Hot reload needs inline styles, eval and a websocket; development only.
    csp: () =>
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'",
  };
}

async function renderPage(app: FastifyInstance, host: WebHost, deps: { config: AppConfig; services: Services }, request: FastifyRequest, reply: FastifyReply) {
  // Collapse leading slashes: `//host/path` would otherwise be read as another host.
  const url = new URL(request.url.replace(/^\/+/, '/'), deps.config.publicUrl);
  if (isApiPath(url.pathname)) return sendError(request, reply, 404, ErrorCode.notFound);

  if (request.langSwitch) {
    setLanguageCookie(reply, request.langSwitch);
    if (request.auth) await deps.services.authService.setLanguage(request.auth, request.langSwitch);
  }

  const nonce = randomBytes(16).toString('base64');
  const entry = await host.entry();
  const result = await entry.render(new Request(url), {
    nonce,
    lang: request.lang,
    transport: injectTransport(app, request),
  });
  reply.header('cache-control', 'no-store').header('vary', 'Cookie, Accept-Language');
  if (result.kind === 'redirect') return reply.redirect(result.location, result.status);

  const head =
    `<title>${escapeHtml(result.title)}</title>` +
    `<meta name="description" content="${escapeHtml(result.description)}">` +
    host.headTags(request.lang, result.routeFiles);
  const html = (await host.template(url.pathname + url.search))
    .replaceAll('__CSP_NONCE__', nonce)
    .replace('<html lang="nb">', `<html lang="${request.lang}">`)
    .replace('<!--app-head-->', head);
  const [before, after = ''] = html.split('<!--app-html-->');
  const body = new Transform({
    transform(chunk, _encoding, callback) {
      callback(null, chunk);
    },
    flush(callback) {
      this.push(after);
      callback();
    },
  });
  body.push(before);
  result.pipe(body);
  return reply.code(result.status).header('content-security-policy', host.csp(nonce)).type('text/html; charset=utf-8').send(body);
}

/** Registers the web app: assets, compression and the catch-all page route. */
export async function registerWeb(app: FastifyInstance, deps: { config: AppConfig; services: Services }) {
  const { webMode } = deps.config;
  if (webMode === 'none') return;

  await app.register(async (scope) => {
    let host: WebHost;
    if (webMode === 'built') {
      host = await builtHost();
      await scope.register(compress, { global: true });
      await scope.register(async (assets) => {
        declareScopePublic(assets);
        await assets.register(fastifyStatic, {
          root: join(paths.webDist, 'client/assets'),
          prefix: '/assets/',
          immutable: true,
          maxAge: '1y',
          decorateReply: false,
          index: false,
        });
      });
    } else {
      host = await devHost(app, scope);
    }

    scope.get('/*', { config: { permission: { kind: 'public' } }, schema: { hide: true } }, (request, reply) => renderPage(app, host, deps, request, reply));
  });
}
