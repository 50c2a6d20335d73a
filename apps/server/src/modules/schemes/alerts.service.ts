/**
 * Saved finder searches and the in-app notifications they produce: a scheme that newly matches, a
 * matching scheme whose facts changed (a new version), and a deadline of a matching scheme within
 * two weeks. Nothing runs in the background: a user's saved searches are run when they read their
 * notifications, at most once per catalogue change and Oslo day (the last check is stored in
 * `notification_checks`, so every instance honours it), and each event is stored once (a unique key
 * per user). A user has at most `limits.savedSearchesPerUser` searches, and the header's unread
 * count only counts stored rows.
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { ErrorCode, limits, translate } from '@varde/contracts';
import type { Notification, NotificationList, SavedSearch, SavedSearchCreate, UnreadCount } from '@varde/contracts/schemes-api';
import { schema, type AppDb, type DbOrTx } from '@varde/db';
import { AppError, notFound } from '../../plugins/app-error';
import type { AuthContext } from '../../plugins/auth';
import { formatDeadline, pick } from './scheme-text';
import { catalogueStampSql } from './scheme.repository';
import type { SchemeService, Viewer } from './scheme.service';

const { savedSearches, notifications, notificationChecks, users } = schema;
const SOON_MS = 14 * 24 * 60 * 60 * 1000;

type Payload = { schemeId: string; searchName: string; deadline: string | null; version: number | null };
type Match = { id: string; version: number; nextCall: { id: string; deadline: string; status: string; predicted: boolean } | null };
type NotificationEvent = { kind: Notification['kind']; dedupeKey: string; payload: Payload };

const osloDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
/** `YYYY-MM-DD` of an instant in Europe/Oslo: the day a notification check belongs to. */
export const osloDay = (at: Date) => osloDayFormat.format(at);

/** New and changed matches since the versions the search has seen, and near deadlines of its matches. */
function eventsFor(search: { id: string; name: string; seen: Record<string, number> }, found: Match[], at: number): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  for (const scheme of found) {
    const seenVersion = search.seen[scheme.id];
    const base = { schemeId: scheme.id, searchName: search.name, deadline: null, version: scheme.version };
    if (seenVersion === undefined) events.push({ kind: 'scheme_new', dedupeKey: `new:${search.id}:${scheme.id}`, payload: base });
    else if (seenVersion < scheme.version) {
      events.push({ kind: 'scheme_changed', dedupeKey: `changed:${search.id}:${scheme.id}:${scheme.version}`, payload: base });
    }
    const call = scheme.nextCall;
    if (call && call.status !== 'closed' && !call.predicted && Date.parse(call.deadline) - at <= SOON_MS && Date.parse(call.deadline) > at) {
      events.push({ kind: 'deadline_soon', dedupeKey: `deadline:${scheme.id}:${call.id}`, payload: { ...base, deadline: call.deadline } });
    }
  }
  return events;
}

async function store(tx: DbOrTx, userId: string, events: NotificationEvent[]) {
  if (events.length === 0) return;
  await tx
    .insert(notifications)
    .values(events.map((e) => ({ userId, kind: e.kind, dedupeKey: e.dedupeKey, payload: e.payload })))
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] });
}

const searchLimitReached = () => new AppError(ErrorCode.conflict, 'error.saved_search_limit', { limit: limits.savedSearchesPerUser });

export function createAlertService(deps: { db: AppDb; schemes: SchemeService; now?: () => Date }) {
  const { db, schemes } = deps;
  const now = deps.now ?? (() => new Date());

  /** Every scheme the saved query matches now, with its version and next deadline. */
  async function matches(query: SavedSearch['query'], viewer: Viewer): Promise<Match[]> {
    const [result, cat] = await Promise.all([schemes.list({ ...query, limit: 200, offset: 0 }, viewer), schemes.catalogue()]);
    return result.items.map((item) => ({ id: item.id, version: cat.byId.get(item.id)?.version ?? 1, nextCall: item.nextCall }));
  }

  async function searchCount(tx: DbOrTx, userId: string) {
    const [row] = await tx.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, userId));
    return row?.n ?? 0;
  }

  /**
   * Claims the check of this catalogue stamp and Oslo day for the user: true for the one caller that
   * moves the stored check forward, false when it already ran (on any instance).
   */
  async function claimCheck(userId: string, stamp: string, day: string) {
    const claimed = await db
      .insert(notificationChecks)
      .values({ userId, catalogueStamp: stamp, osloDay: day, checkedAt: now() })
      .onConflictDoUpdate({
        target: notificationChecks.userId,
        set: { catalogueStamp: stamp, osloDay: day, checkedAt: now() },
        setWhere: sql`${notificationChecks.catalogueStamp} <> excluded.catalogue_stamp or ${notificationChecks.osloDay} <> excluded.oslo_day`,
      })
      .returning({ userId: notificationChecks.userId });
    return claimed.length > 0;
  }

  /** Runs the user's saved searches and stores new events, unless this catalogue and day were checked. */
  async function refresh(viewer: Viewer & { auth: AuthContext }, stamp: string) {
    const userId = viewer.auth.user.id;
    const day = osloDay(now());
    // The usual case, read without a lock: already checked.
    const [last] = await db.select().from(notificationChecks).where(eq(notificationChecks.userId, userId));
    if (last?.catalogueStamp === stamp && last.osloDay === day) return;
    if (!(await claimCheck(userId, stamp, day))) return;
    try {
      const searches = await db.select().from(savedSearches).where(eq(savedSearches.userId, userId));
      const at = now().getTime();
      const results: { id: string; events: NotificationEvent[]; seen: Record<string, number> }[] = [];
      for (const search of searches) {
        const found = await matches(search.query, viewer);
        results.push({ id: search.id, events: eventsFor(search, found, at), seen: Object.fromEntries(found.map((s) => [s.id, s.version])) });
      }
      if (results.length === 0) return;
      await db.transaction(async (tx) => {
        await store(tx, userId, results.flatMap((r) => r.events));
        for (const r of results) await tx.update(savedSearches).set({ seen: r.seen }).where(eq(savedSearches.id, r.id));
      });
    } catch (error) {
      // Let the next read try again.
      await db
        .delete(notificationChecks)
        .where(and(eq(notificationChecks.userId, userId), eq(notificationChecks.catalogueStamp, stamp), eq(notificationChecks.osloDay, day)))
        .catch(() => undefined);
      throw error;
    }
  }

  return {
    async listSearches(auth: AuthContext): Promise<SavedSearch[]> {
      const rows = await db.select().from(savedSearches).where(eq(savedSearches.userId, auth.user.id)).orderBy(desc(savedSearches.createdAt));
      return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, organisationId: r.organisationId, createdAt: r.createdAt.toISOString() }));
    },

    /**
     * Saves a search; what it matches today counts as seen, so only later news is notified (its near
     * deadlines at once). The count and the insert run while the user's row is locked, so concurrent
     * requests cannot go past the limit.
     */
    async createSearch(viewer: Viewer & { auth: AuthContext }, body: SavedSearchCreate): Promise<SavedSearch> {
      const userId = viewer.auth.user.id;
      // Cheap early answer, before the finder runs; the locked count below is the one that counts.
      if ((await searchCount(db, userId)) >= limits.savedSearchesPerUser) throw searchLimitReached();
      const own = viewer.auth.memberships.find((m) => m.organisationType === 'municipality');
      const found = await matches(body.query, viewer);
      const at = now().getTime();
      const row = await db.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
        if ((await searchCount(tx, userId)) >= limits.savedSearchesPerUser) return null;
        const [saved] = await tx
          .insert(savedSearches)
          .values({
            userId,
            organisationId: own?.organisationId ?? null,
            name: body.name.trim(),
            query: body.query,
            seen: Object.fromEntries(found.map((s) => [s.id, s.version])),
          })
          .returning();
        await store(tx, userId, eventsFor(saved!, found, at));
        return saved!;
      });
      if (!row) throw searchLimitReached();
      return { id: row.id, name: row.name, query: row.query, organisationId: row.organisationId, createdAt: row.createdAt.toISOString() };
    },

    async deleteSearch(auth: AuthContext, searchId: string) {
      const deleted = await db
        .delete(savedSearches)
        .where(and(eq(savedSearches.id, searchId), eq(savedSearches.userId, auth.user.id)))
        .returning({ id: savedSearches.id });
      if (deleted.length === 0) throw notFound();
    },

    /** The stored unread notifications, and whether a check for news is due; never runs the saved searches. */
    async unread(auth: AuthContext): Promise<UnreadCount> {
      const userId = auth.user.id;
      // One round trip: it runs on every page a signed-in user opens.
      const [row] = await db
        .select({
          unread: sql<number>`(select count(*)::int from ${notifications} where ${notifications.userId} = ${userId} and ${notifications.readAt} is null and ${notifications.dismissedAt} is null)`,
          hasSearches: sql<boolean>`exists (select 1 from ${savedSearches} where ${savedSearches.userId} = ${userId})`,
          checkedStamp: sql<string | null>`(select ${notificationChecks.catalogueStamp} from ${notificationChecks} where ${notificationChecks.userId} = ${userId})`,
          checkedDay: sql<string | null>`(select ${notificationChecks.osloDay}::text from ${notificationChecks} where ${notificationChecks.userId} = ${userId})`,
          stamp: catalogueStampSql,
        })
        .from(sql`(select 1) as one`);
      const checkDue = !!row?.hasSearches && (row.checkedStamp !== row.stamp || row.checkedDay !== osloDay(now()));
      return { unread: row?.unread ?? 0, checkDue };
    },

    async list(viewer: Viewer & { auth: AuthContext }): Promise<NotificationList> {
      const cat = await schemes.catalogue();
      await refresh(viewer, cat.stamp);
      // One query: the newest 100, and the unread count over all of them (a window runs before the limit).
      const rows = await db
        .select({
          id: notifications.id,
          kind: notifications.kind,
          payload: notifications.payload,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
          unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null) over ())::int`,
        })
        .from(notifications)
        .where(and(eq(notifications.userId, viewer.auth.user.id), isNull(notifications.dismissedAt)))
        .orderBy(desc(notifications.createdAt))
        .limit(100);
      const unread = rows[0]?.unread ?? 0;
      const items: Notification[] = rows.map((r) => {
        const payload = r.payload as unknown as Payload;
        const scheme = cat.byId.get(payload.schemeId)?.data;
        const schemeName = scheme ? pick(scheme.name, viewer.lang) : payload.schemeId;
        const kind = r.kind as Notification['kind'];
        return {
          id: r.id,
          kind,
          schemeId: payload.schemeId,
          schemeName,
          searchName: payload.searchName,
          deadline: payload.deadline,
          message: translate(viewer.lang, `notification.${kind}`, {
            scheme: schemeName,
            search: payload.searchName,
            deadline: payload.deadline ? formatDeadline(payload.deadline, viewer.lang) : '',
          }),
          createdAt: r.createdAt.toISOString(),
          read: r.readAt !== null,
        };
      });
      return { items, unread };
    },

    async dismiss(auth: AuthContext, notificationId: string) {
      const updated = await db
        .update(notifications)
        .set({ dismissedAt: new Date() })
        .where(and(eq(notifications.id, notificationId), eq(notifications.userId, auth.user.id)))
        .returning({ id: notifications.id });
      if (updated.length === 0) throw notFound();
    },

    async markAllRead(auth: AuthContext) {
      await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, auth.user.id), isNull(notifications.readAt)));
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
