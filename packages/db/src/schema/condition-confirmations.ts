import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { users } from './users';

/**
 * A member's statement that their municipality meets a scheme condition (ADR 005 addition): per
 * municipality × scheme × condition, or per municipality × membership (`scheme_id` null,
 * `condition_id` `membership:<key>`, shared by every scheme asking for that membership). A new
 * confirmation replaces the old one. Private to the members of that municipality's organisation.
 */
export const conditionConfirmations = pgTable(
  'condition_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The municipality's organisation. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Null for a membership, which every scheme asking for it shares. */
    schemeId: text('scheme_id'),
    conditionId: text('condition_id').notNull(),
    /** The call the confirmation was made for (it expires with that call's deadline), or null. */
    callId: text('call_id'),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The call's deadline instant when made for a call, else 12 months after `confirmed_at`. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One confirmation per organisation, scheme (or none) and condition: a new one replaces the old.
    uniqueIndex('condition_confirmations_org_scheme_condition_key').on(t.organisationId, sql`coalesce(${t.schemeId}, '')`, t.conditionId),
    index('condition_confirmations_org_idx').on(t.organisationId),
  ],
);
