import { disclosureStates, type DisclosureState } from '@varde/contracts/vocabulary';

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The state a view cookie (`viewCookies`) keeps: on the server from the page request, which carries
 * only the view cookies (apps/server/src/core/cookies.ts), in the browser from `document.cookie`. Null
 * when there is none or it holds something else.
 */
export function disclosureState(request: Request, name: string): DisclosureState | null {
  const header = typeof document === 'undefined' ? (request.headers.get('cookie') ?? '') : document.cookie;
  for (const part of header.split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === name) return (disclosureStates as readonly (string | undefined)[]).includes(value) ? (value as DisclosureState) : null;
  }
  return null;
}

/** Keeps a disclosure's state for a year, so the next page is painted with it open or closed. */
export function rememberDisclosureState(name: string, open: boolean) {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: one of two fixed values; the Cookie Store API is not in every browser Varde supports.
  document.cookie = `${name}=${open ? 'open' : 'closed'}; path=/; max-age=${YEAR_SECONDS}; samesite=lax${secure}`;
}
