import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { SchemeQuery } from '@varde/contracts/finder-api';
import { schema, type AppDb, type DbOrTx } from '@varde/db';
import type { NotificationEvent } from './alert-events';

const { savedSearches, notifications, notificationChecks } = schema;

/** The `saved_searches`, `notifications` and `notification_checks` tables. */
export function createAlertRepository(db: AppDb) {
  return {
    async listSearches(userId: string) {
      return db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(desc(savedSearches.createdAt));
    },

    async searchesOf(userId: string) {
      return db.select().from(savedSearches).where(eq(savedSearches.userId, userId));
    },

    async countSearches(userId: string, tx: DbOrTx = db) {
      const [row] = await tx.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, userId));
      return row?.n ?? 0;
    },

    async insertSearch(values: { userId: string; organisationId: string | null; name: string; query: SchemeQuery; seen: Record<string, number> }, tx: DbOrTx) {
      const [saved] = await tx.insert(savedSearches).values(values).returning();
      return saved!;
    },

    async updateSeen(searchId: string, seen: Record<string, number>, tx: DbOrTx) {
      await tx.update(savedSearches).set({ seen }).where(eq(savedSearches.id, searchId));
    },

    /** False when the user has no such search. */
    async deleteSearch(userId: string, searchId: string) {
      const deleted = await db
        .delete(savedSearches)
        .where(and(eq(savedSearches.id, searchId), eq(savedSearches.userId, userId)))
        .returning({ id: savedSearches.id });
      return deleted.length > 0;
    },

    /** Stores each event once per user (a unique key per user). */
    async storeEvents(userId: string, events: NotificationEvent[], tx: DbOrTx) {
      if (events.length === 0) return;
      await tx
        .insert(notifications)
        .values(events.map((e) => ({ userId, kind: e.kind, dedupeKey: e.dedupeKey, payload: e.payload })))
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] });
    },

    /** Stores one event for each of the users, once per user (a unique key per user). */
    async storeEventForUsers(userIds: readonly string[], event: NotificationEvent, tx: DbOrTx) {
      if (userIds.length === 0) return;
      await tx
        .insert(notifications)
        .values(userIds.map((userId) => ({ userId, kind: event.kind, dedupeKey: event.dedupeKey, payload: event.payload })))
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] });
    },

    /** Marks every user's `fact_report` notification of this report read (`dedupeKey`). */
    async markReportNotificationsRead(dedupeKey: string, tx: DbOrTx) {
      await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.kind, 'fact_report'), eq(notifications.dedupeKey, dedupeKey), isNull(notifications.readAt)));
    },

    async lastCheck(userId: string) {
      const [row] = await db.select().from(notificationChecks).where(eq(notificationChecks.userId, userId));
      return row;
    },

    /**
     * Moves the user's stored check to this catalogue stamp and Oslo day: true for the one caller that
     * moved it, false when it was there already (on any instance).
     */
    async claimCheck(userId: string, stamp: string, day: string, at: Date) {
      const claimed = await db
        .insert(notificationChecks)
        .values({ userId, catalogueStamp: stamp, osloDay: day, checkedAt: at })
        .onConflictDoUpdate({
          target: notificationChecks.userId,
          set: { catalogueStamp: stamp, osloDay: day, checkedAt: at },
          setWhere: sql`${notificationChecks.catalogueStamp} <> excluded.catalogue_stamp or ${notificationChecks.osloDay} <> excluded.oslo_day`,
        })
        .returning({ userId: notificationChecks.userId });
      return claimed.length > 0;
    },

    /** Forgets a claimed check, so the next read tries again. */
    async releaseCheck(userId: string, stamp: string, day: string) {
      await db
        .delete(notificationChecks)
        .where(and(eq(notificationChecks.userId, userId), eq(notificationChecks.catalogueStamp, stamp), eq(notificationChecks.osloDay, day)));
    },

    /** The unread count (it runs on every page a signed-in user opens: one indexed count). */
    async unreadCount(userId: string) {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), isNull(notifications.dismissedAt)));
      return Number(row?.n ?? 0);
    },

    /** Users with at least one saved search (the worker's notification check). */
    async usersWithSearches() {
      const rows = await db.selectDistinct({ userId: savedSearches.userId }).from(savedSearches);
      return rows.map((r) => r.userId);
    },

    /** Users with unread notifications not yet in a digest. */
    async usersToDigest() {
      const rows = await db
        .selectDistinct({ userId: notifications.userId })
        .from(notifications)
        .where(and(isNull(notifications.readAt), isNull(notifications.dismissedAt), isNull(notifications.mailedAt)));
      return rows.map((r) => r.userId);
    },

    /** Inside a transaction: marks the user's unread notifications not yet in a digest as mailed, and returns them, oldest first. */
    async takeForDigest(userId: string, at: Date, tx: DbOrTx) {
      const rows = await tx
        .update(notifications)
        .set({ mailedAt: at })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), isNull(notifications.dismissedAt), isNull(notifications.mailedAt)))
        .returning({ id: notifications.id, kind: notifications.kind, payload: notifications.payload, createdAt: notifications.createdAt });
      return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    },

    /** The newest 100 notifications not dismissed, each with the unread count over all of them (a window runs before the limit). */
    async latestNotifications(userId: string) {
      return db
        .select({
          id: notifications.id,
          kind: notifications.kind,
          payload: notifications.payload,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
          unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null) over ())::int`,
        })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.dismissedAt)))
        .orderBy(desc(notifications.createdAt))
        .limit(100);
    },

    /** False when the user has no such notification. */
    async dismiss(userId: string, notificationId: string) {
      const updated = await db
        .update(notifications)
        .set({ dismissedAt: new Date() })
        .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      return updated.length > 0;
    },

    async markAllRead(userId: string) {
      await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    },
  };
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
