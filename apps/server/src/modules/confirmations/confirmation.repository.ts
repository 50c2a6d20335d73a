import { and, asc, count, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';

const { conditionConfirmations: confirmations } = schema;

/** First key of the two-key advisory locks on an organisation's confirmations (the e-mail locks use 1). */
const CONFIRMATION_LOCK_SPACE = 2;

const columns = {
  id: confirmations.id,
  schemeId: confirmations.schemeId,
  conditionId: confirmations.conditionId,
  callId: confirmations.callId,
  confirmedBy: confirmations.confirmedBy,
  confirmedAt: confirmations.confirmedAt,
  expiresAt: confirmations.expiresAt,
};

export type ConfirmationRow = {
  id: string;
  schemeId: string | null;
  conditionId: string;
  callId: string | null;
  confirmedBy: string | null;
  confirmedAt: Date;
  expiresAt: Date;
};

/** The `condition_confirmations` table: one row per organisation, scheme (or none, for a membership) and condition. */
export function createConfirmationRepository(db: AppDb) {
  return {
    /**
     * The organisation's confirmations that have not expired at `now`, oldest first; with `schemeId`,
     * only that scheme's and the memberships in `membershipIds` (condition ids `membership:<key>`).
     */
    async active(organisationId: string, now: Date, filter: { schemeId?: string; membershipIds?: readonly string[] } = {}): Promise<ConfirmationRow[]> {
      const scope =
        filter.schemeId === undefined
          ? undefined
          : or(
              eq(confirmations.schemeId, filter.schemeId),
              filter.membershipIds?.length ? and(isNull(confirmations.schemeId), inArray(confirmations.conditionId, [...filter.membershipIds])) : sql`false`,
            );
      return db
        .select(columns)
        .from(confirmations)
        .where(and(eq(confirmations.organisationId, organisationId), gt(confirmations.expiresAt, now), scope))
        .orderBy(asc(confirmations.confirmedAt), asc(confirmations.id));
    },

    /**
     * Holds the organisation's confirmations for writing until the transaction ends (an advisory lock on
     * the organisation id): the limit is counted and the row written one request at a time.
     */
    async lock(organisationId: string, tx: DbOrTx) {
      await tx.execute(sql`select pg_advisory_xact_lock(${CONFIRMATION_LOCK_SPACE}::int, hashtext(${organisationId}::text))`);
    },

    async deleteExpired(organisationId: string, now: Date, tx: DbOrTx) {
      await tx.delete(confirmations).where(and(eq(confirmations.organisationId, organisationId), lte(confirmations.expiresAt, now)));
    },

    async count(organisationId: string, tx: DbOrTx) {
      const [row] = await tx.select({ n: count() }).from(confirmations).where(eq(confirmations.organisationId, organisationId));
      return row?.n ?? 0;
    },

    /** The row of this organisation, scheme (null: a membership) and condition, if there is one. */
    async findKey(key: { organisationId: string; schemeId: string | null; conditionId: string }, tx: DbOrTx = db) {
      const [row] = await tx
        .select(columns)
        .from(confirmations)
        .where(
          and(
            eq(confirmations.organisationId, key.organisationId),
            key.schemeId === null ? isNull(confirmations.schemeId) : eq(confirmations.schemeId, key.schemeId),
            eq(confirmations.conditionId, key.conditionId),
          ),
        );
      return row;
    },

    /** Inserts the confirmation, or replaces the one with the same key (`replaceId`): returns the row. */
    async save(
      values: {
        organisationId: string;
        schemeId: string | null;
        conditionId: string;
        callId: string | null;
        confirmedBy: string;
        confirmedAt: Date;
        expiresAt: Date;
      },
      replaceId: string | null,
      tx: DbOrTx,
    ): Promise<ConfirmationRow> {
      if (replaceId) {
        const [updated] = await tx
          .update(confirmations)
          .set({ callId: values.callId, confirmedBy: values.confirmedBy, confirmedAt: values.confirmedAt, expiresAt: values.expiresAt })
          .where(and(eq(confirmations.id, replaceId), eq(confirmations.organisationId, values.organisationId)))
          .returning(columns);
        return updated!;
      }
      const [inserted] = await tx.insert(confirmations).values(values).returning(columns);
      return inserted!;
    },

    /** False when the organisation has no such confirmation. */
    async remove(organisationId: string, id: string) {
      const deleted = await db
        .delete(confirmations)
        .where(and(eq(confirmations.id, id), eq(confirmations.organisationId, organisationId)))
        .returning({ id: confirmations.id });
      return deleted.length > 0;
    },
  };
}

export type ConfirmationRepository = ReturnType<typeof createConfirmationRepository>;
