import type { ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';

/**
 * The page's one h1. It takes focus after client-side navigation (see `useFocusOnNavigation`), so it
 * is focusable from script but not part of the tab order.
 */
export function PageHeading({ children, lang }: { children: ReactNode; lang?: string }) {
  return (
    <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading" lang={lang}>
      {children}
    </Heading>
  );
}
