import { desc, eq } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';

const { auditLog, users } = schema;

export interface AuditRecord {
  actorUserId: string | null;
  action: string;
  organisationId?: string | null;
  targetType: string;
  targetId?: string | null;
  detail?: Record<string, unknown>;
}

export function createAuditRepository(db: AppDb) {
  return {
    async insert(record: AuditRecord, tx: DbOrTx = db) {
      await tx.insert(auditLog).values({ ...record, detail: record.detail ?? {} });
    },
    async list(filter: { organisationId?: string; limit: number }) {
      const rows = await db
        .select({ entry: auditLog, actorName: users.name })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(filter.organisationId ? eq(auditLog.organisationId, filter.organisationId) : undefined)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(filter.limit);
      return rows.map(({ entry, actorName }) => ({
        id: entry.id,
        at: entry.at.toISOString(),
        actorName,
        action: entry.action,
        organisationId: entry.organisationId,
        targetType: entry.targetType,
        targetId: entry.targetId,
        detail: entry.detail,
      }));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
