import { and, desc, eq, sql } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';
import type { Scheme } from '@varde/contracts/schemes';

const { schemes, schemeVersions } = schema;

/** A scheme as stored: the current document, its version and the organisation that maintains it. */
export interface SchemeRecord {
  id: string;
  data: Scheme;
  version: number;
  updatedAt: Date;
  ownerOrganisationId: string | null;
}

const recordColumns = {
  id: schemes.id,
  data: schemes.data,
  version: schemes.version,
  updatedAt: schemes.updatedAt,
  ownerOrganisationId: schemes.ownerOrganisationId,
};

/** The catalogue stamp (count, sum of versions, newest change) as a scalar SQL expression. */
const catalogueStampSql = sql<string>`(select count(*)::int || ':' || coalesce(sum(${schemes.version}), 0)::int || ':' || coalesce(max(${schemes.updatedAt})::text, 'null') from ${schemes})`;

/** The `schemes` and `scheme_versions` tables. */
export function createCatalogueRepository(db: AppDb) {
  return {
    /** Changes whenever any scheme is added or saved: the key of the in-memory catalogue. */
    async stamp(): Promise<string> {
      const [row] = await db.select({ stamp: catalogueStampSql }).from(sql`(select 1) as one`);
      return row!.stamp;
    },

    async listAll(): Promise<SchemeRecord[]> {
      return db.select(recordColumns).from(schemes);
    },

    async find(id: string, tx: DbOrTx = db): Promise<SchemeRecord | undefined> {
      const [row] = await tx.select(recordColumns).from(schemes).where(eq(schemes.id, id));
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
      await tx
        .insert(schemeVersions)
        .values({ schemeId: input.id, version, data: input.data, changedAt: now, changedBy: input.userId, comment: input.comment });
      return true;
    },

    async setOwner(id: string, organisationId: string | null) {
      // The changed time moves the catalogue stamp, so every instance reloads.
      const updated = await db
        .update(schemes)
        .set({ ownerOrganisationId: organisationId, updatedAt: new Date() })
        .where(eq(schemes.id, id))
        .returning({ id: schemes.id });
      return updated.length > 0;
    },

    /** Every saved version of a scheme, newest first, with the id of the user who saved it. */
    async versions(id: string) {
      return db
        .select({
          version: schemeVersions.version,
          data: schemeVersions.data,
          changedAt: schemeVersions.changedAt,
          changedBy: schemeVersions.changedBy,
          comment: schemeVersions.comment,
        })
        .from(schemeVersions)
        .where(eq(schemeVersions.schemeId, id))
        .orderBy(desc(schemeVersions.version));
    },

    /** The document of one saved version of a scheme; undefined when there is none. */
    async versionData(id: string, version: number): Promise<Scheme | undefined> {
      const [row] = await db
        .select({ data: schemeVersions.data })
        .from(schemeVersions)
        .where(and(eq(schemeVersions.schemeId, id), eq(schemeVersions.version, version)));
      return row?.data as Scheme | undefined;
    },

    /**
     * The calls of every saved version (`[{ id, deadline }]` as stored), by scheme and version, oldest
     * first: how often each call's deadline changed (the iCalendar `SEQUENCE`).
     */
    async callHistory(): Promise<{ schemeId: string; version: number; calls: unknown }[]> {
      return db
        .select({
          schemeId: schemeVersions.schemeId,
          version: schemeVersions.version,
          calls: sql<unknown>`(select coalesce(jsonb_agg(jsonb_build_object('id', c->'id', 'deadline', c->'deadline')), '[]'::jsonb) from jsonb_array_elements(coalesce(${schemeVersions.data}->'calls', '[]'::jsonb)) as c)`,
        })
        .from(schemeVersions)
        .orderBy(schemeVersions.schemeId, schemeVersions.version);
    },

    async ownedBy(organisationId: string) {
      return db
        .select({ id: schemes.id, data: schemes.data, version: schemes.version, updatedAt: schemes.updatedAt })
        .from(schemes)
        .where(eq(schemes.ownerOrganisationId, organisationId));
    },
  };
}

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
