import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { ParticipationStatus } from '@varde/contracts/participation-vocabulary';
import { readDatasetSchemes, schema, type AppDb, type DatasetScheme, type DbOrTx } from '@varde/db';

const { participationRecords: records, participationFlags: flags, municipalities } = schema;

export type RecordRow = typeof records.$inferSelect;
export type NewRecord = typeof records.$inferInsert;
export type FlagRow = typeof flags.$inferSelect;

export interface RecordFilter {
  municipality?: string | undefined;
  county?: string | undefined;
  schemeKey?: string | undefined;
  year?: number | undefined;
  status?: ParticipationStatus | undefined;
  includeExamples: boolean;
}

/** True for PostgreSQL's unique violation (23505), as either driver reports it (drizzle wraps it in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** Rows per bulk insert statement (one JSON parameter each). */
const BULK = 5000;

/** The columns a bulk insert writes, with their SQL types, and how a record fills them. */
const bulkColumns: [string, string, (r: NewRecord) => unknown][] = [
  ['scheme_id', 'text', (r) => r.schemeId],
  ['scheme_key', 'text', (r) => r.schemeKey],
  ['scheme_name', 'text', (r) => r.schemeName],
  ['round', 'text', (r) => r.round],
  ['year', 'integer', (r) => r.year],
  ['decided_on', 'date', (r) => r.decidedOn],
  ['municipality_code', 'text', (r) => r.municipalityCode],
  ['code_at_time', 'text', (r) => r.codeAtTime],
  ['name_at_time', 'text', (r) => r.nameAtTime],
  ['role', 'text', (r) => r.role],
  ['status', 'text', (r) => r.status],
  ['amount_nok', 'bigint', (r) => r.amountNok],
  ['project_title', 'text', (r) => r.projectTitle],
  ['other_participants', 'jsonb', (r) => r.otherParticipants ?? []],
  ['source_url', 'text', (r) => r.sourceUrl],
  ['source_document', 'text', (r) => r.sourceDocument],
  ['evidence', 'text', (r) => r.evidence],
  ['note', 'text', (r) => r.note],
  ['provenance', 'text', (r) => r.provenance],
  ['created_at', 'timestamptz', (r) => (r.createdAt ?? new Date()).toISOString()],
  ['created_by', 'uuid', (r) => r.createdBy],
  ['updated_at', 'timestamptz', (r) => (r.updatedAt ?? new Date()).toISOString()],
  ['updated_by', 'uuid', (r) => r.updatedBy],
  ['import_id', 'uuid', (r) => r.importId],
  ['is_example', 'boolean', (r) => r.isExample ?? false],
  ['dedupe_key', 'text', (r) => r.dedupeKey],
];
const bulkRow = (r: NewRecord) => Object.fromEntries(bulkColumns.map(([name, , value]) => [name, value(r) ?? null]));

function where(filter: RecordFilter): SQL | undefined {
  return and(
    filter.municipality ? eq(records.municipalityCode, filter.municipality) : undefined,
    filter.county
      ? inArray(records.municipalityCode, sql`(select ${municipalities.code} from ${municipalities} where ${municipalities.countyCode} = ${filter.county})`)
      : undefined,
    filter.schemeKey ? eq(records.schemeKey, filter.schemeKey) : undefined,
    filter.year ? eq(records.year, filter.year) : undefined,
    filter.status ? eq(records.status, filter.status) : undefined,
    filter.includeExamples ? undefined : eq(records.isExample, false),
  );
}

/** The `participation_records` and `participation_flags` tables. */
export function createParticipationRepository(db: AppDb) {
  let dataset: DatasetScheme[] | undefined;
  return {
    /** The schemes of the shipped data set (data/participation/schemes.json). */
    datasetSchemes(): DatasetScheme[] {
      dataset ??= readDatasetSchemes();
      return dataset;
    },

    /**
     * Changes whenever a record is added, changed or removed, or a report is made or resolved: part of
     * the render cache's version of the public pages.
     */
    async stamp(): Promise<string> {
      const [row] = await db
        .select({
          stamp: sql<string>`count(*)::int || ':' || coalesce(sum(${records.revision}), 0)::bigint || ':' || coalesce(max(${records.updatedAt})::text, '') || ':' || (select count(*)::int || ':' || coalesce(max(${flags.resolvedAt})::text, '') from ${flags})`,
        })
        .from(records);
      return row!.stamp;
    },

    async list(filter: RecordFilter, page: { offset: number; limit: number }) {
      const condition = where(filter);
      const [total] = await db.select({ n: count() }).from(records).where(condition);
      const rows = await db
        .select()
        .from(records)
        .where(condition)
        .orderBy(desc(records.year), asc(records.municipalityCode), asc(records.schemeKey), asc(records.id))
        .offset(page.offset)
        .limit(page.limit);
      return { total: total!.n, rows };
    },

    async hasExamples(filter: RecordFilter) {
      const [row] = await db
        .select({ n: count() })
        .from(records)
        .where(and(where(filter), eq(records.isExample, true)));
      return row!.n > 0;
    },

    async find(id: string, tx: DbOrTx = db): Promise<RecordRow | undefined> {
      const [row] = await tx.select().from(records).where(eq(records.id, id));
      return row;
    },

    /** The record, locked until the transaction ends (edits, verification and an import's undo take turns). */
    async findForUpdate(id: string, tx: DbOrTx): Promise<RecordRow | undefined> {
      const [row] = await tx.select().from(records).where(eq(records.id, id)).for('update');
      return row;
    },

    async insert(values: NewRecord, tx: DbOrTx = db): Promise<string> {
      const [row] = await tx.insert(records).values(values).returning({ id: records.id });
      return row!.id;
    },

    /** Inserts the record, or returns null when its key (or its pipeline item) is already recorded. */
    async insertUnlessDuplicate(values: NewRecord, tx: DbOrTx = db): Promise<string | null> {
      const [row] = await tx.insert(records).values(values).onConflictDoNothing().returning({ id: records.id });
      return row?.id ?? null;
    },

    /**
     * Inserts many records with one statement per batch: the rows travel as one JSON parameter and
     * PostgreSQL unpacks them (`jsonb_to_recordset`), so building the statement costs nothing per row.
     */
    async insertMany(rows: NewRecord[], tx: DbOrTx) {
      for (let i = 0; i < rows.length; i += BULK) {
        const json = JSON.stringify(rows.slice(i, i + BULK).map(bulkRow));
        await tx.execute(sql`
          insert into ${records} (${sql.raw(bulkColumns.map(([name]) => name).join(', '))})
          select ${sql.raw(bulkColumns.map(([name]) => name).join(', '))}
          from jsonb_to_recordset(${json}::jsonb) as x(${sql.raw(bulkColumns.map(([name, type]) => `${name} ${type}`).join(', '))})`);
      }
    },

    /** Changes a record and adds one to its revision. */
    async update(id: string, values: Partial<NewRecord>, tx: DbOrTx) {
      await tx
        .update(records)
        .set({ ...values, revision: sql`${records.revision} + 1` })
        .where(eq(records.id, id));
    },

    async remove(ids: string[], tx: DbOrTx = db) {
      await tx.delete(records).where(sql`${records.id} = any(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`);
    },

    /** Which of these keys are taken (by another record than `exceptId`). */
    async takenKeys(keys: string[], tx: DbOrTx = db, exceptId?: string): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      // One key by its index; many as one JSON parameter, which PostgreSQL joins against the table.
      const rows = await tx
        .select({ key: records.dedupeKey, id: records.id })
        .from(records)
        .where(
          keys.length === 1
            ? eq(records.dedupeKey, keys[0]!)
            : sql`${records.dedupeKey} = any(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`,
        );
      return new Set(rows.filter((row) => row.id !== exceptId).map((row) => row.key));
    },

    async countCreatedSince(userId: string, since: Date) {
      const [row] = await db
        .select({ n: count() })
        .from(records)
        .where(and(eq(records.createdBy, userId), gte(records.createdAt, since), isNull(records.importId)));
      return row!.n;
    },

    /** Records per scheme (key, catalogue id, a recorded name). */
    async schemeCounts(includeExamples: boolean) {
      return db
        .select({
          key: records.schemeKey,
          catalogueId: sql<string | null>`max(${records.schemeId})`,
          name: sql<string>`min(${records.schemeName})`,
          n: count(),
        })
        .from(records)
        .where(includeExamples ? undefined : eq(records.isExample, false))
        .groupBy(records.schemeKey);
    },

    /** The records published from these pipeline items. */
    async publishedItems(pipelineItemIds: string[]): Promise<Set<string>> {
      if (pipelineItemIds.length === 0) return new Set();
      const rows = await db.select({ id: records.pipelineItemId }).from(records).where(inArray(records.pipelineItemId, pipelineItemIds));
      return new Set(rows.map((r) => r.id!));
    },

    async replaceExamples(rows: NewRecord[]) {
      await db.transaction(async (tx) => {
        await tx.delete(records).where(eq(records.isExample, true));
        await this.insertMany(rows, tx);
      });
    },

    // --- Reports of wrong records ---

    async openFlagCounts(recordIds: string[]): Promise<Map<string, number>> {
      if (recordIds.length === 0) return new Map();
      const rows = await db
        .select({ recordId: flags.recordId, n: count() })
        .from(flags)
        .where(and(inArray(flags.recordId, recordIds), isNull(flags.resolvedAt)))
        .groupBy(flags.recordId);
      return new Map(rows.map((r) => [r.recordId, r.n]));
    },

    /** A transaction lock on one user's reports (released at commit or rollback). */
    async lockFlagsOf(userId: string, tx: DbOrTx) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`participation-flags:${userId}`}))`);
    },

    async countOpenFlagsBy(userId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ n: count() })
        .from(flags)
        .where(and(eq(flags.createdBy, userId), isNull(flags.resolvedAt)));
      return row!.n;
    },

    async insertFlag(values: typeof flags.$inferInsert, tx: DbOrTx): Promise<string> {
      const [row] = await tx.insert(flags).values(values).returning({ id: flags.id });
      return row!.id;
    },

    /** Open (or resolved) reports with their record, of records in these counties (null: all). */
    /** Reports of records of these municipalities (null: all), open or resolved. */
    async listFlags(filter: { municipalities: string[] | null; open: boolean }) {
      if (filter.municipalities && filter.municipalities.length === 0) return [];
      return db
        .select({ flag: flags, record: records })
        .from(flags)
        .innerJoin(records, eq(records.id, flags.recordId))
        .where(
          and(
            filter.open ? isNull(flags.resolvedAt) : isNotNull(flags.resolvedAt),
            filter.municipalities ? inArray(records.municipalityCode, filter.municipalities) : undefined,
          ),
        )
        .orderBy(desc(flags.createdAt))
        .limit(500);
    },

    async findFlagForUpdate(id: string, tx: DbOrTx) {
      const [row] = await tx
        .select({ flag: flags, record: records })
        .from(flags)
        .innerJoin(records, eq(records.id, flags.recordId))
        .where(eq(flags.id, id))
        .for('update', { of: flags });
      return row;
    },

    async resolveFlag(id: string, values: Pick<FlagRow, 'resolvedAt' | 'resolvedBy' | 'resolution' | 'resolutionNote'>, tx: DbOrTx) {
      await tx.update(flags).set(values).where(eq(flags.id, id));
    },
  };
}

export type ParticipationRepository = ReturnType<typeof createParticipationRepository>;
