import { and, desc, eq, sql } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';
import type { Scheme } from '@varde/contracts/schemes';

const { schemes, schemeVersions, users, organisations, pipelineItems, organisationNeeds } = schema;

export interface SchemeRow {
  id: string;
  data: Scheme;
  version: number;
  updatedAt: Date;
  ownerOrganisationId: string | null;
  ownerOrganisationName: string | null;
}

const rowColumns = {
  id: schemes.id,
  data: schemes.data,
  version: schemes.version,
  updatedAt: schemes.updatedAt,
  ownerOrganisationId: schemes.ownerOrganisationId,
  ownerOrganisationName: organisations.name,
};

/**
 * The catalogue stamp (count, sum of versions, newest change) as a scalar SQL expression, so a query
 * that compares against it (the notification check of the unread count) needs no second round trip.
 */
export const catalogueStampSql = sql<string>`(select count(*)::int || ':' || coalesce(sum(${schemes.version}), 0)::int || ':' || coalesce(max(${schemes.updatedAt})::text, 'null') from ${schemes})`;

export function createSchemeRepository(db: AppDb) {
  return {
    /** Changes whenever any scheme is added or saved: the key of the in-memory catalogue. */
    async stamp(): Promise<string> {
      const [row] = await db.select({ stamp: catalogueStampSql }).from(sql`(select 1) as one`);
      return row!.stamp;
    },

    async listAll(): Promise<SchemeRow[]> {
      return db.select(rowColumns).from(schemes).leftJoin(organisations, eq(organisations.id, schemes.ownerOrganisationId));
    },

    async find(id: string, tx: DbOrTx = db): Promise<SchemeRow | undefined> {
      const [row] = await tx
        .select(rowColumns)
        .from(schemes)
        .leftJoin(organisations, eq(organisations.id, schemes.ownerOrganisationId))
        .where(eq(schemes.id, id));
      return row;
    },

    /** Saves a new version if `baseVersion` is still the current one; returns false otherwise. */
    async saveVersion(input: { id: string; data: Scheme; baseVersion: number; userId: string; comment: string | null }, tx: DbOrTx) {
      const now = new Date();
      const version = input.baseVersion + 1;
      const updated = await tx
        .update(schemes)
        .set({ data: input.data, version, updatedAt: now, updatedBy: input.userId })
        .where(and(eq(schemes.id, input.id), eq(schemes.version, input.baseVersion)))
        .returning({ id: schemes.id });
      if (updated.length === 0) return false;
      await tx.insert(schemeVersions).values({ schemeId: input.id, version, data: input.data, changedAt: now, changedBy: input.userId, comment: input.comment });
      return true;
    },

    async setOwner(id: string, organisationId: string | null) {
      // The changed time moves the catalogue stamp, so every instance reloads.
      const updated = await db.update(schemes).set({ ownerOrganisationId: organisationId, updatedAt: new Date() }).where(eq(schemes.id, id)).returning({ id: schemes.id });
      return updated.length > 0;
    },

    async versions(id: string) {
      return db
        .select({
          version: schemeVersions.version,
          data: schemeVersions.data,
          changedAt: schemeVersions.changedAt,
          changedByName: users.name,
          comment: schemeVersions.comment,
        })
        .from(schemeVersions)
        .leftJoin(users, eq(users.id, schemeVersions.changedBy))
        .where(eq(schemeVersions.schemeId, id))
        .orderBy(desc(schemeVersions.version));
    },

    async ownedBy(organisationId: string) {
      return db
        .select({ id: schemes.id, data: schemes.data, version: schemes.version, updatedAt: schemes.updatedAt })
        .from(schemes)
        .where(eq(schemes.ownerOrganisationId, organisationId));
    },

    /** Scheme-level statuses of one organisation's pipeline: the scheme-wide item wins over call items. */
    async pipelineStatuses(organisationId: string) {
      return db
        .select({ schemeId: pipelineItems.schemeId, callId: pipelineItems.callId, status: pipelineItems.status, updatedAt: pipelineItems.updatedAt })
        .from(pipelineItems)
        .where(eq(pipelineItems.organisationId, organisationId));
    },

    async needsThemes(organisationId: string) {
      const [row] = await db.select({ themes: organisationNeeds.themes }).from(organisationNeeds).where(eq(organisationNeeds.organisationId, organisationId));
      return row?.themes ?? [];
    },
  };
}

export type SchemeRepository = ReturnType<typeof createSchemeRepository>;
