import { and, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';

const { factReports } = schema;

export interface ReportRow {
  id: string;
  schemeId: string;
  factGroup: string;
  callId: string | null;
  text: string;
  sourceUrl: string | null;
  status: string;
  reportedBy: string | null;
  reportedAt: Date;
  schemeVersion: number;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolutionComment: string | null;
}

const columns = {
  id: factReports.id,
  schemeId: factReports.schemeId,
  factGroup: factReports.factGroup,
  callId: factReports.callId,
  text: factReports.text,
  sourceUrl: factReports.sourceUrl,
  status: factReports.status,
  reportedBy: factReports.reportedBy,
  reportedAt: factReports.reportedAt,
  schemeVersion: factReports.schemeVersion,
  resolvedBy: factReports.resolvedBy,
  resolvedAt: factReports.resolvedAt,
  resolutionComment: factReports.resolutionComment,
};

/** The `fact_reports` table: reports of wrong or outdated facts and their answers. */
export function createFactReportRepository(db: AppDb) {
  return {
    /** Changes whenever a report is made or answered: part of the version of what public pages show. */
    async stamp(): Promise<string> {
      const [row] = await db
        .select({
          stamp: sql<string>`count(*)::int || ':' || count(*) filter (where ${factReports.status} = 'open')::int || ':' || coalesce(max(coalesce(${factReports.resolvedAt}, ${factReports.reportedAt}))::text, 'null')`,
        })
        .from(factReports);
      return row!.stamp;
    },

    /** The fact groups and calls of a scheme with an open report (no reporter). */
    async openTargets(schemeId: string): Promise<{ factGroup: string; callId: string | null }[]> {
      return db
        .selectDistinct({ factGroup: factReports.factGroup, callId: factReports.callId })
        .from(factReports)
        .where(and(eq(factReports.schemeId, schemeId), eq(factReports.status, 'open')));
    },

    async countOpenBy(userId: string, tx: DbOrTx): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(factReports)
        .where(and(eq(factReports.reportedBy, userId), eq(factReports.status, 'open')));
      return row?.n ?? 0;
    },

    async insert(
      values: {
        schemeId: string;
        factGroup: string;
        callId: string | null;
        text: string;
        sourceUrl: string | null;
        reportedBy: string;
        reportedAt: Date;
        schemeVersion: number;
      },
      tx: DbOrTx,
    ): Promise<ReportRow> {
      const [row] = await tx.insert(factReports).values(values).returning(columns);
      return row!;
    },

    async find(id: string): Promise<ReportRow | undefined> {
      const [row] = await db.select(columns).from(factReports).where(eq(factReports.id, id));
      return row;
    },

    /** Locks the report's row until the transaction ends and reads it: one answer at a time. */
    async lock(id: string, tx: DbOrTx): Promise<ReportRow | undefined> {
      const [row] = await tx.select(columns).from(factReports).where(eq(factReports.id, id)).for('update');
      return row;
    },

    async close(
      id: string,
      answer: { status: 'resolved' | 'rejected'; resolvedBy: string; resolvedAt: Date; comment: string | null },
      tx: DbOrTx,
    ): Promise<ReportRow> {
      const [row] = await tx
        .update(factReports)
        .set({ status: answer.status, resolvedBy: answer.resolvedBy, resolvedAt: answer.resolvedAt, resolutionComment: answer.comment })
        .where(eq(factReports.id, id))
        .returning(columns);
      return row!;
    },

    /**
     * Open (oldest first) or closed (newest answer first) reports of the schemes in `schemeIds` (null:
     * every scheme), at most `limit`, with how many there are in all.
     */
    async list(filter: { schemeIds: readonly string[] | null; status: 'open' | 'closed'; limit: number }): Promise<{ rows: ReportRow[]; total: number }> {
      const conditions: SQL[] = [filter.status === 'open' ? eq(factReports.status, 'open') : ne(factReports.status, 'open')];
      if (filter.schemeIds) conditions.push(inArray(factReports.schemeId, [...filter.schemeIds]));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select(columns)
          .from(factReports)
          .where(where)
          .orderBy(...(filter.status === 'open' ? [factReports.reportedAt, factReports.id] : [desc(factReports.resolvedAt), desc(factReports.id)]))
          .limit(filter.limit),
        db.select({ n: count() }).from(factReports).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}

export type FactReportRepository = ReturnType<typeof createFactReportRepository>;
