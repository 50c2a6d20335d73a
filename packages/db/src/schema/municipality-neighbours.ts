import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities';

/** Neighbour pairs, stored in both directions. Kind: land border, touching at a point, or likely sea border. */
export const municipalityNeighbours = pgTable(
  'municipality_neighbours',
  {
    code: text('code')
      .notNull()
      .references(() => municipalities.code),
    neighbourCode: text('neighbour_code')
      .notNull()
      .references(() => municipalities.code),
    kind: text('kind').$type<'land' | 'touching' | 'sea'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.neighbourCode] })],
);
