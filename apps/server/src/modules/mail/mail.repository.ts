import { and, desc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { DigestFrequency, MailState } from '@varde/contracts/vocabulary';
import { schema, selectRows, type AppDb, type DbOrTx } from '@varde/db';

const { mailOutbox, mailPreferences } = schema;

export type MailRow = typeof mailOutbox.$inferSelect;
export type NewMail = Omit<typeof mailOutbox.$inferInsert, 'id' | 'state' | 'attempts' | 'leaseUntil' | 'leaseOwner' | 'lastError' | 'sentAt'>;

/** A claimed row as the raw claim query returns it (snake_case columns). */
interface ClaimedRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string | null;
  body_html: string | null;
  headers: Record<string, string> | string;
  attempts: number;
}

/** The `mail_outbox` and `mail_preferences` tables. */
export function createMailRepository(db: AppDb) {
  return {
    /** Queues a mail; false when a mail with the same `dedupeKey` exists (the event was mailed already). */
    async insert(values: NewMail, tx: DbOrTx = db): Promise<boolean> {
      const rows = await tx.insert(mailOutbox).values(values).onConflictDoNothing().returning({ id: mailOutbox.id });
      return rows.length > 0;
    },

    /**
     * Claims up to `limit` due mails for `owner` until `leaseUntil`: queued mail whose time has come, and
     * mail another worker claimed but did not finish before its lease ran out (it may have crashed after
     * sending: the mail then goes again, it is never lost). Rows another worker is claiming right now are
     * skipped (`SKIP LOCKED`), so two workers never claim the same mail at once.
     */
    async claimDue(owner: string, at: Date, leaseUntil: Date, limit: number) {
      const rows = await selectRows<ClaimedRow>(
        db,
        sql`update ${mailOutbox} set state = 'sending', lease_owner = ${owner}, lease_until = ${leaseUntil.toISOString()}, attempts = attempts + 1
            where id in (
              select id from ${mailOutbox}
              where run_at <= ${at.toISOString()} and (state = 'queued' or (state = 'sending' and lease_until < ${at.toISOString()}))
              order by run_at
              limit ${limit}
              for update skip locked)
            returning id, to_address, subject, body_text, body_html, headers, attempts`,
      );
      return rows.map((r) => ({
        id: r.id,
        to: r.to_address,
        subject: r.subject,
        text: r.body_text,
        html: r.body_html,
        headers: (typeof r.headers === 'string' ? JSON.parse(r.headers) : r.headers) as Record<string, string>,
        attempts: r.attempts,
      }));
    },

    /** Records a delivery by the worker that holds the lease. */
    async markSent(id: string, owner: string, at: Date) {
      await db
        .update(mailOutbox)
        .set({ state: 'sent', sentAt: at, leaseUntil: null, leaseOwner: null, lastError: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.leaseOwner, owner)));
    },

    /** After a failed attempt: try again at `runAt`, or give up (`failed`). */
    async markFailedAttempt(id: string, owner: string, next: { state: Extract<MailState, 'queued' | 'failed'>; runAt: Date; error: string }) {
      await db
        .update(mailOutbox)
        .set({ state: next.state, runAt: next.runAt, lastError: next.error.slice(0, 500), leaseUntil: null, leaseOwner: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.leaseOwner, owner)));
    },

    /** Unsent mail whose link stopped working is not sent any more. */
    async expireOverdue(at: Date) {
      await db
        .update(mailOutbox)
        .set({ state: 'expired', leaseUntil: null, leaseOwner: null })
        .where(and(eq(mailOutbox.state, 'queued'), isNotNull(mailOutbox.expiresAt), lt(mailOutbox.expiresAt, at)));
    },

    /** Deletes the bodies (they hold links with tokens) of mail queued before `before`; returns how many. */
    async deleteBodies(before: Date) {
      const rows = await db
        .update(mailOutbox)
        .set({ bodyText: null, bodyHtml: null })
        .where(and(lt(mailOutbox.createdAt, before), or(isNotNull(mailOutbox.bodyText), isNotNull(mailOutbox.bodyHtml))))
        .returning({ id: mailOutbox.id });
      return rows.length;
    },

    /** How many mails of a kind went to an address since `since` (to bound password reset mail). */
    async countRecent(toAddress: string, kind: MailRow['kind'], since: Date, tx: DbOrTx = db) {
      const [row] = await selectRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${mailOutbox} where to_address = ${toAddress} and kind = ${kind} and created_at >= ${since.toISOString()}`,
      );
      return Number(row?.n ?? 0);
    },

    async latest(limit: number) {
      return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)).limit(limit);
    },

    async findByUnsubscribeHash(hash: string) {
      const [row] = await db.select({ kind: mailOutbox.kind, userId: mailOutbox.userId }).from(mailOutbox).where(eq(mailOutbox.unsubscribeHash, hash));
      return row;
    },

    async preferences(userId: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(mailPreferences).where(eq(mailPreferences.userId, userId));
      return row;
    },

    async preferencesOf(userIds: string[]) {
      if (userIds.length === 0) return [];
      return db.select().from(mailPreferences).where(inArray(mailPreferences.userId, userIds));
    },

    async savePreferences(userId: string, values: { digest?: DigestFrequency; reminders?: boolean }, at: Date) {
      await db
        .insert(mailPreferences)
        .values({ userId, ...values, updatedAt: at })
        .onConflictDoUpdate({ target: mailPreferences.userId, set: { ...values, updatedAt: at } });
    },

    /** The user's preference row, created with the defaults if missing, locked until the transaction ends. */
    async lockPreferences(userId: string, tx: DbOrTx) {
      await tx.insert(mailPreferences).values({ userId }).onConflictDoNothing();
      const [row] = await tx.select().from(mailPreferences).where(eq(mailPreferences.userId, userId)).for('update');
      return row!;
    },
  };
}

export type MailRepository = ReturnType<typeof createMailRepository>;
