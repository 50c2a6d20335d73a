import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DigestFrequency, Language, MailKind, MailState } from '@varde/contracts/vocabulary';
import { users } from './users';

/**
 * The mail queue (ADR 010): each e-mail is written here in the transaction of the change that causes
 * it, rendered in its recipient's language, and sent by a worker that claims due rows with
 * `FOR UPDATE SKIP LOCKED` and a lease (`lease_until`), retrying with back-off.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<MailKind>().notNull(),
    /** The recipient's account, when they have one. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    language: text('language').$type<Language>().notNull(),
    subject: text('subject').notNull(),
    /** The bodies hold links with tokens: they are deleted 30 days after the mail was queued. */
    bodyText: text('body_text'),
    bodyHtml: text('body_html'),
    /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** Who caused the mail (the inviting administrator); the outbox shows an invitation's body to them only. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Identifies the event, so that it is mailed once (a reminder per item, deadline, day count and person). */
    dedupeKey: text('dedupe_key'),
    /** SHA-256 of the one-click unsubscribe token in this mail. */
    unsubscribeHash: text('unsubscribe_hash'),
    state: text('state').$type<MailState>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    /** A worker that claimed the mail holds it until then; after that another worker may send it again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseOwner: text('lease_owner'),
    lastError: text('last_error'),
    /** When the link in the mail stops working: an unsent mail is not sent after that. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_key').on(t.dedupeKey),
    uniqueIndex('mail_outbox_unsubscribe_key').on(t.unsubscribeHash),
    // The worker's claim reads only mail still to send.
    index('mail_outbox_due_idx').on(t.runAt).where(sql`${t.state} in ('queued', 'sending')`),
    index('mail_outbox_created_idx').on(t.createdAt),
    index('mail_outbox_recent_idx').on(t.toAddress, t.kind, t.createdAt),
  ],
);

/** Each user's e-mail choices (no row: the defaults). */
export const mailPreferences = pgTable('mail_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  digest: text('digest').$type<DigestFrequency>().notNull().default('daily'),
  reminders: boolean('reminders').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Scheduled work (notification checks, digests, reminders, clean-up): the period each job last ran
 * for, claimed with a conditional upsert so that one instance runs it; `finished_at` is null while it
 * runs, and a claim older than the lease may be taken over.
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  period: text('period').notNull(),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
