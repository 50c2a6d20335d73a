/**
 * The solution library's closed lists and limits, without the schema library (the browser imports
 * this file, as it does `vocabulary.ts`).
 */

/** How far a solution has come: an idea, a pilot, in operation, or spread to other municipalities. */
export const solutionMaturities = ['idea', 'pilot', 'in_operation', 'spread'] as const;
export type SolutionMaturity = (typeof solutionMaturities)[number];

/** A solution's state: a draft nobody published yet, published, or withdrawn by every owner. */
export const solutionStatuses = ['draft', 'published', 'withdrawn'] as const;
export type SolutionStatus = (typeof solutionStatuses)[number];

/** On what terms another municipality may reuse it (pay-to-adopt as in DigiFin). */
export const reuseKinds = ['open_licence', 'shared_procurement', 'pay_to_adopt', 'free_to_copy', 'other'] as const;
export type ReuseKind = (typeof reuseKinds)[number];

/** Where an adopting municipality stands with a solution. */
export const adoptionStates = ['uses', 'testing', 'stopped'] as const;
export type AdoptionState = (typeof adoptionStates)[number];

/** Order of the library list. */
export const solutionSorts = ['newest', 'title', 'adopters'] as const;
export type SolutionSort = (typeof solutionSorts)[number];

/** Whose side of a question thread a message comes from. */
export const questionSides = ['asker', 'owner'] as const;
export type QuestionSide = (typeof questionSides)[number];

/** What a report of inappropriate content ended as. */
export const solutionReportResolutions = ['hidden', 'dismissed'] as const;
export type SolutionReportResolution = (typeof solutionReportResolutions)[number];

/**
 * Document types accepted, each recognised by its content (magic bytes), never by the name or the
 * browser's claim. Images and PDF are shown inline; every other type is served as an attachment.
 */
export const documentMimeTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'text/plain',
  'text/csv',
] as const;
export type DocumentMimeType = (typeof documentMimeTypes)[number];
export const inlineDocumentTypes: readonly DocumentMimeType[] = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'];

/** The centrality classes (SSB 1–6) counted as the least central: the figure "share of adopters in classes 5–6". */
export const leastCentralClasses = [5, 6] as const;

export const solutionLimits = {
  titleMax: 200,
  summaryMax: 1000,
  /** The problem, what was done, results: each. */
  longTextMax: 10_000,
  costNoteMax: 1000,
  amountMax: 10_000_000_000,
  themesMax: 5,
  /** Other owner organisations (besides the one that drafted it). */
  ownersMax: 10,
  partnersMax: 20,
  partnerNameMax: 160,
  linksMax: 20,
  linkLabelMax: 200,
  urlMax: 2000,
  reuseTermsMax: 2000,
  contactRoleMax: 120,
  versionNoteMax: 500,
  yearMin: 1990,
  /** Solutions one user may create in one day. */
  solutionsPerUserPerDay: 20,
  /** One document, in bytes. */
  documentBytes: 10 * 1024 * 1024,
  /** All documents uploaded for one organisation, in bytes. */
  organisationDocumentBytes: 200 * 1024 * 1024,
  documentsPerSolution: 30,
  fileNameMax: 200,
  documentTitleMax: 200,
  adoptionNoteMax: 1000,
  questionSubjectMax: 200,
  messageMax: 4000,
  /** Question messages one user may send in one day. */
  messagesPerUserPerDay: 50,
  /** Messages in one thread. */
  messagesPerThread: 500,
  reportReasonMax: 2000,
  /** Open reports of inappropriate content per user. */
  openReportsPerUser: 10,
  hideReasonMax: 1000,
  pageSize: 50,
} as const;

/**
 * A file name safe to store and to send in Content-Disposition: path separators and control
 * characters removed, leading dots stripped, at most `fileNameMax` characters; never empty.
 */
export function safeFileName(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split(/[/\\]/)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('_')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  const bounded = [...base].slice(0, solutionLimits.fileNameMax).join('');
  return bounded === '' ? 'document' : bounded;
}

/** The web pages the server links to (mail, export): the library, a solution, a question thread. */
export const solutionPaths = {
  list: '/losninger',
  solution: (id: string) => `/losninger/${id}`,
  thread: (id: string) => `/losninger/sporsmal/${id}`,
} as const;
