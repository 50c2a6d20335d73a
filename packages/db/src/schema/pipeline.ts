import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PipelineStatus } from '@varde/contracts/pipeline';
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
  (t) => [
    uniqueIndex('pipeline_items_org_scheme_call_key').on(t.organisationId, t.schemeId, t.callId),
    index('pipeline_items_org_idx').on(t.organisationId),
  ],
);

/** Secret tokens for an organisation's calendar feed of followed schemes; rotating replaces the row. */
export const calendarFeeds = pgTable('calendar_feeds', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
