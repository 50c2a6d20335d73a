/**
 * Participation records: which municipality took part in which scheme, when, in what role and with
 * what result, each with its source and where it comes from; imports of such records from files, and
 * reports of records that are wrong.
 */
import { Type, type Static, type TOptional, type TSchema } from 'typebox';
import {
  exampleFilters,
  flagResolutions,
  importFields,
  importProblemCodes,
  importStatuses,
  type ImportField,
  participationLimits as L,
  participationRoles,
  participationStatuses,
  provenances,
} from './participation-vocabulary';
import { literalUnion, Nullable } from './typebox-helpers';

export const ParticipationRoleSchema = literalUnion(participationRoles);
export const ParticipationStatusSchema = literalUnion(participationStatuses);
export const ProvenanceSchema = literalUnion(provenances);
export const ImportFieldSchema = literalUnion(importFields);

const Code = Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunenummer (2024), 4 digits' });
const Person = Type.Object({ name: Nullable(Type.String({ description: 'Shown to signed-in users only; null otherwise' })) });
const Year = Type.Integer({ minimum: L.yearMin, maximum: 2100 });

/** The scheme of a record: a catalogue scheme (by id) or a named scheme the catalogue lacks. */
export const RecordScheme = Type.Object({
  key: Type.String({ description: 'The catalogue id, or Varde’s key for a scheme the catalogue lacks' }),
  catalogueId: Nullable(Type.String({ description: 'Set when the catalogue has the scheme (its page is /ordninger/{id})' })),
  name: Type.String({ description: "The catalogue's name in the request's language, else the name as recorded" }),
  recordedName: Type.String({ description: 'The name as the source or the person who recorded it wrote it' }),
});

export const ParticipationRecord = Type.Object({
  id: Type.String({ format: 'uuid' }),
  scheme: RecordScheme,
  round: Nullable(Type.String({ description: 'Round or call, where known' })),
  year: Type.Integer({ description: 'Year of the decision' }),
  decidedOn: Nullable(Type.String({ format: 'date' })),
  municipality: Type.Object({ code: Code, name: Type.String(), countyCode: Type.String() }),
  atTheTime: Type.Object({
    code: Nullable(Type.String({ description: 'The number in force that year, where known' })),
    name: Nullable(Type.String({ description: 'The name as written in the source' })),
  }),
  role: ParticipationRoleSchema,
  status: ParticipationStatusSchema,
  /** True for selected, granted and completed: the records that count as taking part. */
  takesPart: Type.Boolean(),
  amountNok: Nullable(Type.Integer()),
  projectTitle: Nullable(Type.String()),
  otherParticipants: Type.Array(Type.String()),
  source: Type.Object({ url: Nullable(Type.String()), document: Nullable(Type.String()) }),
  evidence: Nullable(Type.String({ description: 'A short quote from the source, shown attributed to it' })),
  note: Nullable(Type.String({ description: 'How a number or year was derived, by whoever compiled the record' })),
  provenance: Type.Object({
    kind: ProvenanceSchema,
    createdAt: Type.String({ format: 'date-time' }),
    createdBy: Nullable(Person),
    verifiedAt: Nullable(Type.String({ format: 'date-time' })),
    verifiedBy: Nullable(Person),
    importId: Nullable(Type.String({ format: 'uuid' })),
  }),
  isExample: Type.Boolean(),
  openFlags: Type.Integer({ description: 'Open reports that the record is wrong' }),
  revision: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  /** What the caller may do with it (records of the shipped data set are corrected, never removed). */
  can: Type.Object({ edit: Type.Boolean(), remove: Type.Boolean(), verify: Type.Boolean(), flag: Type.Boolean() }),
});
export type ParticipationRecord = Static<typeof ParticipationRecord>;

export const ParticipationQuery = Type.Object({
  municipality: Type.Optional(Code),
  county: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  scheme: Type.Optional(Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+$' })),
  year: Type.Optional(Year),
  status: Type.Optional(ParticipationStatusSchema),
  example: Type.Optional(literalUnion(exampleFilters)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
export type ParticipationQuery = Static<typeof ParticipationQuery>;

export const ParticipationList = Type.Object({
  items: Type.Array(ParticipationRecord),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Example records are part of this answer (EXAMPLE_DATA=on and not filtered out): say so visibly. */
  includesExamples: Type.Boolean(),
  /** The server shows example data at all (EXAMPLE_DATA=on). */
  exampleDataOn: Type.Boolean(),
});
export type ParticipationList = Static<typeof ParticipationList>;

export const SchemeOption = Type.Object({
  key: Type.String(),
  catalogueId: Nullable(Type.String()),
  name: Type.String(),
  records: Type.Integer({ description: 'Records of this scheme (real ones; example ones too when shown)' }),
});
export const SchemeOptions = Type.Object({ items: Type.Array(SchemeOption) });
export type SchemeOptions = Static<typeof SchemeOptions>;

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/**
 * Text or null as one schema (not a union), so a text that is too long is reported as `too_long`
 * rather than as a value of the wrong kind.
 */
const NullableText = (maxLength: number, extra: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], minLength: 1, maxLength, ...extra });
const NullableUrl = NullableText(L.urlMax, { pattern: '^[hH][tT][tT][pP][sS]?://', description: 'An absolute http(s) address' });

/** What a person enters for a record. A scheme is `schemeId` (catalogue) or `schemeName` (a scheme the catalogue lacks). */
export const RecordInput = Type.Object({
  municipalityCode: Code,
  schemeId: Type.Optional(Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+$' })),
  schemeName: Type.Optional(Text(L.schemeNameMax)),
  round: Type.Optional(NullableText(L.roundMax)),
  year: Year,
  decidedOn: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date' })),
  role: ParticipationRoleSchema,
  status: ParticipationStatusSchema,
  amountNok: Type.Optional(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: L.amountMax })),
  projectTitle: Type.Optional(NullableText(L.projectTitleMax)),
  otherParticipants: Type.Optional(Type.Array(Text(L.participantNameMax), { maxItems: L.otherParticipantsMax })),
  sourceUrl: Type.Optional(NullableUrl),
  sourceDocument: Type.Optional(NullableText(L.sourceDocumentMax)),
  evidence: Type.Optional(NullableText(L.evidenceMax)),
});
export type RecordInput = Static<typeof RecordInput>;

export const CreateRecordBody = Type.Object({
  ...RecordInput.properties,
  /** Publishing a pipeline item that reached granted or rejected: links the record to it (once). */
  pipelineItemId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type CreateRecordBody = Static<typeof CreateRecordBody>;

export const UpdateRecordBody = Type.Object({ ...RecordInput.properties, revision: Type.Integer({ minimum: 1 }) });
export type UpdateRecordBody = Static<typeof UpdateRecordBody>;

// --- Reports of wrong records ---

export const FlagBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: L.flagReasonMax }),
  sourceUrl: Type.Optional(NullableUrl),
});
export type FlagBody = Static<typeof FlagBody>;

export const Flag = Type.Object({
  id: Type.String({ format: 'uuid' }),
  recordId: Type.String({ format: 'uuid' }),
  record: Type.Object({ schemeName: Type.String(), year: Type.Integer(), municipalityName: Type.String(), municipalityCode: Code }),
  reason: Type.String(),
  sourceUrl: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Person,
  organisationName: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
  resolution: Nullable(literalUnion(flagResolutions)),
  resolutionNote: Nullable(Type.String()),
});
export type Flag = Static<typeof Flag>;
export const FlagList = Type.Object({ items: Type.Array(Flag) });
export type FlagList = Static<typeof FlagList>;

export const ResolveFlagBody = Type.Object({
  resolution: literalUnion(flagResolutions),
  note: Type.Optional(Type.String({ maxLength: L.noteMax })),
});
export type ResolveFlagBody = Static<typeof ResolveFlagBody>;

// --- Publishing a pipeline item ---

export const PublishOffer = Type.Object({
  pipelineItemId: Type.String({ format: 'uuid' }),
  schemeId: Type.String(),
  schemeName: Type.String(),
  callTitle: Nullable(Type.String()),
  status: Type.Union([Type.Literal('granted'), Type.Literal('rejected')]),
  year: Type.Integer(),
});
export type PublishOffer = Static<typeof PublishOffer>;
export const PublishOffers = Type.Object({ items: Type.Array(PublishOffer), municipalityCode: Nullable(Code) });
export type PublishOffers = Static<typeof PublishOffers>;

// --- Imports ---

export const ImportProblem = Type.Object({
  field: ImportFieldSchema,
  code: literalUnion(importProblemCodes),
  message: Type.String({ description: "The problem in the request's language" }),
  /** For a municipality split in 2024 (1507 Ålesund): the 2024 numbers to choose from. */
  choices: Type.Optional(Type.Array(Type.Object({ code: Code, name: Type.String() }))),
});
export type ImportProblem = Static<typeof ImportProblem>;

export const ImportRow = Type.Object({
  row: Type.Integer({ description: "The row's line (CSV) or row number (XLSX) in the file" }),
  values: Type.Record(Type.String(), Type.String(), { description: 'The mapped values, with any fix applied' }),
  problems: Type.Array(ImportProblem),
  fixed: Type.Boolean(),
  skipped: Type.Boolean(),
});
export type ImportRow = Static<typeof ImportRow>;

/** One optional property per import field. */
const perField = <T extends TSchema>(schema: T) =>
  Type.Object(Object.fromEntries(importFields.map((f) => [f, Type.Optional(schema)])) as Record<ImportField, TOptional<T>>);

/** Which column (0-based) of the file holds each field; null or absent: not in the file. */
export const ImportMapping = perField(Nullable(Type.Integer({ minimum: 0, maximum: L.importColumnsMax - 1 })));
export type ImportMapping = Static<typeof ImportMapping>;

export const ImportSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  status: literalUnion(importStatuses),
  rowCount: Type.Integer(),
  recordCount: Nullable(Type.Integer({ description: 'Records created by the commit' })),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Person,
  committedAt: Nullable(Type.String({ format: 'date-time' })),
  undoneAt: Nullable(Type.String({ format: 'date-time' })),
});
export type ImportSummary = Static<typeof ImportSummary>;
export const ImportList = Type.Object({ items: Type.Array(ImportSummary), maxRows: Type.Integer() });
export type ImportList = Static<typeof ImportList>;

export const ImportDetail = Type.Object({
  ...ImportSummary.properties,
  encoding: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  headers: Type.Array(Type.String()),
  sample: Type.Array(Type.Array(Type.String()), { description: 'The first rows as read, for choosing the columns' }),
  mapping: ImportMapping,
  /** The dry run: every row checked; the invalid ones listed page by page. */
  dryRun: Type.Object({
    valid: Type.Integer(),
    invalid: Type.Integer(),
    skipped: Type.Integer(),
    invalidRows: Type.Array(ImportRow),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  }),
});
export type ImportDetail = Static<typeof ImportDetail>;

export const ImportDetailQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) });

export const UploadQuery = Type.Object({ name: Type.String({ minLength: 1, maxLength: L.importFileNameMax }) });

export const MappingBody = Type.Object({ mapping: ImportMapping });
export type MappingBody = Static<typeof MappingBody>;

export const RowFixBody = Type.Object({
  values: perField(Type.String({ maxLength: L.importCellMax })),
  skip: Type.Optional(Type.Boolean()),
});
export type RowFixBody = Static<typeof RowFixBody>;

export const CommitResult = Type.Object({ recordCount: Type.Integer() });

export const UndoPreview = Type.Object({
  unchanged: Type.Integer({ description: 'Records of the import nobody changed: undo removes them' }),
  changed: Type.Array(
    Type.Object({ id: Type.String({ format: 'uuid' }), revision: Type.Integer(), summary: Type.String(), updatedAt: Type.String({ format: 'date-time' }) }),
    { description: 'Records changed since the import: keep or remove each' },
  ),
});
export type UndoPreview = Static<typeof UndoPreview>;

export const UndoBody = Type.Object({
  remove: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), revision: Type.Integer({ minimum: 1 }) }), {
    maxItems: L.importRowsMax,
    description: 'Changed records to remove too, at the revision the caller saw',
  }),
});
export type UndoBody = Static<typeof UndoBody>;

export const UndoResult = Type.Object({ removed: Type.Integer(), kept: Type.Integer() });
