import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import { schema, type AppDb, type DbOrTx } from '@varde/db';
import { readReferenceJson } from '@varde/db/reference-data';

const { participationImports: imports, participationRecords: records } = schema;

export type ImportRow = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;

/** The summary columns: everything but the rows as read (which can be megabytes). */
const summaryColumns = {
  id: imports.id,
  createdBy: imports.createdBy,
  createdAt: imports.createdAt,
  fileName: imports.fileName,
  format: imports.format,
  status: imports.status,
  rowCount: imports.rowCount,
  recordCount: imports.recordCount,
  committedAt: imports.committedAt,
  undoneAt: imports.undoneAt,
};

/** The 2020–2023 municipalities (data/reference/municipalities-2020.json) and their 2024 successors. */
export interface Municipality2020 {
  code: string;
  name: string;
  codes2024: string[];
}

/** The `participation_imports` table, and the records an import created. */
export function createImportRepository(db: AppDb) {
  let from2020: Municipality2020[] | undefined;
  return {
    municipalities2020(): Municipality2020[] {
      from2020 ??= readReferenceJson<Municipality2020[]>('municipalities-2020.json');
      return from2020;
    },

    /** Stores a new import and returns it, without reading its rows back. */
    async insert(values: NewImport): Promise<ImportRow> {
      const [row] = await db.insert(imports).values(values).returning({ id: imports.id, createdAt: imports.createdAt });
      return {
        fixes: {},
        status: 'draft',
        recordCount: null,
        committedAt: null,
        committedBy: null,
        undoneAt: null,
        undoneBy: null,
        encoding: null,
        delimiter: null,
        createdBy: null,
        ...values,
        ...row!,
      } as ImportRow;
    },

    async find(id: string, tx: DbOrTx = db): Promise<ImportRow | undefined> {
      const [row] = await tx.select().from(imports).where(eq(imports.id, id));
      return row;
    },

    /** The import, locked until the transaction ends: a commit, an undo and edits of its draft take turns. */
    async findForUpdate(id: string, tx: DbOrTx): Promise<ImportRow | undefined> {
      const [row] = await tx.select().from(imports).where(eq(imports.id, id)).for('update');
      return row;
    },

    async list(createdBy: string | null) {
      return db
        .select(summaryColumns)
        .from(imports)
        .where(createdBy ? eq(imports.createdBy, createdBy) : undefined)
        .orderBy(desc(imports.createdAt))
        .limit(100);
    },

    async countSince(userId: string, since: Date) {
      const [row] = await db
        .select({ n: count() })
        .from(imports)
        .where(and(eq(imports.createdBy, userId), gte(imports.createdAt, since)));
      return row!.n;
    },

    async update(id: string, values: Partial<NewImport>, tx: DbOrTx = db) {
      await tx.update(imports).set(values).where(eq(imports.id, id));
    },

    async remove(id: string) {
      await db.delete(imports).where(eq(imports.id, id));
    },

    /** The import's records, locked: an edit of one of them waits for the undo, or the undo for the edit. */
    async recordsForUpdate(importId: string, tx: DbOrTx) {
      return tx
        .select({
          id: records.id,
          revision: records.revision,
          updatedAt: records.updatedAt,
          schemeName: records.schemeName,
          year: records.year,
          municipalityCode: records.municipalityCode,
        })
        .from(records)
        .where(eq(records.importId, importId))
        .orderBy(records.municipalityCode, records.year)
        .for('update');
    },

    /**
     * Undo: removes the import's records still at revision 1 and the chosen changed ones at the
     * revision given. Call with `recordsForUpdate` holding them, so no revision changes meanwhile.
     */
    async removeRecords(importId: string, chosen: { id: string; revision: number }[], tx: DbOrTx): Promise<number> {
      const removed = await tx
        .delete(records)
        .where(
          and(
            eq(records.importId, importId),
            sql`(${records.revision} = 1 or (${records.id}, ${records.revision}) in (select id, revision from jsonb_to_recordset(${JSON.stringify(chosen)}::jsonb) as c(id uuid, revision integer)))`,
          ),
        )
        .returning({ id: records.id });
      return removed.length;
    },

    async records(importId: string) {
      return db
        .select({
          id: records.id,
          revision: records.revision,
          updatedAt: records.updatedAt,
          schemeName: records.schemeName,
          year: records.year,
          municipalityCode: records.municipalityCode,
        })
        .from(records)
        .where(eq(records.importId, importId))
        .orderBy(records.municipalityCode, records.year);
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
