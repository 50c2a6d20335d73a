import type { ComponentProps } from 'react';
import { Link as RouterLink } from 'react-router';
import { Link } from '@digdir/designsystemet-react';

/** A Designsystemet link that navigates on the client (a plain link without JavaScript). */
export function AppLink(props: ComponentProps<typeof RouterLink>) {
  return (
    <Link asChild>
      <RouterLink {...props} />
    </Link>
  );
}
