import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, type HydrationState } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { isLanguage } from '@varde/contracts/vocabulary';
import { routes } from './app/routes';
import { I18nContext, loadMessages } from './i18n/i18n';

declare global {
  interface Window {
    __staticRouterHydrationData?: HydrationState;
  }
}

/**
 * Resolves the lazy routes the server rendered before hydrating. Without this the router has no
 * component for them during hydration and renders the page a second time (recipe pitfall 1).
 */
async function resolveMatchedLazyRoutes() {
  const matches = matchRoutes(routes, window.location)?.filter((m) => m.route.lazy) ?? [];
  await Promise.all(
    matches.map(async (m) => {
      const lazy = m.route.lazy;
      if (typeof lazy !== 'function') return;
      Object.assign(m.route, { ...(await lazy()), lazy: undefined });
    }),
  );
}

async function start() {
  const htmlLang = document.documentElement.lang;
  const lang = isLanguage(htmlLang) ? htmlLang : 'nb';
  const [messages] = await Promise.all([loadMessages(lang), resolveMatchedLazyRoutes()]);
  const router = createBrowserRouter(routes, { hydrationData: window.__staticRouterHydrationData });
  // Hydrating as a transition lets React yield to the browser every few milliseconds instead of
  // holding the main thread for the whole page (a click meanwhile is replayed once its part is live).
  startTransition(() => {
    hydrateRoot(
      document.getElementById('root')!,
      <StrictMode>
        <I18nContext value={{ lang, messages }}>
          <RouterProvider router={router} />
        </I18nContext>
      </StrictMode>,
    );
  });
}

void start();
