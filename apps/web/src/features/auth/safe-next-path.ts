/**
 * Where to go after signing in. Only paths on this site are allowed (`/konto`, `/kommuner?q=x`), never
 * `//other.example` or `/\other.example`, which browsers treat as another host.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/konto'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://varde.invalid');
    if (url.origin !== 'http://varde.invalid') return fallback;
    if (url.pathname === '/logg-inn') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
