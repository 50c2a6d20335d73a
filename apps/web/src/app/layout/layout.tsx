import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLoaderData, useLocation, useMatches, useRouteError } from 'react-router';
import { SkipLink } from '@digdir/designsystemet-react';
import type { RootData } from '../../features/auth/api/get-session';
import { useI18n } from '../../i18n/i18n';
import { headFor } from '../route-handle';
import { ErrorPage, statusOf } from './error-page';
import { Footer } from './footer';
import { Header } from './header';

/**
 * After a client-side page change, move focus to the new page's h1 (or main) so screen readers start
 * at the new content, as they would after a full page load. A change of query string alone (filters,
 * sorting) keeps focus where it is; the result count is announced by its live region instead.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    target?.focus();
  }, [pathname]);
}

function useDocumentTitle() {
  const { t } = useI18n();
  const matches = useMatches();
  useEffect(() => {
    const head = headFor(matches, (id) => matches.find((m) => m.id === id)?.data, t);
    if (head) document.title = head.title;
  }, [matches, t]);
}

function Shell({ user, children }: { user: RootData['session']['user']; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="shell">
      <SkipLink href="#main">{t('layout.skipToContent')}</SkipLink>
      <Header user={user} />
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <Footer />
    </div>
  );
}

export function Layout() {
  const { session } = useLoaderData() as RootData;
  useFocusOnNavigation();
  useDocumentTitle();
  return (
    <Shell user={session.user}>
      <Outlet />
      <ScrollRestoration />
    </Shell>
  );
}

/** Only reached when the root loader itself fails (the session could not be read). */
export function RootErrorBoundary() {
  const error = useRouteError();
  if (statusOf(error) >= 500) console.error(error);
  return (
    <Shell user={null}>
      <ErrorPage status={statusOf(error)} />
    </Shell>
  );
}
