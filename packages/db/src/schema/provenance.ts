import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { schemes } from './schemes';
import { users } from './users';

/**
 * The newest check of one fact group of a scheme against its sources, recorded in Varde by the
 * scheme's owner organisation or a platform admin (ADR 005, addition "Checks and reports"). Kept apart
 * from the scheme document, so a catalogue release that replaces the document keeps it.
 */
export const sourceChecks = pgTable(
  'source_checks',
  {
    schemeId: text('scheme_id')
      .notNull()
      .references(() => schemes.id, { onDelete: 'cascade' }),
    /** One of `factGroups` (applicants, funding, criteria, …). */
    factGroup: text('fact_group').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null once that account is deleted. */
    checkedBy: uuid('checked_by').references(() => users.id, { onDelete: 'set null' }),
    /** The version of the scheme that was compared with its sources. */
    schemeVersion: integer('scheme_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.factGroup] })],
);

/**
 * A signed-in user's report that a fact group or a call of a scheme may be wrong or outdated; open
 * until the scheme's owner resolves or rejects it. Kept apart from the scheme document, like checks.
 */
export const factReports = pgTable(
  'fact_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: text('scheme_id')
      .notNull()
      .references(() => schemes.id, { onDelete: 'cascade' }),
    factGroup: text('fact_group').notNull(),
    /** A call of the scheme (group `calls`), or null for the group as a whole. */
    callId: text('call_id'),
    text: text('text').notNull(),
    sourceUrl: text('source_url'),
    /** `open`, `resolved` or `rejected`. */
    status: text('status').notNull().default('open'),
    /** Null once that account is deleted (the report stays for the owners). */
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    /** The version of the scheme the reporter read. */
    schemeVersion: integer('scheme_version').notNull(),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionComment: text('resolution_comment'),
  },
  (t) => [
    check('fact_reports_status_check', sql`${t.status} in ('open', 'resolved', 'rejected')`),
    check('fact_reports_closed_check', sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
    // The scheme page's open reports, and a user's open reports (the limit counts them).
    index('fact_reports_open_scheme_idx').on(t.schemeId).where(sql`${t.status} = 'open'`),
    index('fact_reports_open_reporter_idx').on(t.reportedBy).where(sql`${t.status} = 'open'`),
    index('fact_reports_scheme_idx').on(t.schemeId, t.reportedAt),
  ],
);
