/**
 * A municipality's own work with schemes: its pipeline (where it stands with a scheme or call), its
 * needs profile, and each member's own secret address of the calendar feed of the schemes it follows.
 * All of it is private to the organisation's members; routes check membership, and every query is
 * scoped by the organisation id from the route.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { FieldErrorCode, type Language } from '@varde/contracts';
import type { NeedsProfile, NeedsUpdate, PipelineItem, PipelineUpsert } from '@varde/contracts/schemes-api';
import { schema, type AppDb } from '@varde/db';
import { callsFor } from '@varde/domain/finder';
import { fieldErrors, forbidden, notFound } from '../../plugins/app-error';
import type { AuthContext } from '../../plugins/auth';
import { sha256 } from '../../plugins/crypto';
import type { MunicipalityService } from '../municipalities/municipality.service';
import { pick } from './scheme-text';
import type { SchemeService } from './scheme.service';

const { pipelineItems, organisationNeeds, calendarFeeds, retiredCalendarFeeds, memberships, users, organisations } = schema;

export type FeedLookup =
  | { kind: 'feed'; organisationId: string; organisationName: string; schemeIds: Set<string> }
  | { kind: 'retired'; organisationId: string; organisationName: string };

/** Statuses of schemes a municipality follows: their deadlines go into its calendar feed. */
const followedStatuses = new Set(['interested', 'preparing', 'applied']);

export function createPipelineService(deps: { db: AppDb; schemes: SchemeService; municipalities: MunicipalityService; now?: () => Date }) {
  const { db, schemes, municipalities } = deps;
  const now = deps.now ?? (() => new Date());

  async function isMember(organisationId: string, userId: string) {
    const [row] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    return !!row;
  }

  async function list(organisationId: string, lang: Language): Promise<PipelineItem[]> {
    const cat = await schemes.catalogue();
    const rows = await db
      .select({
        id: pipelineItems.id,
        schemeId: pipelineItems.schemeId,
        callId: pipelineItems.callId,
        status: pipelineItems.status,
        notes: pipelineItems.notes,
        updatedAt: pipelineItems.updatedAt,
        assigneeUserId: pipelineItems.assigneeUserId,
        updatedBy: pipelineItems.updatedBy,
      })
      .from(pipelineItems)
      .where(eq(pipelineItems.organisationId, organisationId));
    const userIds = [...new Set(rows.flatMap((r) => [r.assigneeUserId, r.updatedBy]).filter((id): id is string => !!id))];
    const people = new Map(
      userIds.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.name]) : [],
    );
    const at = now();
    return rows
      .map((r) => {
        const scheme = cat.byId.get(r.schemeId)?.data;
        const call = r.callId && scheme ? callsFor(scheme, null, at).find((c) => c.id === r.callId) : undefined;
        const nextDeadline = call?.deadline ?? null;
        return {
          id: r.id,
          schemeId: r.schemeId,
          schemeName: scheme ? pick(scheme.name, lang) : r.schemeId,
          callId: r.callId,
          callTitle: call ? pick(call.title, lang) : null,
          deadline: nextDeadline,
          status: r.status,
          assignee: r.assigneeUserId ? { id: r.assigneeUserId, name: people.get(r.assigneeUserId) ?? '' } : null,
          notes: r.notes,
          updatedAt: r.updatedAt.toISOString(),
          updatedBy: r.updatedBy && people.has(r.updatedBy) ? { name: people.get(r.updatedBy)! } : null,
        };
      })
      .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.schemeName.localeCompare(b.schemeName, 'nb'));
  }

  return {
    list,

    async upsert(actor: AuthContext, organisationId: string, body: PipelineUpsert, lang: Language): Promise<PipelineItem> {
      const cat = await schemes.catalogue();
      const scheme = cat.byId.get(body.schemeId)?.data;
      const problems = [];
      if (!scheme) problems.push({ path: 'schemeId', code: FieldErrorCode.invalidValue });
      const callId = body.callId ?? '';
      if (scheme && callId && !callsFor(scheme, null, now()).some((c) => c.id === callId)) problems.push({ path: 'callId', code: FieldErrorCode.invalidValue });
      if (body.assigneeUserId && !(await isMember(organisationId, body.assigneeUserId))) problems.push({ path: 'assigneeUserId', code: FieldErrorCode.invalidValue });
      if (problems.length) throw fieldErrors(...problems);

      const values = {
        status: body.status,
        ...(body.assigneeUserId !== undefined ? { assigneeUserId: body.assigneeUserId } : {}),
        ...(body.notes !== undefined ? { notes: body.notes } : {}),
        updatedAt: new Date(),
        updatedBy: actor.user.id,
      };
      const [saved] = await db
        .insert(pipelineItems)
        .values({ organisationId, schemeId: body.schemeId, callId, ...values })
        .onConflictDoUpdate({ target: [pipelineItems.organisationId, pipelineItems.schemeId, pipelineItems.callId], set: values })
        .returning({ id: pipelineItems.id });
      return (await list(organisationId, lang)).find((i) => i.id === saved!.id)!;
    },

    async remove(organisationId: string, itemId: string) {
      const deleted = await db
        .delete(pipelineItems)
        .where(and(eq(pipelineItems.id, itemId), eq(pipelineItems.organisationId, organisationId)))
        .returning({ id: pipelineItems.id });
      if (deleted.length === 0) throw notFound();
    },

    async needs(organisationId: string): Promise<NeedsProfile> {
      const [organisation] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      if (!organisation) throw notFound();
      const [row] = await db.select().from(organisationNeeds).where(eq(organisationNeeds.organisationId, organisationId));
      let register: NeedsProfile['register'] = null;
      if (organisation.municipalityCode) {
        const m = await municipalities.get(organisation.municipalityCode);
        register = {
          code: m.code,
          name: m.name,
          countyCode: m.countyCode,
          countyName: m.countyName,
          population: m.population,
          centralityClass: m.centralityClass,
          neighbours: m.neighbours.map((n) => ({ code: n.code, name: n.name, kind: n.kind })),
        };
      }
      return { themes: row?.themes ?? [], description: row?.description ?? '', updatedAt: row?.updatedAt.toISOString() ?? null, register };
    },

    async saveNeeds(actor: AuthContext, organisationId: string, body: NeedsUpdate): Promise<void> {
      const values = { themes: [...new Set(body.themes)], description: body.description.trim(), updatedAt: new Date(), updatedBy: actor.user.id };
      await db.insert(organisationNeeds).values({ organisationId, ...values }).onConflictDoUpdate({ target: organisationNeeds.organisationId, set: values });
    },

    /** Whether this member has their own feed address for the organisation (never the address itself). */
    async feedState(organisationId: string, userId: string) {
      const [row] = await db
        .select({ createdAt: calendarFeeds.createdAt })
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.organisationId, organisationId), eq(calendarFeeds.userId, userId)));
      return { exists: !!row, createdAt: row?.createdAt.toISOString() ?? null };
    },

    /**
     * Creates or replaces this member's secret feed address; their old address stops working at once,
     * other members' addresses are untouched. The row hangs on the membership (foreign key, cascade),
     * so removing the member deletes it; a membership removed meanwhile is refused, not re-created.
     */
    async rotateFeed(organisationId: string, userId: string, publicUrl: string) {
      const token = randomBytes(24).toString('base64url');
      const createdAt = new Date();
      const tokenHash = sha256(token);
      const saved = await db.transaction(async (tx) => {
        const [membership] = await tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
          .for('share');
        if (!membership) return false;
        await tx
          .insert(calendarFeeds)
          .values({ organisationId, userId, tokenHash, createdAt })
          .onConflictDoUpdate({ target: [calendarFeeds.organisationId, calendarFeeds.userId], set: { tokenHash, createdAt } });
        return true;
      });
      if (!saved) throw forbidden();
      return { url: `${publicUrl.replace(/\/$/, '')}/api/calendar/feeds/${token}.ics`, createdAt: createdAt.toISOString() };
    },

    /**
     * What a feed token opens: a member's feed (the organisation and the schemes it follows), a
     * retired shared address of the organisation (answered with 410), or null for an unknown token.
     */
    async followedBy(token: string): Promise<FeedLookup | null> {
      const tokenHash = sha256(token);
      const [feed] = await db
        .select({ organisationId: calendarFeeds.organisationId, name: organisations.name })
        .from(calendarFeeds)
        .innerJoin(organisations, eq(organisations.id, calendarFeeds.organisationId))
        .where(eq(calendarFeeds.tokenHash, tokenHash));
      if (!feed) {
        const [retired] = await db
          .select({ organisationId: retiredCalendarFeeds.organisationId, name: organisations.name })
          .from(retiredCalendarFeeds)
          .innerJoin(organisations, eq(organisations.id, retiredCalendarFeeds.organisationId))
          .where(eq(retiredCalendarFeeds.tokenHash, tokenHash));
        return retired ? { kind: 'retired', organisationId: retired.organisationId, organisationName: retired.name } : null;
      }
      const items = await db
        .select({ schemeId: pipelineItems.schemeId, status: pipelineItems.status })
        .from(pipelineItems)
        .where(eq(pipelineItems.organisationId, feed.organisationId));
      return {
        kind: 'feed',
        organisationId: feed.organisationId,
        organisationName: feed.name,
        schemeIds: new Set(items.filter((i) => followedStatuses.has(i.status)).map((i) => i.schemeId)),
      };
    },
  };
}

export type PipelineService = ReturnType<typeof createPipelineService>;
