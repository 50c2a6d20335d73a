import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PipelineStatus } from '@varde/contracts/vocabulary';
import { memberships } from './memberships';
import { organisations } from './organisations';
import { schemes } from './schemes';
import { users } from './users';

/** Where a municipality stands with a scheme or one of its calls. Private to its members. */
export const pipelineItems = pgTable(
  'pipeline_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    schemeId: text('scheme_id')
      .notNull()
      .references(() => schemes.id, { onDelete: 'cascade' }),
    /** A call id inside the scheme's data; empty string for the scheme as a whole. */
    callId: text('call_id').notNull().default(''),
    status: text('status').$type<PipelineStatus>().notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('pipeline_items_org_scheme_call_key').on(t.organisationId, t.schemeId, t.callId), index('pipeline_items_org_idx').on(t.organisationId)],
);

/**
 * Each member's own secret address of an organisation's calendar feed (the schemes it follows);
 * rotating replaces the row. The foreign key to the membership deletes the address when the member
 * leaves or is removed, so a former member's link stops working in the same transaction.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    foreignKey({
      name: 'calendar_feeds_membership_fk',
      columns: [t.userId, t.organisationId],
      foreignColumns: [memberships.userId, memberships.organisationId],
    }).onDelete('cascade'),
  ],
);

/**
 * Hashes of the shared addresses an organisation had before each member got their own (migration
 * 0003). They serve no calendar; the feed route recognises them to answer 410 with where to get a
 * personal address.
 */
export const retiredCalendarFeeds = pgTable('retired_calendar_feeds', {
  tokenHash: text('token_hash').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true }).notNull().defaultNow(),
});
