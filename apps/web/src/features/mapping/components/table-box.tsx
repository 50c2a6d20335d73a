import type { ReactNode } from 'react';
import { Table } from '@digdir/designsystemet-react';

/** A table that scrolls inside its own box on a narrow screen, named by its caption. */
export function TableBox({ id, caption, children, compact = false }: { id: string; caption: string; children: ReactNode; compact?: boolean }) {
  return (
    <div className={compact ? 'table-scroll table-scroll--compact' : 'table-scroll'} tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <Table zebra data-size="sm">
        <caption id={`${id}-caption`}>{caption}</caption>
        {children}
      </Table>
    </div>
  );
}
