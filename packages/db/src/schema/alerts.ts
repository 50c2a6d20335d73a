import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SchemeQuery } from '@varde/contracts/finder-api';
import { organisations } from './organisations';
import { users } from './users';

/** A finder query a user saved; new or changed matches and near deadlines become notifications. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<SchemeQuery>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Scheme versions seen when the search was last checked: `{ schemeId: version }`. */
    seen: jsonb('seen').$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `scheme_new`, `scheme_changed`, `deadline_soon`, `scheme_ended`, `fact_report`, `fact_report_closed`. */
    kind: text('kind').notNull(),
    /** Identifies the event, so the same event is never notified twice. */
    dedupeKey: text('dedupe_key').notNull(),
    /** Codes and short values (ids, versions, dates, a bounded list of change codes), rendered in the reader's language; never free text. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    /** When the notification went out in an e-mail digest (null: not yet). */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
    // The header's unread count reads only these rows.
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null and ${t.dismissedAt} is null`),
    // A report's notifications to every owner are marked read together when it is resolved.
    index('notifications_fact_report_idx').on(t.dedupeKey).where(sql`${t.kind} = 'fact_report'`),
  ],
);

/**
 * When a user's saved searches were last run for notifications: the catalogue stamp and the Oslo
 * day. Reads skip the work while both are unchanged, so the check runs at most once per catalogue
 * change and day whichever instance answers.
 */
export const notificationChecks = pgTable('notification_checks', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  catalogueStamp: text('catalogue_stamp').notNull(),
  osloDay: date('oslo_day', { mode: 'string' }).notNull(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
});
