/**
 * Where the web app comes from in each mode: the page template, the server renderer, the `<head>` tags
 * of a page and its Content-Security-Policy. Built mode reads apps/web/dist; dev mode runs Vite.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Language } from '@varde/contracts';
import type { RenderOptions, RenderResult } from '../../../web/src/entry-server';
import { paths } from '../config';

export interface ServerEntry {
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
export interface WebHost {
  template(url: string): Promise<string>;
  entry(): Promise<ServerEntry>;
  /** Extra `<head>` tags for this page (preloads in production). */
  headTags(lang: Language, routeFiles: string[]): string;
  /** The page's Content-Security-Policy, given the SHA-256 (base64) of each of its inline scripts. */
  csp(scriptHashes: string[]): string;
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

const productionCsp = (scriptHashes: string[]) =>
  [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((hash) => ` 'sha256-${hash}'`).join('')}`,
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
 * The SHA-256 (base64) of each inline script of a page, for `script-src`: React Router's hydration
 * data. React escapes `<` in text, attributes and that data, so every `<script` in the page is one
 * React or the template wrote.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc=/i.test(attributes)) continue;
    hashes.add(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return [...hashes];
}

/**
 * Vite writes a nonce placeholder into the built page (`html.cspNonce`) for its module preloads; pages
 * allow their inline scripts by hash instead (ADR 002), so the placeholder goes.
 */
export const withoutNonce = (html: string) => html.replace(/<meta property="csp-nonce"[^>]*>\s*/g, '').replaceAll(' nonce="__CSP_NONCE__"', '');

/**
 * The page is rendered on the server, so on a slow connection its stylesheet should arrive before
 * the JavaScript that only makes it interactive. Vite writes the stylesheet after the scripts: move it
 * to the top of <head>.
 */
export function contentFirst(built: string): string {
  const stylesheets = built.match(/<link rel="stylesheet"[^>]*>\s*/g) ?? [];
  return stylesheets.reduce((html, tag) => html.replace(tag, ''), built).replace('<!--app-head-->', `${stylesheets.join('').trim()}<!--app-head-->`);
}

export async function builtHost(): Promise<WebHost> {
  const clientDir = join(paths.webDist, 'client');
  const entryFile = join(paths.webDist, 'server/entry-server.js');
  if (!existsSync(join(clientDir, 'index.html')) || !existsSync(entryFile)) {
    throw new Error(`The web app is not built (${paths.webDist}). Run "npm run build -w @varde/web" first, or start with --dev.`);
  }
  // React and React Router choose their production builds from NODE_ENV when first loaded; the
  // development builds render several times slower. Nothing else in the server has loaded them yet.
  process.env.NODE_ENV ??= 'production';
  const template = withoutNonce(contentFirst(await readFile(join(clientDir, 'index.html'), 'utf8')));
  const manifest = JSON.parse(await readFile(join(clientDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  // Loaded through a runtime URL so no bundler or type checker tries to resolve the build output.
  const entry = (await import(/* @vite-ignore */ pathToFileURL(entryFile).href)) as ServerEntry;

  // Preloading Inter (the Latin subset and the small Sámi one) avoids a layout shift, and a second
  // layout of long lists, when the font swaps in.
  const fonts = Object.values(manifest)
    .flatMap((c) => c.assets ?? [])
    .filter((file) => /inter-(latin|sami)-wght-normal-[^/]*\.woff2$/.test(file));
  const fontTag = [...new Set(fonts)].map((font) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="/${font}">`).join('');
  const appKey = 'src/hydrate.tsx';
  const catalogueKey = (lang: Language) => Object.keys(manifest).find((k) => k.endsWith(`/i18n/${lang}.ts`));

  return {
    template: async () => template,
    entry: async () => entry,
    csp: productionCsp,
    headTags(lang, routeFiles) {
      const keys = [appKey, ...routeFiles, catalogueKey(lang)].filter((k): k is string => !!k);
      const files = [...chunkFiles(manifest, keys)].map((f) => `/${f}`);
      return `${fontTag}<meta name="varde-modules" content="${files.join(' ')}">`;
    },
  };
}

export async function devHost(app: FastifyInstance, scope: FastifyInstance): Promise<WebHost> {
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
    template: async (url) => withoutNonce(await vite.transformIndexHtml(url, raw)),
    entry: () => vite.ssrLoadModule('/src/entry-server.tsx') as Promise<ServerEntry>,
    // Vite injects the stylesheet from JavaScript in development; this link avoids a flash of unstyled HTML.
    headTags: () => '<link rel="stylesheet" href="/src/styles.css">',
    // Hot reload needs inline styles, eval and a websocket; development only.
    csp: () =>
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'",
  };
}
