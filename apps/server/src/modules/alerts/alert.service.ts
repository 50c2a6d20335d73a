/**
 * Saved finder searches and the in-app notifications they produce: a scheme that newly matches, a
 * matching scheme whose facts changed (a new version), a matching scheme that has ended (once per
 * search and scheme), and a deadline of a matching scheme within two weeks. The worker runs each
 * user's saved searches (`checkAll`) when the catalogue changes and once per Oslo day, at most once
 * per catalogue stamp and day (the last check is stored in `notification_checks`, so every instance
 * honours it); a new search stores its events when it is saved. Each event is stored once (a unique
 * key per user). Reading notifications never runs a search. A user has at most
 * `limits.savedSearchesPerUser` searches. Unread notifications go out in e-mail digests once each
 * (`digestReader`).
 *
 * The searches run through the finder, which sits above this module: it comes in as `findSchemes`
 * (wired in services.ts).
 *
 * Reports of wrong facts are not worked out here: the provenance module stores a `fact_report` for
 * each of a scheme's owners when a report is made, and a `fact_report_closed` for its reporter when it
 * is answered (`notify`, in its own transaction).
 */
import { ErrorCode, type Language, limits, translate } from '@varde/contracts';
import { isFactGroup } from '@varde/contracts/vocabulary';
import type { Notification, NotificationList, SavedSearch, SavedSearchCreate, UnreadCount } from '@varde/contracts/alerts-api';
import type { SchemeList, SchemeListQuery } from '@varde/contracts/finder-api';
import { AppError, notFound } from '../../core/app-error';
import type { AuthContext, SignedInViewer, Viewer } from '../../core/auth-context';
import { osloParts } from '@varde/domain/calls';
import { formatDate, formatDeadline, formatNumber, pick } from '../../core/localized-text';
import { describeSchemeChange, type ChangeFormat } from '@varde/contracts/scheme-change-text';
import { compactChanges } from '@varde/domain/scheme-changes';
import type { Clock } from '../../core/clock';
import type { RunInTransaction, Tx } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { eventsFor, osloDay, seenVersions, type Match, type NotificationEvent, type Payload, type SchemeState } from './alert-events';
import type { AlertRepository } from './alert.repository';

/** Runs a finder query for a viewer (the finder's `list`). */
export type FindSchemes = (query: SchemeListQuery, viewer: Viewer) => Promise<SchemeList>;

/** A stored deadline as its source states it; rows stored before issue 10 hold only the instant. */
function payloadDeadline(payload: Payload): { date: string; time: string | null } | null {
  if (payload.deadlineDate) return { date: payload.deadlineDate, time: payload.deadlineTime ?? null };
  if (!payload.deadline) return null;
  const p = osloParts(new Date(payload.deadline));
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** A notification's sentence in the reader's language. */
function message(kind: Notification['kind'], payload: Payload, scheme: string, lang: Language, deadline: { date: string; time: string | null } | null): string {
  const group = isFactGroup(payload.group) ? translate(lang, `factGroup.${payload.group}`) : '';
  if (kind === 'fact_report_closed') {
    const key = payload.outcome === 'rejected' ? 'notification.fact_report_rejected' : 'notification.fact_report_resolved';
    const text = translate(lang, key, { scheme, group });
    return payload.comment ? `${text} ${translate(lang, 'notification.fact_report_comment', { comment: payload.comment })}` : text;
  }
  return translate(lang, `notification.${kind}`, {
    scheme,
    group,
    search: payload.searchName,
    deadline: deadline ? formatDeadline(deadline, lang) : '',
  });
}

const searchLimitReached = () => new AppError(ErrorCode.conflict, 'error.saved_search_limit', { limit: limits.savedSearchesPerUser });

const toSavedSearch = (r: { id: string; name: string; query: SavedSearch['query']; organisationId: string | null; createdAt: Date }): SavedSearch => ({
  id: r.id,
  name: r.name,
  query: r.query,
  organisationId: r.organisationId,
  createdAt: r.createdAt.toISOString(),
});

type Catalogue = Awaited<ReturnType<CatalogueService['catalogue']>>;

/** A stored notification as a reader sees it, in their language. */
function describe(r: { id: string; kind: string; payload: unknown; createdAt: Date }, cat: Catalogue, lang: Language): Omit<Notification, 'read'> {
  const payload = r.payload as unknown as Payload;
  const deadline = payloadDeadline(payload);
  const scheme = cat.byId.get(payload.schemeId)?.data;
  const schemeName = scheme ? pick(scheme.name, lang) : payload.schemeId;
  const kind = r.kind as Notification['kind'];
  return {
    id: r.id,
    kind,
    schemeId: payload.schemeId,
    schemeName,
    searchName: payload.searchName,
    deadline: payload.deadline,
    message: message(kind, payload, schemeName, lang, deadline),
    ...(kind === 'scheme_changed' && payload.changes ? { changes: changeLines(payload, lang) } : {}),
    createdAt: r.createdAt.toISOString(),
  };
}

/** How the server writes the values of a change in `lang` (the web's scheme pages write them the same way). */
function changeFormat(lang: Language): ChangeFormat {
  return {
    t: (key, params) => translate(lang, key, params),
    text: (value) => pick(value, lang),
    date: (isoDate) => formatDate(isoDate, lang),
    deadline: (d) => (d.time === null ? formatDate(d.date, lang) : formatDeadline(d, lang)),
    nok: (amount) => translate(lang, 'scheme.nok', { amount: formatNumber(amount, lang) }),
    percent: (share) => translate(lang, 'scheme.percent', { value: formatNumber(Math.round(share * 1000) / 10, lang) }),
  };
}

/** The stored changes of a `scheme_changed` as sentences, and "and 3 more changes" when the list was cut. */
function changeLines(payload: Payload, lang: Language): string[] {
  const format = changeFormat(lang);
  const lines = (payload.changes ?? []).map((change) => describeSchemeChange(change, format));
  if (payload.moreChanges) lines.push(translate(lang, 'change.more', { count: payload.moreChanges }));
  return lines;
}

export function createAlertService(deps: {
  transaction: RunInTransaction;
  repo: AlertRepository;
  catalogue: CatalogueService;
  accounts: AccountService;
  findSchemes: FindSchemes;
  now: Clock;
  publicUrl: string;
}) {
  const { transaction, repo, catalogue, accounts, findSchemes, now, publicUrl } = deps;

  /** Every scheme the saved query matches now, with its version and next deadline. */
  async function matches(query: SavedSearch['query'], viewer: Viewer): Promise<Match[]> {
    const [result, cat] = await Promise.all([findSchemes({ ...query, limit: 200, offset: 0 }, viewer), catalogue.catalogue()]);
    return result.items.map((item) => ({ id: item.id, version: cat.byId.get(item.id)?.version ?? 1, nextCall: item.nextCall }));
  }

  /** Each scheme's version and whether it has ended: a scheme a search matched may have ended since. */
  async function schemeStates(): Promise<Map<string, SchemeState>> {
    const cat = await catalogue.catalogue();
    return new Map(cat.rows.map((r) => [r.id, { version: r.version, ended: r.data.lifecycle.status === 'ended' }]));
  }

  /**
   * Adds to each `scheme_changed` what changed between the version the search had seen and the
   * current one, as a bounded list of codes (the same pair is worked out once per check).
   */
  async function withChanges(events: NotificationEvent[], cache = changeCache()): Promise<NotificationEvent[]> {
    return Promise.all(
      events.map(async (event) => {
        const from = event.payload.fromVersion;
        if (event.kind !== 'scheme_changed' || from === undefined) return event;
        const { changes, more } = await cache(event.payload.schemeId, from);
        return { ...event, payload: { ...event.payload, changes, ...(more > 0 ? { moreChanges: more } : {}) } };
      }),
    );
  }
  function changeCache() {
    const known = new Map<string, Promise<ReturnType<typeof compactChanges>>>();
    return (schemeId: string, from: number) => {
      const key = `${schemeId}:${from}`;
      let found = known.get(key);
      if (!found) {
        found = catalogue.changesSince(schemeId, from).then(compactChanges);
        known.set(key, found);
      }
      return found;
    };
  }

  /** Runs the user's saved searches and stores new events, unless this catalogue and day were checked; true when it ran. */
  async function refresh(viewer: SignedInViewer, stamp: string): Promise<boolean> {
    const userId = viewer.auth.user.id;
    const day = osloDay(now());
    // The usual case, read without a lock: already checked.
    const last = await repo.lastCheck(userId);
    if (last?.catalogueStamp === stamp && last.osloDay === day) return false;
    if (!(await repo.claimCheck(userId, stamp, day, now()))) return false;
    try {
      const [searches, states] = await Promise.all([repo.searchesOf(userId), schemeStates()]);
      const at = now().getTime();
      const results: { id: string; events: NotificationEvent[]; seen: Record<string, number> }[] = [];
      for (const search of searches) {
        const found = await matches(search.query, viewer);
        results.push({ id: search.id, events: await withChanges(eventsFor(search, found, at, states)), seen: seenVersions(found) });
      }
      if (results.length === 0) return true;
      await transaction(async (tx) => {
        await repo.storeEvents(
          userId,
          results.flatMap((r) => r.events),
          tx,
        );
        for (const r of results) await repo.updateSeen(r.id, r.seen, tx);
      });
      return true;
    } catch (error) {
      // Let the next read try again.
      await repo.releaseCheck(userId, stamp, day).catch(() => undefined);
      throw error;
    }
  }

  return {
    async listSearches(auth: AuthContext): Promise<SavedSearch[]> {
      return (await repo.listSearches(auth.user.id)).map(toSavedSearch);
    },

    /**
     * Saves a search; what it matches today counts as seen, so only later news is notified (its near
     * deadlines at once). The count and the insert run while the user's row is locked, so concurrent
     * requests cannot go past the limit.
     */
    async createSearch(viewer: SignedInViewer, body: SavedSearchCreate): Promise<SavedSearch> {
      const userId = viewer.auth.user.id;
      // Cheap early answer, before the finder runs; the locked count below is the one that counts.
      if ((await repo.countSearches(userId)) >= limits.savedSearchesPerUser) throw searchLimitReached();
      const own = viewer.auth.memberships.find((m) => m.organisationType === 'municipality');
      const found = await matches(body.query, viewer);
      const at = now().getTime();
      const row = await transaction(async (tx) => {
        await accounts.lockUser(userId, tx);
        if ((await repo.countSearches(userId, tx)) >= limits.savedSearchesPerUser) return null;
        const saved = await repo.insertSearch(
          { userId, organisationId: own?.organisationId ?? null, name: body.name.trim(), query: body.query, seen: seenVersions(found) },
          tx,
        );
        await repo.storeEvents(userId, eventsFor(saved, found, at), tx);
        return saved;
      });
      if (!row) throw searchLimitReached();
      return toSavedSearch(row);
    },

    async deleteSearch(auth: AuthContext, searchId: string) {
      if (!(await repo.deleteSearch(auth.user.id, searchId))) throw notFound();
    },

    /** The number of stored unread notifications (the header). */
    async unread(auth: AuthContext): Promise<UnreadCount> {
      return { unread: await repo.unreadCount(auth.user.id) };
    },

    /** The stored notifications, newest first; reading them runs no search (the worker does). */
    async list(viewer: SignedInViewer): Promise<NotificationList> {
      const cat = await catalogue.catalogue();
      const rows = await repo.latestNotifications(viewer.auth.user.id);
      const unread = rows[0]?.unread ?? 0;
      const items: Notification[] = rows.map((r) => ({ ...describe(r, cat, viewer.lang), read: r.readAt !== null }));
      return { items, unread };
    },

    /**
     * Stores one event for each user, inside the caller's transaction (a fact report for the scheme's
     * owners, its answer for the reporter): each user gets it once.
     */
    async notify(userIds: readonly string[], event: NotificationEvent, tx: Tx) {
      await repo.storeEventForUsers([...new Set(userIds)], event, tx);
    },

    /** Marks every owner's notification of a fact report read, once the report is answered. */
    async reportAnswered(dedupeKey: string, tx: Tx) {
      await repo.markReportNotificationsRead(dedupeKey, tx);
    },

    /**
     * The worker's notification check: runs the saved searches of every user who has some, for each
     * user at most once per catalogue stamp and Oslo day (whichever instance runs it).
     */
    async checkAll(): Promise<number> {
      const stamp = await catalogue.stamp();
      let checked = 0;
      for (const userId of await repo.usersWithSearches()) {
        const auth = await accounts.principal(userId);
        if (!auth) continue;
        if (await refresh({ auth, lang: auth.user.language ?? 'nb' }, stamp)) checked += 1;
      }
      return checked;
    },

    /** Users with unread notifications that have not been in a digest. */
    usersToDigest: () => repo.usersToDigest(),

    /**
     * Takes notifications for digests: `take`, inside a digest's transaction, marks the user's unread
     * notifications not yet in a digest as mailed (so each goes out once, whichever worker builds the
     * digest) and returns them as lines in `lang`. The catalogue is read before, outside the transactions.
     */
    async digestReader() {
      const cat = await catalogue.catalogue();
      return {
        async take(userId: string, lang: Language, tx: Tx): Promise<{ message: string; url: string }[]> {
          const rows = await repo.takeForDigest(userId, now(), tx);
          return rows.map((r) => {
            const n = describe(r, cat, lang);
            const message = n.changes?.length ? `${n.message} ${n.changes.join('; ')}.` : n.message;
            return { message, url: `${publicUrl}/ordninger/${encodeURIComponent(n.schemeId)}` };
          });
        },
      };
    },

    async dismiss(auth: AuthContext, notificationId: string) {
      if (!(await repo.dismiss(auth.user.id, notificationId))) throw notFound();
    },

    async markAllRead(auth: AuthContext) {
      await repo.markAllRead(auth.user.id);
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
