import type { ReactNode } from 'react';
import { Link } from '@digdir/designsystemet-react';

/**
 * `url` when it is an absolute `http:` or `https:` address, otherwise null. Addresses in schemes are
 * checked when they are saved; this keeps a `javascript:` or `data:` address from ever becoming a link.
 */
export function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A link to a page outside Varde; just the text when the address is not http(s). */
export function ExternalLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  const safe = webHref(href);
  if (!safe) return <>{children}</>;
  return (
    <Link href={safe} rel="noopener">
      {children}
    </Link>
  );
}
