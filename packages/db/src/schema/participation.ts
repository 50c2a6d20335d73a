import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FlagResolution, ImportField, ImportStatus, ParticipationRole, ParticipationStatus, Provenance } from '@varde/contracts/participation-vocabulary';
import { municipalities } from './municipalities';
import { organisations } from './organisations';
import { users } from './users';

/**
 * An import of participation records from a file: the rows as read (until the commit), the column
 * mapping and the fixes made in the app, then who committed how many records, and whether it was undone.
 */
export const participationImports = pgTable(
  'participation_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    fileName: text('file_name').notNull(),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    fileBytes: integer('file_bytes').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** Each row: its number in the file and its cells. Emptied at the commit (the records hold the data). */
    rows: jsonb('rows').$type<{ row: number; cells: string[] }[]>().notNull(),
    rowCount: integer('row_count').notNull(),
    mapping: jsonb('mapping').$type<Partial<Record<ImportField, number | null>>>().notNull(),
    /** Values typed in the app for a row (by its number in the file), and rows left out. */
    fixes: jsonb('fixes').$type<Record<string, { values: Partial<Record<ImportField, string>>; skip: boolean }>>().notNull().default({}),
    status: text('status').$type<ImportStatus>().notNull().default('draft'),
    recordCount: integer('record_count'),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    committedBy: uuid('committed_by').references(() => users.id, { onDelete: 'set null' }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('participation_imports_created_by_idx').on(t.createdBy, t.createdAt)],
);

/**
 * Which municipality took part in which scheme: a catalogue scheme (`scheme_id`) or one the catalogue
 * lacks (`scheme_key` is then Varde's key for it), with its source and where it comes from.
 */
export const participationRecords = pgTable(
  'participation_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A catalogue scheme's id (no foreign key: the catalogue is read through its service). */
    schemeId: text('scheme_id'),
    schemeKey: text('scheme_key').notNull(),
    schemeName: text('scheme_name').notNull(),
    round: text('round'),
    year: integer('year').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    codeAtTime: text('code_at_time'),
    nameAtTime: text('name_at_time'),
    role: text('role').$type<ParticipationRole>().notNull(),
    status: text('status').$type<ParticipationStatus>().notNull(),
    amountNok: bigint('amount_nok', { mode: 'number' }),
    projectTitle: text('project_title'),
    otherParticipants: jsonb('other_participants').$type<string[]>().notNull().default([]),
    sourceUrl: text('source_url'),
    sourceDocument: text('source_document'),
    evidence: text('evidence'),
    note: text('note'),
    provenance: text('provenance').$type<Provenance>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    /** 1 when created; every change (edit, verification) adds one. Undoing an import removes only revision-1 records unasked. */
    revision: integer('revision').notNull().default(1),
    importId: uuid('import_id').references(() => participationImports.id, { onDelete: 'set null' }),
    /** The record's place in the shipped data set (data/participation), for reloading it. */
    datasetKey: text('dataset_key'),
    /** The pipeline item it was published from (once per item). */
    pipelineItemId: uuid('pipeline_item_id'),
    isExample: boolean('is_example').notNull().default(false),
    /** Municipality, scheme, year, round, project and name at the time (domain `dedupeKey`): one record each. */
    dedupeKey: text('dedupe_key').notNull(),
    /**
     * The project as the statistics compare it (`normaliseName`: NFC, dashes as '-', lower case, spaces
     * collapsed), kept by the database so counting 50,000 records groups a plain column (ADR 012).
     */
    projectKey: text('project_key').generatedAlwaysAs(
      sql`btrim(regexp_replace(lower(translate(normalize(coalesce(project_title, ''), NFC), '‐‑‒–—―−', '-------')), '[[:space:]]+', ' ', 'g'))`,
    ),
  },
  (t) => [
    uniqueIndex('participation_records_dedupe_key').on(t.dedupeKey),
    uniqueIndex('participation_records_dataset_key').on(t.datasetKey),
    uniqueIndex('participation_records_pipeline_item_key').on(t.pipelineItemId),
    index('participation_records_municipality_idx').on(t.municipalityCode, t.year),
    index('participation_records_scheme_idx').on(t.schemeKey, t.year),
    index('participation_records_import_idx').on(t.importId),
    index('participation_records_created_by_idx').on(t.createdBy, t.createdAt),
  ],
);

/** A report that a record is wrong, by an administrator of the record's municipality, until resolved. */
export const participationFlags = pgTable(
  'participation_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => participationRecords.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    sourceUrl: text('source_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolution: text('resolution').$type<FlagResolution>(),
    resolutionNote: text('resolution_note'),
  },
  (t) => [index('participation_flags_record_idx').on(t.recordId), index('participation_flags_open_idx').on(t.resolvedAt, t.createdBy)],
);
