import type { Translate } from '../i18n/i18n';

/**
 * What each page module exports as `handle`. The server writes the title and description into
 * `<head>` (React would otherwise put `<title>` inside the app root); the browser updates the title
 * after client-side navigation.
 */
export interface RouteHandle<Data = never> {
  title: (t: Translate, data: Data) => string;
  description?: (t: Translate, data: Data) => string;
  /**
   * The page has no loader, so its head does not depend on data. For other pages, missing data means
   * the loader failed and the error boundary sets the title instead.
   */
  static?: boolean;
}

interface MatchLike {
  id: string;
  handle?: unknown;
}

function isHandle(handle: unknown): handle is RouteHandle<unknown> {
  return typeof handle === 'object' && handle !== null && typeof (handle as RouteHandle).title === 'function';
}

/** Title and description from the deepest route that has a handle and data, or undefined on an error. */
export function headFor(matches: MatchLike[], dataOf: (id: string) => unknown, t: Translate): { title: string; description: string } | undefined {
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i]!;
    if (!isHandle(match.handle)) continue;
    const data = dataOf(match.id);
    if (data === undefined && !match.handle.static) return undefined;
    return {
      title: t('layout.titleSuffix', { page: match.handle.title(t, data) }),
      description: match.handle.description?.(t, data) ?? t('meta.description'),
    };
  }
  return undefined;
}

export function errorTitle(t: Translate, status: number): string {
  return t('layout.titleSuffix', { page: t(errorKeys(status).title) });
}

export function errorKeys(status: number) {
  switch (status) {
    case 403:
      return { title: 'errorPage.forbidden.title', body: 'errorPage.forbidden.body' } as const;
    case 404:
      return { title: 'errorPage.notFound.title', body: 'errorPage.notFound.body' } as const;
    case 410:
      return { title: 'errorPage.gone.title', body: 'errorPage.gone.body' } as const;
    default:
      return { title: 'errorPage.internal.title', body: 'errorPage.internal.body' } as const;
  }
}
