/**
 * The participation records' closed lists and limits, without the schema library (the browser
 * imports this file, as it does `vocabulary.ts`).
 */

/** The part a municipality played: in a project, as a recipient, a pilot, or in a prize. */
export const participationRoles = ['lead', 'partner', 'recipient', 'pilot', 'winner', 'finalist', 'nominee'] as const;
export type ParticipationRole = (typeof participationRoles)[number];

/** Where the application or nomination ended. */
export const participationStatuses = ['applied', 'selected', 'granted', 'rejected', 'completed'] as const;
export type ParticipationStatus = (typeof participationStatuses)[number];

/** A municipality "takes part" when a record is selected, granted or completed; applied and rejected records are shown, not counted. */
export const countedStatuses: readonly ParticipationStatus[] = ['selected', 'granted', 'completed'];

/** Where a record comes from: a source list (imported), the municipality itself, or checked by an adviser or administrator. */
export const provenances = ['imported', 'self_reported', 'verified'] as const;
export type Provenance = (typeof provenances)[number];

/** The columns an import file can be mapped to. */
export const importFields = [
  'municipality',
  'municipalityName',
  'scheme',
  'year',
  'decidedOn',
  'round',
  'role',
  'status',
  'amountNok',
  'projectTitle',
  'otherParticipants',
  'sourceUrl',
  'sourceDocument',
  'evidence',
] as const;
export type ImportField = (typeof importFields)[number];
export const requiredImportFields: readonly ImportField[] = ['municipality', 'scheme', 'role', 'status'];

export const importStatuses = ['draft', 'committed', 'undone'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** Why an import row cannot be saved (each is translated with `importProblem.<code>`). */
export const importProblemCodes = [
  'required',
  'unknown_municipality',
  'pre_2020_number',
  'split_municipality',
  'outside_region',
  'unknown_scheme',
  'bad_year',
  'bad_date',
  'year_mismatch',
  'bad_role',
  'bad_status',
  'bad_amount',
  'bad_url',
  'too_long',
  'duplicate_in_file',
  'duplicate_existing',
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];

export const flagResolutions = ['corrected', 'dismissed'] as const;
export type FlagResolution = (typeof flagResolutions)[number];

/** `example=exclude` leaves example records out of a list (they are shown only when the server has EXAMPLE_DATA=on). */
export const exampleFilters = ['include', 'exclude'] as const;
export type ExampleFilter = (typeof exampleFilters)[number];

export const participationLimits = {
  /** Earliest decision year a record may have. */
  yearMin: 2000,
  schemeNameMax: 200,
  roundMax: 120,
  projectTitleMax: 300,
  otherParticipantsMax: 50,
  participantNameMax: 120,
  urlMax: 2000,
  sourceDocumentMax: 300,
  evidenceMax: 2000,
  noteMax: 1000,
  amountMax: 10_000_000_000,
  /** Records one user may create by hand in one day (imports are counted by their own limit). */
  recordsPerUserPerDay: 200,
  /** An import file's size in bytes. */
  importFileBytes: 20 * 1024 * 1024,
  /** Rows of one import on PostgreSQL; the embedded database has its own, lower cap (IMPORT_MAX_ROWS_EMBEDDED). */
  importRowsMax: 100_000,
  importRowsEmbedded: 10_000,
  importColumnsMax: 60,
  importCellMax: 4000,
  importFileNameMax: 200,
  /** Imports one user may start in one day. */
  importsPerUserPerDay: 50,
  /** Open reports of wrong records per user. */
  openFlagsPerUser: 10,
  flagReasonMax: 2000,
  pageSize: 50,
  invalidRowsPageSize: 50,
} as const;

/** Names and ids, compared without case, spacing or the kind of dash. */
export const normaliseName = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The name used at the time, when it is not one of the municipality's current names: a predecessor
 * merged into it (several predecessors can share one project, and the source lists each).
 */
export function predecessorName(nameAtTime: string | null, currentNames: readonly string[]): string | null {
  if (!nameAtTime) return null;
  const name = normaliseName(nameAtTime);
  return currentNames.some((n) => normaliseName(n) === name) ? null : nameAtTime;
}

/**
 * The same participation, whoever recorded it: municipality (2024), scheme, year, round, project and,
 * for a merged predecessor, its name (`predecessorName`). Example records have keys of their own, so
 * they never collide with real ones.
 */
export function dedupeKey(
  record: { municipalityCode: string; schemeKey: string; year: number; round: string | null; projectTitle: string | null; predecessor: string | null },
  isExample = false,
) {
  return [
    isExample ? 'example' : 'real',
    record.municipalityCode,
    record.schemeKey,
    record.year,
    normaliseName(record.round ?? ''),
    normaliseName(record.projectTitle ?? ''),
    normaliseName(record.predecessor ?? ''),
  ].join('|');
}
