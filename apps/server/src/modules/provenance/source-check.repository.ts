import { eq, sql } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';

const { sourceChecks } = schema;

export interface CheckRow {
  factGroup: string;
  checkedAt: Date;
  checkedBy: string | null;
  schemeVersion: number;
}

const columns = {
  factGroup: sourceChecks.factGroup,
  checkedAt: sourceChecks.checkedAt,
  checkedBy: sourceChecks.checkedBy,
  schemeVersion: sourceChecks.schemeVersion,
};

/** The `source_checks` table: the newest check of each fact group of a scheme. */
export function createSourceCheckRepository(db: AppDb) {
  return {
    /** Changes whenever a check is recorded: part of the version of what public pages show. */
    async stamp(): Promise<string> {
      const [row] = await db.select({ stamp: sql<string>`count(*)::int || ':' || coalesce(max(${sourceChecks.checkedAt})::text, 'null')` }).from(sourceChecks);
      return row!.stamp;
    },

    async ofScheme(schemeId: string, tx: DbOrTx = db): Promise<CheckRow[]> {
      return tx.select(columns).from(sourceChecks).where(eq(sourceChecks.schemeId, schemeId));
    },

    /** Records a check of each group, replacing the group's earlier one. */
    async record(input: { schemeId: string; groups: readonly string[]; userId: string; version: number; at: Date }, tx: DbOrTx) {
      await tx
        .insert(sourceChecks)
        .values(
          input.groups.map((factGroup) => ({
            schemeId: input.schemeId,
            factGroup,
            checkedAt: input.at,
            checkedBy: input.userId,
            schemeVersion: input.version,
          })),
        )
        .onConflictDoUpdate({
          target: [sourceChecks.schemeId, sourceChecks.factGroup],
          set: { checkedAt: input.at, checkedBy: input.userId, schemeVersion: input.version },
        });
    },
  };
}

export type SourceCheckRepository = ReturnType<typeof createSourceCheckRepository>;
