/**
 * Saved finder searches and the in-app notifications they produce: a scheme that newly matches, a
 * matching scheme whose facts changed (a new version), and a deadline of a matching scheme within
 * two weeks. Notifications are worked out when the user asks for them, each event once (a unique
 * key per user), so nothing runs in the background and any instance can answer.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { translate } from '@varde/contracts';
import type { Notification, NotificationList, SavedSearch, SavedSearchCreate } from '@varde/contracts/schemes-api';
import { schema, type AppDb } from '@varde/db';
import { notFound } from '../../plugins/app-error';
import type { AuthContext } from '../../plugins/auth';
import { formatDeadline, pick } from './scheme-text';
import type { SchemeService, Viewer } from './scheme.service';

const { savedSearches, notifications } = schema;
const SOON_MS = 14 * 24 * 60 * 60 * 1000;

type Payload = { schemeId: string; searchName: string; deadline: string | null; version: number | null };

export function createAlertService(deps: { db: AppDb; schemes: SchemeService; now?: () => Date }) {
  const { db, schemes } = deps;
  const now = deps.now ?? (() => new Date());

  /** Every scheme the saved query matches now, with its version and next deadline. */
  async function matches(query: SavedSearch['query'], viewer: Viewer) {
    const [result, cat] = await Promise.all([schemes.list({ ...query, limit: 200, offset: 0 }, viewer), schemes.catalogue()]);
    return result.items.map((item) => ({ id: item.id, version: cat.byId.get(item.id)?.version ?? 1, nextCall: item.nextCall }));
  }

  async function refresh(viewer: Viewer & { auth: AuthContext }) {
    const userId = viewer.auth.user.id;
    const searches = await db.select().from(savedSearches).where(eq(savedSearches.userId, userId));
    const at = now().getTime();
    for (const search of searches) {
      const found = await matches(search.query, viewer);
      const events: { kind: Notification['kind']; dedupeKey: string; payload: Payload }[] = [];
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
      const seen = Object.fromEntries(found.map((s) => [s.id, s.version]));
      await db.transaction(async (tx) => {
        if (events.length) {
          await tx
            .insert(notifications)
            .values(events.map((e) => ({ userId, kind: e.kind, dedupeKey: e.dedupeKey, payload: e.payload })))
            .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] });
        }
        await tx.update(savedSearches).set({ seen }).where(eq(savedSearches.id, search.id));
      });
    }
  }

  return {
    async listSearches(auth: AuthContext): Promise<SavedSearch[]> {
      const rows = await db.select().from(savedSearches).where(eq(savedSearches.userId, auth.user.id)).orderBy(desc(savedSearches.createdAt));
      return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, organisationId: r.organisationId, createdAt: r.createdAt.toISOString() }));
    },

    /** Saves a search; what it matches today counts as seen, so only later news is notified. */
    async createSearch(viewer: Viewer & { auth: AuthContext }, body: SavedSearchCreate): Promise<SavedSearch> {
      const own = viewer.auth.memberships.find((m) => m.organisationType === 'municipality');
      const found = await matches(body.query, viewer);
      const [row] = await db
        .insert(savedSearches)
        .values({
          userId: viewer.auth.user.id,
          organisationId: own?.organisationId ?? null,
          name: body.name.trim(),
          query: body.query,
          seen: Object.fromEntries(found.map((s) => [s.id, s.version])),
        })
        .returning();
      return { id: row!.id, name: row!.name, query: row!.query, organisationId: row!.organisationId, createdAt: row!.createdAt.toISOString() };
    },

    async deleteSearch(auth: AuthContext, searchId: string) {
      const deleted = await db
        .delete(savedSearches)
        .where(and(eq(savedSearches.id, searchId), eq(savedSearches.userId, auth.user.id)))
        .returning({ id: savedSearches.id });
      if (deleted.length === 0) throw notFound();
    },

    async list(viewer: Viewer & { auth: AuthContext }): Promise<NotificationList> {
      await refresh(viewer);
      const cat = await schemes.catalogue();
      const rows = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, viewer.auth.user.id), isNull(notifications.dismissedAt)))
        .orderBy(desc(notifications.createdAt))
        .limit(100);
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
      return { items, unread: items.filter((i) => !i.read).length };
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
