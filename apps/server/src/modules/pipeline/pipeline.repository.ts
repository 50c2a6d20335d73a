import { and, eq, inArray, ne } from 'drizzle-orm';
import type { PipelineStatus } from '@varde/contracts/vocabulary';
import { schema, type AppDb } from '@varde/db';

const { pipelineItems } = schema;

/** The `pipeline_items` table: one row per organisation, scheme and call (empty call id: the scheme as a whole). */
export function createPipelineRepository(db: AppDb) {
  return {
    async list(organisationId: string) {
      return db
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
    },

    /** Inserts or updates the item of this organisation, scheme and call; returns its id. */
    async upsert(
      key: { organisationId: string; schemeId: string; callId: string },
      values: { status: PipelineStatus; assigneeUserId?: string | null; notes?: string; updatedAt: Date; updatedBy: string },
    ): Promise<string> {
      const [saved] = await db
        .insert(pipelineItems)
        .values({ ...key, ...values })
        .onConflictDoUpdate({ target: [pipelineItems.organisationId, pipelineItems.schemeId, pipelineItems.callId], set: values })
        .returning({ id: pipelineItems.id });
      return saved!.id;
    },

    /** False when the organisation has no such item. */
    async remove(organisationId: string, itemId: string) {
      const deleted = await db
        .delete(pipelineItems)
        .where(and(eq(pipelineItems.id, itemId), eq(pipelineItems.organisationId, organisationId)))
        .returning({ id: pipelineItems.id });
      return deleted.length > 0;
    },

    /** Items for a call (not the scheme as a whole) with one of these statuses, in every organisation (deadline reminders). */
    async callItemsWithStatus(statuses: PipelineStatus[]) {
      return db
        .select({
          id: pipelineItems.id,
          organisationId: pipelineItems.organisationId,
          schemeId: pipelineItems.schemeId,
          callId: pipelineItems.callId,
          status: pipelineItems.status,
          assigneeUserId: pipelineItems.assigneeUserId,
        })
        .from(pipelineItems)
        .where(and(ne(pipelineItems.callId, ''), inArray(pipelineItems.status, statuses)));
    },

    /** The statuses of several organisations' items (the regional overview: only organisations that share their pipeline). */
    async statusesOf(organisationIds: readonly string[]) {
      if (organisationIds.length === 0) return [];
      return db
        .select({ organisationId: pipelineItems.organisationId, schemeId: pipelineItems.schemeId, callId: pipelineItems.callId, status: pipelineItems.status })
        .from(pipelineItems)
        .where(inArray(pipelineItems.organisationId, [...organisationIds]));
    },

    /** The statuses of one organisation's items, for the finder and the calendar feed. */
    async statuses(organisationId: string) {
      return db
        .select({ schemeId: pipelineItems.schemeId, callId: pipelineItems.callId, status: pipelineItems.status, updatedAt: pipelineItems.updatedAt })
        .from(pipelineItems)
        .where(eq(pipelineItems.organisationId, organisationId));
    },
  };
}

export type PipelineRepository = ReturnType<typeof createPipelineRepository>;
