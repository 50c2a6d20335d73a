import { boolean, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Language } from '@varde/contracts/vocabulary';
import { organisations } from './organisations';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    /** Chosen UI language; null means "follow the municipality's målform, then the browser". */
    language: text('language').$type<Language>(),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The municipality whose work `/min-kommune` showed last (one of the user's memberships when read; null: none chosen yet). */
    homeOrganisationId: uuid('home_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);
