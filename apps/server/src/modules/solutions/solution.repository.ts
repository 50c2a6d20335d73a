/**
 * The solution library's tables (`solutions`, `solution_versions`, `solution_owners`,
 * `solution_documents`, `solution_adoptions`, `solution_reports`, `solution_threads`,
 * `solution_messages`, `solution_thread_reads`). Owners and adopters are read with their
 * organisation's name and their municipality's county and centrality class (read-only joins on
 * the reference tables, like the participation records' county filter).
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AdoptionState, SolutionMaturity, SolutionReportResolution, SolutionSort } from '@varde/contracts/solutions-vocabulary';
import { schema, type AppDb, type DbOrTx, type SolutionContentData } from '@varde/db';

const {
  solutions,
  solutionVersions: versions,
  solutionOwners: owners,
  solutionDocuments: documents,
  solutionAdoptions: adoptions,
  solutionReports: reports,
  solutionThreads: threads,
  solutionMessages: messages,
  solutionThreadReads: reads,
  organisations,
  municipalities,
} = schema;

export type SolutionRow = typeof solutions.$inferSelect;
export type NewSolution = typeof solutions.$inferInsert;
export type VersionRow = typeof versions.$inferSelect;
export type AdoptionRow = typeof adoptions.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type ThreadRow = typeof threads.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type { SolutionContentData };

/** Advisory-lock space of an organisation's document storage (other modules use 1–3). */
const STORAGE_LOCK_SPACE = 16;

export interface SolutionFilter {
  theme?: string | undefined;
  maturity?: SolutionMaturity | undefined;
  county?: string | undefined;
  status?: 'published' | 'withdrawn' | undefined;
  includeExamples: boolean;
  /** Platform administrators see hidden solutions in the list too. */
  includeHidden: boolean;
}

export interface OwnerRow {
  solutionId: string;
  organisationId: string;
  name: string;
  municipalityCode: string | null;
  countyCode: string | null;
  withdrawnAt: Date | null;
  addedAt: Date;
}

export interface AdopterRow extends AdoptionRow {
  municipalityName: string;
  countyCode: string;
  centralityClass: number;
}

export type DocumentMeta = Omit<typeof documents.$inferSelect, 'content'>;

const documentMeta = {
  id: documents.id,
  solutionId: documents.solutionId,
  organisationId: documents.organisationId,
  fileName: documents.fileName,
  title: documents.title,
  mimeType: documents.mimeType,
  bytes: documents.bytes,
  uploadedBy: documents.uploadedBy,
  uploadedAt: documents.uploadedAt,
};

function listWhere(filter: SolutionFilter): SQL | undefined {
  const inCounty = (county: string) =>
    or(
      sql`exists (select 1 from ${owners} join ${organisations} on ${organisations.id} = ${owners.organisationId} where ${owners.solutionId} = ${solutions.id} and ${owners.withdrawnAt} is null and ${organisations.countyCode} = ${county})`,
      sql`exists (select 1 from ${adoptions} join ${municipalities} on ${municipalities.code} = ${adoptions.municipalityCode} where ${adoptions.solutionId} = ${solutions.id} and ${adoptions.state} <> 'stopped' and ${municipalities.countyCode} = ${county})`,
    );
  return and(
    filter.status ? eq(solutions.status, filter.status) : ne(solutions.status, 'draft'),
    filter.theme ? sql`${solutions.themes} @> ${JSON.stringify([filter.theme])}::jsonb` : undefined,
    filter.maturity ? eq(solutions.maturity, filter.maturity) : undefined,
    filter.county ? inCounty(filter.county) : undefined,
    filter.includeExamples ? undefined : eq(solutions.isExample, false),
    filter.includeHidden ? undefined : eq(solutions.hidden, false),
  );
}

const adopterCount = sql<number>`(select count(*)::int from ${adoptions} where ${adoptions.solutionId} = ${solutions.id} and ${adoptions.state} <> 'stopped')`;

/** `at`, or 1 ms after the newest change of any solution when that is not earlier than `at`. */
const afterEveryChange = (at: Date) =>
  sql<Date>`greatest(${at.toISOString()}::timestamptz, (select max(s.updated_at) from ${solutions} s) + interval '1 millisecond')`;

export function createSolutionRepository(db: AppDb) {
  return {
    /**
     * Changes with every change to solutions and adoptions (for the render cache of public pages): every
     * write that changes what a page shows (a published version, a document added or removed, hiding
     * and restoring, an adoption, an owner withdrawing) moves `updated_at` past all others (`update`).
     */
    async stamp(): Promise<string> {
      const [row] = await db
        .select({
          stamp: sql<string>`count(*)::int || ':' || coalesce(max(${solutions.updatedAt})::text, '') || ':' || (select count(*)::int || ':' || coalesce(max(${adoptions.updatedAt})::text, '') from ${adoptions})`,
        })
        .from(solutions);
      return row!.stamp;
    },

    async list(filter: SolutionFilter, page: { offset: number; limit: number; sort: SolutionSort }) {
      const condition = listWhere(filter);
      const [total] = await db.select({ n: count() }).from(solutions).where(condition);
      const order =
        page.sort === 'title'
          ? [asc(solutions.title), asc(solutions.id)]
          : page.sort === 'adopters'
            ? [desc(adopterCount), desc(solutions.publishedAt), asc(solutions.id)]
            : [desc(solutions.publishedAt), asc(solutions.id)];
      const rows = await db
        .select()
        .from(solutions)
        .where(condition)
        .orderBy(...order)
        .offset(page.offset)
        .limit(page.limit);
      return { total: total!.n, rows };
    },

    async hasExamples(filter: SolutionFilter) {
      const [row] = await db
        .select({ n: count() })
        .from(solutions)
        .where(and(listWhere(filter), eq(solutions.isExample, true)));
      return row!.n > 0;
    },

    async find(id: string, tx: DbOrTx = db): Promise<SolutionRow | undefined> {
      const [row] = await tx.select().from(solutions).where(eq(solutions.id, id));
      return row;
    },

    /** The solution, locked until the transaction ends (publishing, withdrawing and draft saves take turns). */
    async findForUpdate(id: string, tx: DbOrTx): Promise<SolutionRow | undefined> {
      const [row] = await tx.select().from(solutions).where(eq(solutions.id, id)).for('update');
      return row;
    },

    async findMany(ids: string[]): Promise<SolutionRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(solutions).where(inArray(solutions.id, ids));
    },

    async insert(values: NewSolution, tx: DbOrTx = db): Promise<string> {
      const [row] = await tx.insert(solutions).values(values).returning({ id: solutions.id });
      return row!.id;
    },

    /**
     * A change of `updatedAt` moves it past every solution's (at least 1 ms), so the stamp changes with
     * every write however the clock stands (two writes in one millisecond, a clock set back, a test clock).
     */
    async update(id: string, values: Partial<NewSolution>, tx: DbOrTx = db) {
      const { updatedAt, ...rest } = values;
      await tx
        .update(solutions)
        .set(updatedAt ? { ...rest, updatedAt: afterEveryChange(updatedAt) } : rest)
        .where(eq(solutions.id, id));
    },

    async countCreatedSince(userId: string, since: Date, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ n: count() })
        .from(solutions)
        .where(and(eq(solutions.createdBy, userId), gte(solutions.createdAt, since)));
      return row!.n;
    },

    // --- Versions ---

    async insertVersion(values: typeof versions.$inferInsert, tx: DbOrTx) {
      await tx.insert(versions).values(values);
    },

    async versions(solutionId: string): Promise<VersionRow[]> {
      return db.select().from(versions).where(eq(versions.solutionId, solutionId)).orderBy(desc(versions.version));
    },

    async version(solutionId: string, version: number): Promise<VersionRow | undefined> {
      const [row] = await db
        .select()
        .from(versions)
        .where(and(eq(versions.solutionId, solutionId), eq(versions.version, version)));
      return row;
    },

    // --- Owners ---

    async owners(solutionIds: string[], tx: DbOrTx = db): Promise<OwnerRow[]> {
      if (solutionIds.length === 0) return [];
      return tx
        .select({
          solutionId: owners.solutionId,
          organisationId: owners.organisationId,
          name: organisations.name,
          municipalityCode: organisations.municipalityCode,
          countyCode: organisations.countyCode,
          withdrawnAt: owners.withdrawnAt,
          addedAt: owners.addedAt,
        })
        .from(owners)
        .innerJoin(organisations, eq(organisations.id, owners.organisationId))
        .where(inArray(owners.solutionId, solutionIds))
        .orderBy(asc(owners.addedAt), asc(organisations.name));
    },

    async addOwners(solutionId: string, organisationIds: string[], at: Date, tx: DbOrTx) {
      if (organisationIds.length === 0) return;
      await tx
        .insert(owners)
        .values(organisationIds.map((organisationId) => ({ solutionId, organisationId, addedAt: at })))
        .onConflictDoNothing();
    },

    /** Removes owners added to a draft and not wanted any more (only those that never withdrew). */
    async removeOwners(solutionId: string, organisationIds: string[], tx: DbOrTx) {
      if (organisationIds.length === 0) return;
      await tx.delete(owners).where(and(eq(owners.solutionId, solutionId), inArray(owners.organisationId, organisationIds), isNull(owners.withdrawnAt)));
    },

    async withdrawOwner(solutionId: string, organisationId: string, by: string, at: Date, tx: DbOrTx) {
      await tx
        .update(owners)
        .set({ withdrawnAt: at, withdrawnBy: by })
        .where(and(eq(owners.solutionId, solutionId), eq(owners.organisationId, organisationId)));
    },

    /** Solution ids an organisation owns now (drafts too). */
    async ownedBy(organisationId: string): Promise<string[]> {
      const rows = await db
        .select({ id: owners.solutionId })
        .from(owners)
        .where(and(eq(owners.organisationId, organisationId), isNull(owners.withdrawnAt)));
      return rows.map((r) => r.id);
    },

    // --- Documents ---

    async documents(solutionId: string): Promise<DocumentMeta[]> {
      return db.select(documentMeta).from(documents).where(eq(documents.solutionId, solutionId)).orderBy(asc(documents.uploadedAt));
    },

    async documentsOf(solutionIds: string[]): Promise<DocumentMeta[]> {
      if (solutionIds.length === 0) return [];
      return db.select(documentMeta).from(documents).where(inArray(documents.solutionId, solutionIds)).orderBy(asc(documents.uploadedAt));
    },

    async document(solutionId: string, documentId: string) {
      const [row] = await db
        .select()
        .from(documents)
        .where(and(eq(documents.solutionId, solutionId), eq(documents.id, documentId)));
      return row;
    },

    /** Holds the organisation's document storage until the transaction ends (uploads are counted one at a time). */
    async lockStorage(organisationId: string, tx: DbOrTx) {
      await tx.execute(sql`select pg_advisory_xact_lock(${STORAGE_LOCK_SPACE}::int, hashtext(${organisationId}::text))`);
    },

    async storageUsed(organisationId: string, tx: DbOrTx = db): Promise<number> {
      const [row] = await tx
        .select({ n: sql<number>`coalesce(sum(${documents.bytes}), 0)::bigint` })
        .from(documents)
        .where(eq(documents.organisationId, organisationId));
      return Number(row!.n);
    },

    async countDocuments(solutionId: string, tx: DbOrTx = db) {
      const [row] = await tx.select({ n: count() }).from(documents).where(eq(documents.solutionId, solutionId));
      return row!.n;
    },

    async insertDocument(values: typeof documents.$inferInsert, tx: DbOrTx): Promise<DocumentMeta> {
      const [row] = await tx.insert(documents).values(values).returning(documentMeta);
      return row!;
    },

    async deleteDocument(solutionId: string, documentId: string, tx: DbOrTx = db) {
      const rows = await tx
        .delete(documents)
        .where(and(eq(documents.solutionId, solutionId), eq(documents.id, documentId)))
        .returning({ id: documents.id });
      return rows.length > 0;
    },

    // --- Adoptions ---

    async adopters(solutionIds: string[]): Promise<AdopterRow[]> {
      if (solutionIds.length === 0) return [];
      const rows = await db
        .select({
          adoption: adoptions,
          municipalityName: municipalities.nameNorwegian,
          countyCode: municipalities.countyCode,
          centralityClass: municipalities.centralityClass,
        })
        .from(adoptions)
        .innerJoin(municipalities, eq(municipalities.code, adoptions.municipalityCode))
        .where(inArray(adoptions.solutionId, solutionIds))
        .orderBy(asc(adoptions.date), asc(municipalities.nameNorwegian));
      return rows.map((r) => ({ ...r.adoption, municipalityName: r.municipalityName, countyCode: r.countyCode, centralityClass: r.centralityClass }));
    },

    async adoptionsOfMunicipality(code: string) {
      return db.select().from(adoptions).where(eq(adoptions.municipalityCode, code));
    },

    async findAdoption(solutionId: string, organisationId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(adoptions)
        .where(and(eq(adoptions.solutionId, solutionId), eq(adoptions.organisationId, organisationId)))
        .for('update');
      return row;
    },

    async upsertAdoption(values: typeof adoptions.$inferInsert, tx: DbOrTx) {
      await tx
        .insert(adoptions)
        .values(values)
        .onConflictDoUpdate({
          target: [adoptions.solutionId, adoptions.organisationId],
          set: {
            state: values.state,
            date: values.date,
            startedOn: values.startedOn,
            note: values.note,
            updatedAt: values.updatedAt,
            updatedBy: values.updatedBy,
          },
        });
    },

    async deleteAdoption(solutionId: string, organisationId: string, tx: DbOrTx = db) {
      const rows = await tx
        .delete(adoptions)
        .where(and(eq(adoptions.solutionId, solutionId), eq(adoptions.organisationId, organisationId)))
        .returning({ id: adoptions.solutionId });
      return rows.length > 0;
    },

    // --- Reports ---

    async lockUser(userId: string, space: number, tx: DbOrTx) {
      await tx.execute(sql`select pg_advisory_xact_lock(${space}::int, hashtext(${userId}::text))`);
    },

    async countOpenReportsBy(userId: string, tx: DbOrTx) {
      const [row] = await tx
        .select({ n: count() })
        .from(reports)
        .where(and(eq(reports.createdBy, userId), isNull(reports.resolvedAt)));
      return row!.n;
    },

    async insertReport(values: typeof reports.$inferInsert, tx: DbOrTx) {
      const [row] = await tx.insert(reports).values(values).returning({ id: reports.id });
      return row!.id;
    },

    async openReportCount(solutionId: string) {
      const [row] = await db
        .select({ n: count() })
        .from(reports)
        .where(and(eq(reports.solutionId, solutionId), isNull(reports.resolvedAt)));
      return row!.n;
    },

    async listReports(open: boolean) {
      return db
        .select({ report: reports, title: solutions.title, draftTitle: sql<string>`${solutions.draft}->>'title'`, hidden: solutions.hidden })
        .from(reports)
        .innerJoin(solutions, eq(solutions.id, reports.solutionId))
        .where(open ? isNull(reports.resolvedAt) : isNotNull(reports.resolvedAt))
        .orderBy(desc(reports.createdAt))
        .limit(500);
    },

    async findReportForUpdate(id: string, tx: DbOrTx): Promise<ReportRow | undefined> {
      const [row] = await tx.select().from(reports).where(eq(reports.id, id)).for('update');
      return row;
    },

    async resolveReport(id: string, values: { resolvedAt: Date; resolvedBy: string; resolution: SolutionReportResolution }, tx: DbOrTx) {
      await tx.update(reports).set(values).where(eq(reports.id, id));
    },

    /** Resolves every open report of a solution (it was hidden). */
    async resolveReportsOf(solutionId: string, values: { resolvedAt: Date; resolvedBy: string; resolution: SolutionReportResolution }, tx: DbOrTx) {
      await tx
        .update(reports)
        .set(values)
        .where(and(eq(reports.solutionId, solutionId), isNull(reports.resolvedAt)));
    },

    // --- Questions ---

    async insertThread(values: typeof threads.$inferInsert, tx: DbOrTx) {
      const [row] = await tx.insert(threads).values(values).returning({ id: threads.id });
      return row!.id;
    },

    async findThread(id: string, tx: DbOrTx = db): Promise<ThreadRow | undefined> {
      const [row] = await tx.select().from(threads).where(eq(threads.id, id));
      return row;
    },

    async lockThread(id: string, tx: DbOrTx): Promise<ThreadRow | undefined> {
      const [row] = await tx.select().from(threads).where(eq(threads.id, id)).for('update');
      return row;
    },

    async threadsOf(organisationIds: string[]) {
      if (organisationIds.length === 0) return [];
      return db
        .select({ thread: threads, title: solutions.title, draftTitle: sql<string>`${solutions.draft}->>'title'` })
        .from(threads)
        .innerJoin(solutions, eq(solutions.id, threads.solutionId))
        .where(or(inArray(threads.askingOrganisationId, organisationIds), inArray(threads.ownerOrganisationId, organisationIds)))
        .orderBy(desc(threads.lastMessageAt))
        .limit(500);
    },

    async messages(threadId: string): Promise<MessageRow[]> {
      return db.select().from(messages).where(eq(messages.threadId, threadId)).orderBy(asc(messages.createdAt), asc(messages.id));
    },

    async messageCounts(threadIds: string[], userId: string) {
      if (threadIds.length === 0) return new Map<string, { total: number; unread: number }>();
      const rows = await db
        .select({
          threadId: messages.threadId,
          total: sql<number>`count(*)::int`,
          unread: sql<number>`count(*) filter (where ${messages.authorId} is distinct from ${userId} and ${messages.createdAt} > coalesce((select ${reads.readAt} from ${reads} where ${reads.threadId} = ${messages.threadId} and ${reads.userId} = ${userId}), '-infinity'::timestamptz))::int`,
        })
        .from(messages)
        .where(inArray(messages.threadId, threadIds))
        .groupBy(messages.threadId);
      return new Map(rows.map((r) => [r.threadId, { total: r.total, unread: r.unread }]));
    },

    async insertMessage(values: typeof messages.$inferInsert, tx: DbOrTx) {
      await tx.insert(messages).values(values);
      await tx.update(threads).set({ lastMessageAt: values.createdAt }).where(eq(threads.id, values.threadId));
    },

    async countMessagesSince(userId: string, since: Date, tx: DbOrTx) {
      const [row] = await tx
        .select({ n: count() })
        .from(messages)
        .where(and(eq(messages.authorId, userId), gte(messages.createdAt, since)));
      return row!.n;
    },

    async countMessagesIn(threadId: string, tx: DbOrTx) {
      const [row] = await tx.select({ n: count() }).from(messages).where(eq(messages.threadId, threadId));
      return row!.n;
    },

    async markRead(threadId: string, userId: string, at: Date) {
      await db
        .insert(reads)
        .values({ threadId, userId, readAt: at })
        .onConflictDoUpdate({ target: [reads.threadId, reads.userId], set: { readAt: at } });
    },

    // --- Seeds and examples ---

    async datasetKeys(): Promise<Map<string, string>> {
      const rows = await db.select({ id: solutions.id, key: solutions.datasetKey }).from(solutions).where(isNotNull(solutions.datasetKey));
      return new Map(rows.map((r) => [r.key!, r.id]));
    },

    async deleteExamples(tx: DbOrTx) {
      await tx.delete(adoptions).where(eq(adoptions.isExample, true));
      await tx.delete(solutions).where(eq(solutions.isExample, true));
    },

    async insertAdoptions(rows: (typeof adoptions.$inferInsert)[], tx: DbOrTx) {
      for (let i = 0; i < rows.length; i += 1000)
        await tx
          .insert(adoptions)
          .values(rows.slice(i, i + 1000))
          .onConflictDoNothing();
    },

    async insertVersions(rows: (typeof versions.$inferInsert)[], tx: DbOrTx) {
      for (let i = 0; i < rows.length; i += 500) await tx.insert(versions).values(rows.slice(i, i + 500));
    },

    async insertOwnerRows(rows: (typeof owners.$inferInsert)[], tx: DbOrTx) {
      for (let i = 0; i < rows.length; i += 1000)
        await tx
          .insert(owners)
          .values(rows.slice(i, i + 1000))
          .onConflictDoNothing();
    },

    async insertSolutions(rows: NewSolution[], tx: DbOrTx): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < rows.length; i += 200) {
        const out = await tx
          .insert(solutions)
          .values(rows.slice(i, i + 200))
          .returning({ id: solutions.id });
        ids.push(...out.map((r) => r.id));
      }
      return ids;
    },

    /** Municipality organisations by municipality code (for seeds, examples and the municipality page). */
    async municipalityOrganisations(): Promise<Map<string, string>> {
      const rows = await db
        .select({ id: organisations.id, code: organisations.municipalityCode })
        .from(organisations)
        .where(and(eq(organisations.type, 'municipality'), isNotNull(organisations.municipalityCode)));
      return new Map(rows.map((r) => [r.code!, r.id]));
    },

    /** Organisations by id with their municipality and county (owners to add, adopters). */
    async organisationsByIds(ids: string[], tx: DbOrTx = db) {
      if (ids.length === 0) return [];
      return tx
        .select({
          id: organisations.id,
          name: organisations.name,
          type: organisations.type,
          municipalityCode: organisations.municipalityCode,
          countyCode: organisations.countyCode,
        })
        .from(organisations)
        .where(inArray(organisations.id, ids));
    },
  };
}

export type SolutionRepository = ReturnType<typeof createSolutionRepository>;
export type AdoptionStateValue = AdoptionState;
