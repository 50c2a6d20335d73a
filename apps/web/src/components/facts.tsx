import type { ReactNode } from 'react';

export type FactRow = [label: string, value: ReactNode];

/** Label–value pairs as a description list (`.facts`), one row each. */
export function Facts({ rows }: { rows: FactRow[] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
