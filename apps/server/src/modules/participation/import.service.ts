/**
 * Imports of participation records from files, for advisers (their counties) and platform
 * administrators: upload (read and kept as a draft), the column mapping, a dry run that lists every
 * invalid row with its reason, fixes typed in the app, an all-or-nothing commit, and undo.
 *
 * Commit and undo run in one transaction each, with the import's row locked: two commits of one draft
 * cannot both insert, and an undo waits for (or is waited for by) edits of the import's records,
 * which lock the record they change. On the embedded database one transaction holds every other
 * request, so an import there has a lower row cap (ADR 011).
 */
import { ErrorCode, FieldErrorCode, type Language } from '@varde/contracts';
import type { ImportDetail, ImportList, ImportMapping, RowFixBody, UndoBody, UndoPreview } from '@varde/contracts/participation-api';
import { importFields, participationLimits as L, type ImportField } from '@varde/contracts/participation-vocabulary';
import { suggestMapping } from '@varde/domain/participation';
import { AppError, conflict, fieldErrors, forbidden, notFound, type PendingFieldError } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { RunInTransaction, Tx } from '../../core/transaction';
import type { AccountService } from '../auth/account.service';
import type { AuditService } from '../audit/audit.service';
import { type Access, adviserScope, mayImport } from './access';
import { checkImport, mappingComplete, rowView, type CheckedRow } from './import-check';
import { ImportFileError, readImportFile } from './import-file';
import type { ImportRepository, ImportRow } from './import.repository';
import { isUniqueViolation, type NewRecord, type ParticipationRepository } from './participation.repository';
import type { ParticipationService } from './participation.service';

const DAY_MS = 24 * 60 * 60 * 1000;

export function createImportService(deps: {
  transaction: RunInTransaction;
  repo: ImportRepository;
  records: ParticipationRepository;
  participation: ParticipationService;
  accounts: AccountService;
  audit: AuditService;
  /** Rows one import may have on this database (IMPORT_MAX_ROWS, or IMPORT_MAX_ROWS_EMBEDDED on PGlite). */
  maxRows: number;
  now?: () => Date;
}) {
  const { transaction, repo, records, participation, accounts, audit, maxRows } = deps;
  const now = deps.now ?? (() => new Date());

  /** The import, if the caller started it (or is a platform administrator); 404 otherwise, so others learn nothing. */
  async function requireImport(access: Access, id: string, tx?: Tx): Promise<ImportRow> {
    if (!mayImport(access)) throw forbidden();
    const found = tx ? await repo.findForUpdate(id, tx) : await repo.find(id);
    if (!found || (found.createdBy !== access.auth.user.id && !access.auth.user.isPlatformAdmin)) throw notFound('error.import_not_found');
    return found;
  }

  /** What the dry run reads besides the import: registers and schemes, looked up before any transaction opens. */
  async function lookups(access: Access) {
    const [names, schemes] = await Promise.all([participation.municipalityNames(), participation.directory()]);
    const registers = {
      current: names.all,
      from2020: new Map(repo.municipalities2020().map((m) => [m.code, { name: m.name, codes2024: m.codes2024 }])),
    };
    return { registers, names, schemes, counties: null, municipalities: adviserScope(access), currentYear: now().getUTCFullYear() };
  }

  async function check(access: Access, stored: ImportRow, tx?: Tx, found?: Awaited<ReturnType<typeof lookups>>): Promise<CheckedRow[]> {
    return checkImport(stored, { ...(found ?? (await lookups(access))), takenKeys: (keys) => records.takenKeys(keys, tx) });
  }

  async function detail(access: Access, stored: ImportRow, lang: Language, page = 1): Promise<ImportDetail> {
    const people = await accounts.names(stored.createdBy ? [stored.createdBy] : []);
    const pageSize = L.invalidRowsPageSize;
    let dryRun: ImportDetail['dryRun'] = { valid: stored.recordCount ?? 0, invalid: 0, skipped: 0, invalidRows: [], page, pageSize };
    if (stored.status === 'draft' && mappingComplete(stored.mapping)) {
      const names = await participation.municipalityNames();
      const rows = await check(access, stored);
      const invalid = rows.filter((r) => r.problems.length > 0);
      dryRun = {
        valid: rows.filter((r) => r.record).length,
        invalid: invalid.length,
        skipped: rows.filter((r) => r.skipped).length,
        invalidRows: invalid.slice((page - 1) * pageSize, page * pageSize).map((r) => rowView(r, lang, names)),
        page,
        pageSize,
      };
    }
    return {
      ...summary(stored, people),
      encoding: stored.encoding,
      delimiter: stored.delimiter,
      headers: stored.headers,
      sample: stored.rows.slice(0, 5).map((r) => r.cells),
      mapping: Object.fromEntries(importFields.map((f) => [f, stored.mapping[f] ?? null])) as ImportMapping,
      dryRun,
    };
  }

  function summary(
    stored: Omit<ImportRow, 'rows' | 'headers' | 'mapping' | 'fixes' | 'encoding' | 'delimiter' | 'fileBytes' | 'committedBy' | 'undoneBy'>,
    people: Map<string, string>,
  ) {
    return {
      id: stored.id,
      fileName: stored.fileName,
      format: stored.format,
      status: stored.status,
      rowCount: stored.rowCount,
      recordCount: stored.recordCount,
      createdAt: stored.createdAt.toISOString(),
      createdBy: { name: stored.createdBy ? (people.get(stored.createdBy) ?? null) : null },
      committedAt: stored.committedAt?.toISOString() ?? null,
      undoneAt: stored.undoneAt?.toISOString() ?? null,
    };
  }

  /** Changes a draft with its row locked, so two fixes typed at once both count. */
  async function changeDraft(access: Access, id: string, change: (stored: ImportRow, tx: Tx) => Promise<void>) {
    await transaction(async (tx) => {
      const stored = await requireImport(access, id, tx);
      if (stored.status !== 'draft') throw conflict('error.import_not_draft');
      await change(stored, tx);
    });
  }

  return {
    async list(auth: AuthContext): Promise<ImportList> {
      const access = await participation.access(auth);
      if (!mayImport(access)) throw forbidden();
      const rows = await repo.list(auth.user.isPlatformAdmin ? null : auth.user.id);
      const people = await accounts.names([...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))]);
      return { items: rows.map((r) => summary(r, people)), maxRows };
    },

    async upload(auth: AuthContext, file: { name: string; bytes: Buffer }, lang: Language): Promise<ImportDetail> {
      const access = await participation.access(auth);
      if (!mayImport(access)) throw forbidden();
      if ((await repo.countSince(auth.user.id, new Date(now().getTime() - DAY_MS))) >= L.importsPerUserPerDay) {
        throw new AppError(ErrorCode.rateLimited, 'error.import_daily_limit', { limit: L.importsPerUserPerDay });
      }
      let read: Awaited<ReturnType<typeof readImportFile>>;
      try {
        read = await readImportFile(file.bytes, maxRows);
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        const limit = error.params.limit;
        throw new AppError(ErrorCode.validation, `error.import_${error.problem}`, error.params, [
          { path: 'file', code: limit ? FieldErrorCode.tooLarge : FieldErrorCode.invalidValue, ...(limit ? { limit } : {}) },
        ]);
      }
      const suggested = suggestMapping(read.headers);
      const stored = await repo.insert({
        createdBy: auth.user.id,
        fileName: file.name.trim(),
        format: read.format,
        encoding: read.encoding,
        delimiter: read.delimiter,
        fileBytes: file.bytes.length,
        headers: read.headers,
        rows: read.rows,
        rowCount: read.rows.length,
        mapping: Object.fromEntries(importFields.map((f) => [f, suggested[f] ?? null])),
      });
      return detail(access, stored, lang);
    },

    async detail(auth: AuthContext, id: string, lang: Language, page?: number): Promise<ImportDetail> {
      const access = await participation.access(auth);
      return detail(access, await requireImport(access, id), lang, page);
    },

    async setMapping(auth: AuthContext, id: string, mapping: ImportMapping, lang: Language): Promise<ImportDetail> {
      const access = await participation.access(auth);
      await changeDraft(access, id, async (stored, tx) => {
        const problems: PendingFieldError[] = [];
        const used = new Map<number, ImportField>();
        for (const field of importFields) {
          const column = mapping[field];
          if (column === null || column === undefined) continue;
          if (column >= stored.headers.length) problems.push({ path: `mapping.${field}`, code: FieldErrorCode.invalidValue });
          else if (used.has(column)) problems.push({ path: `mapping.${field}`, code: FieldErrorCode.duplicate });
          else used.set(column, field);
        }
        for (const field of ['municipality', 'scheme', 'role', 'status'] as const) {
          if (mapping[field] === null || mapping[field] === undefined) problems.push({ path: `mapping.${field}`, code: FieldErrorCode.required });
        }
        if ((mapping.year ?? null) === null && (mapping.decidedOn ?? null) === null) problems.push({ path: 'mapping.year', code: FieldErrorCode.required });
        if (problems.length) throw fieldErrors(...problems);
        await repo.update(id, { mapping }, tx);
      });
      return this.detail(auth, id, lang);
    },

    async fixRow(auth: AuthContext, id: string, row: number, body: RowFixBody, lang: Language): Promise<ImportDetail> {
      const access = await participation.access(auth);
      await changeDraft(access, id, async (stored, tx) => {
        if (!stored.rows.some((r) => r.row === row)) throw notFound('error.import_row_not_found', { row });
        const values = Object.fromEntries(Object.entries(body.values).filter(([field]) => (importFields as readonly string[]).includes(field)));
        await repo.update(id, { fixes: { ...stored.fixes, [String(row)]: { values, skip: body.skip ?? false } } }, tx);
      });
      return this.detail(auth, id, lang);
    },

    async discard(auth: AuthContext, id: string) {
      const access = await participation.access(auth);
      const stored = await requireImport(access, id);
      if (stored.status !== 'draft') throw conflict('error.import_not_draft');
      await repo.remove(id);
    },

    /** Saves every row as a record, or none: refused while any row is invalid. */
    async commit(auth: AuthContext, id: string): Promise<{ recordCount: number }> {
      const access = await participation.access(auth);
      const found = await lookups(access);
      try {
        return await transaction(async (tx) => {
          const stored = await requireImport(access, id, tx);
          if (stored.status !== 'draft') throw conflict('error.import_not_draft');
          if (!mappingComplete(stored.mapping)) throw new AppError(ErrorCode.conflict, 'error.import_mapping_incomplete');
          const rows = await check(access, stored, tx, found);
          const invalid = rows.filter((r) => r.problems.length > 0).length;
          if (invalid > 0) throw new AppError(ErrorCode.conflict, 'error.import_has_problems', { count: invalid });
          const at = now();
          const values: NewRecord[] = rows.flatMap(({ record: r, key }) =>
            r && key
              ? [
                  {
                    schemeId: r.scheme.catalogueId,
                    schemeKey: r.scheme.key,
                    schemeName: r.scheme.name,
                    round: r.round,
                    year: r.year,
                    decidedOn: r.decidedOn,
                    municipalityCode: r.municipalityCode,
                    codeAtTime: r.codeAtTime,
                    nameAtTime: r.nameAtTime,
                    role: r.role,
                    status: r.status,
                    amountNok: r.amountNok,
                    projectTitle: r.projectTitle,
                    otherParticipants: r.otherParticipants,
                    sourceUrl: r.sourceUrl,
                    // With no source in the file, the file itself is the source document.
                    sourceDocument: r.sourceDocument ?? (r.sourceUrl ? null : stored.fileName),
                    evidence: r.evidence,
                    provenance: 'imported' as const,
                    createdAt: at,
                    createdBy: auth.user.id,
                    updatedAt: at,
                    updatedBy: auth.user.id,
                    importId: id,
                    dedupeKey: key,
                  },
                ]
              : [],
          );
          await records.insertMany(values, tx);
          await repo.update(id, { status: 'committed', recordCount: values.length, committedAt: at, committedBy: auth.user.id, rows: [] }, tx);
          await audit.record(
            {
              actorUserId: auth.user.id,
              action: 'participation.import_committed',
              targetType: 'participation_import',
              targetId: id,
              detail: { fileName: stored.fileName, rows: stored.rowCount, records: values.length },
            },
            tx,
          );
          return { recordCount: values.length };
        });
      } catch (error) {
        // Another commit stored one of these records first: nothing of this one was saved.
        if (isUniqueViolation(error)) throw new AppError(ErrorCode.conflict, 'error.import_duplicates_appeared');
        throw error;
      }
    },

    async undoPreview(auth: AuthContext, id: string, lang: Language): Promise<UndoPreview> {
      const access = await participation.access(auth);
      const stored = await requireImport(access, id);
      if (stored.status !== 'committed') throw conflict('error.import_not_committed');
      const rows = await repo.records(id);
      const names = await participation.municipalityNames();
      const schemes = await participation.directory();
      return {
        unchanged: rows.filter((r) => r.revision === 1).length,
        changed: rows
          .filter((r) => r.revision > 1)
          .map((r) => ({
            id: r.id,
            revision: r.revision,
            updatedAt: r.updatedAt.toISOString(),
            summary: `${names.get(r.municipalityCode)?.name ?? r.municipalityCode}: ${schemes.displayName({ schemeId: null, schemeName: r.schemeName }, lang)} ${r.year}`,
          })),
      };
    },

    /**
     * Removes the import's unchanged records, and the changed ones the caller chose at the revision
     * they saw; a record changed again since is kept. The records stay locked until the end, so an
     * edit of one waits and then finds it gone, or the undo finds it changed.
     */
    async undo(auth: AuthContext, id: string, body: UndoBody): Promise<{ removed: number; kept: number }> {
      const access = await participation.access(auth);
      return transaction(async (tx) => {
        const stored = await requireImport(access, id, tx);
        if (stored.status !== 'committed') throw conflict('error.import_not_committed');
        const rows = await repo.recordsForUpdate(id, tx);
        const removed = await repo.removeRecords(id, body.remove, tx);
        const at = now();
        await repo.update(id, { status: 'undone', undoneAt: at, undoneBy: auth.user.id }, tx);
        const kept = rows.length - removed;
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: 'participation.import_undone',
            targetType: 'participation_import',
            targetId: id,
            detail: { fileName: stored.fileName, removed, kept },
          },
          tx,
        );
        return { removed, kept };
      });
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
