import { pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import type { OrganisationType } from '@varde/contracts/vocabulary';
import { counties } from './counties';
import { municipalities } from './municipalities';

/** A municipality, county authority, State Administrator, regional council, scheme owner or partner. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').$type<OrganisationType>().notNull(),
    name: text('name').notNull(),
    /** Set for type `municipality` only: one organisation per kommune. */
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    /** The county a regional organisation serves; a municipality's own county. */
    countyCode: text('county_code').references(() => counties.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_municipality_code_key').on(t.municipalityCode)],
);
