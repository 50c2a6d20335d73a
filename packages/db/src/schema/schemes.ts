import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Scheme } from '@varde/contracts/schemes';
import { organisations } from './organisations';
import { users } from './users';

/** The scheme catalogue: one row per scheme, its facts as one validated document. */
export const schemes = pgTable(
  'schemes',
  {
    id: text('id').primaryKey(),
    data: jsonb('data').$type<Scheme>().notNull(),
    /** The scheme owner organisation whose members may edit it (platform admins may edit any). */
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    /** Hash of the catalogue file last imported; a changed file is imported as a new version. */
    catalogueHash: text('catalogue_hash'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('schemes_owner_idx').on(t.ownerOrganisationId)],
);

/** Every saved state of a scheme, for the change history. */
export const schemeVersions = pgTable(
  'scheme_versions',
  {
    schemeId: text('scheme_id')
      .notNull()
      .references(() => schemes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    data: jsonb('data').$type<Scheme>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Null for the catalogue import; otherwise what the editor said about the change. */
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.version] })],
);
