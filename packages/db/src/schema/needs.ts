import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SchemeTheme } from '@varde/contracts/schemes';
import { organisations } from './organisations';
import { users } from './users';

/** A municipality's declared needs and challenges: themes plus its own words. */
export const organisationNeeds = pgTable('organisation_needs', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  themes: jsonb('themes').$type<SchemeTheme[]>().notNull().default([]),
  description: text('description').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});
