import { StrictMode } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import type { Writable } from 'node:stream';
import type { Language } from '@varde/contracts';
import { createApi, type LoaderContext, type Transport } from './app/api-client';
import { errorTitle, headFor } from './app/route-handle';
import { routeFiles, routes } from './app/routes';
import { createTranslate, I18nContext, loadMessages } from './i18n/i18n';

const handler = createStaticHandler(routes);

/**
 * Pages that show every visitor who is not signed in the same thing: public data (the catalogue and
 * reference data, published solutions) and the clock, nothing of the visitor's own. The server may keep their HTML for
 * anonymous visitors (apps/server/src/plugins/render-cache.ts). A page that shows anything else — an
 * invitation, an organisation's members — must not be listed here.
 */
const publicPages = new Set([
  'home',
  'municipalities',
  'municipality',
  'login',
  'schemes',
  'scheme',
  'scheme-history',
  'deadlines',
  'solutions',
  'solution',
  'solution-version',
]);

export type RenderResult =
  | { kind: 'redirect'; status: number; location: string }
  | {
      kind: 'html';
      status: number;
      title: string;
      description: string;
      /** Source files (Vite manifest keys) of the matched lazy routes, for modulepreload tags. */
      routeFiles: string[];
      /** The page is one of `publicPages` and rendered without errors: the same for every anonymous visitor. */
      publicPage: boolean;
      pipe: (destination: Writable) => void;
      abort: () => void;
    };

export interface RenderOptions {
  lang: Language;
  /** How loaders reach the API on the server: the host passes an in-process transport. */
  transport: Transport;
}

/**
 * Runs the matched loaders (through the in-process API, in parallel as React Router does), then
 * renders the whole page. Waiting for `onAllReady` costs almost nothing because the data is already
 * loaded, and gives clients without JavaScript (and crawlers) complete HTML. Inline scripts carry no
 * nonce: the server allows them by their hashes (ADR 002), so equal pages are equal bytes.
 */
export async function render(request: Request, { lang, transport }: RenderOptions): Promise<RenderResult> {
  const requestContext: LoaderContext = { api: createApi(transport) };
  const context = await handler.query(request, { requestContext });
  if (context instanceof Response) {
    return { kind: 'redirect', status: context.status, location: context.headers.get('Location') ?? '/' };
  }

  const messages = await loadMessages(lang);
  const t = createTranslate(messages);
  const matches = context.matches.map((m) => ({ id: m.route.id, handle: m.route.handle }));
  const head = context.errors
    ? { title: errorTitle(t, context.statusCode), description: t('meta.description') }
    : (headFor(matches, (id) => context.loaderData[id], t) ?? { title: t('app.name'), description: t('meta.description') });

  const router = createStaticRouter(handler.dataRoutes, context);
  const i18n = { lang, messages };
  return new Promise((resolve, reject) => {
    let failed = false;
    const stream = renderToPipeableStream(
      <StrictMode>
        <I18nContext value={i18n}>
          <StaticRouterProvider router={router} context={context} />
        </I18nContext>
      </StrictMode>,
      {
        onAllReady() {
          resolve({
            kind: 'html',
            status: failed ? 500 : context.statusCode,
            title: head.title,
            description: head.description,
            routeFiles: context.matches.flatMap((m) => routeFiles[m.route.id] ?? []),
            publicPage: !failed && !context.errors && publicPages.has(context.matches.at(-1)?.route.id ?? ''),
            pipe: (destination) => stream.pipe(destination),
            abort: () => stream.abort(),
          });
        },
        onShellError: reject,
        onError(error) {
          failed = true;
          console.error(error);
        },
      },
    );
  });
}
