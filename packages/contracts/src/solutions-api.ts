/**
 * The solution library (issue 16): what one municipality solved, published for the next one to find,
 * ask about and adopt. Every text field of a solution may be null: "not described yet" (shown as
 * such, never guessed). Published versions are public; drafts are private to the owners' members.
 *
 * Routes (all under /api):
 *   GET    /solutions                                    list of published (and withdrawn) solutions: SolutionListQuery → SolutionList
 *   POST   /solutions                                    a member starts a draft for their organisation: CreateSolutionBody → SolutionCreated
 *   GET    /solutions/export.json                        machine-readable export: SolutionExport
 *   GET    /solutions/export.csv                         the same as CSV (columns: solutionCsvColumns)
 *   GET    /solutions/:id                                the solution page: SolutionView (drafts only for owners' members)
 *   GET    /solutions/:id/draft                          owners' members: SolutionDraft
 *   PUT    /solutions/:id/draft                          owners' members: SolutionDraftBody → SolutionDraft
 *   DELETE /solutions/:id/draft                          owners' members: discard the unpublished changes (204)
 *   POST   /solutions/:id/publish                        an owner organisation's administrator: PublishBody → SolutionView
 *   POST   /solutions/:id/withdraw                       an owner organisation's administrator withdraws that organisation's name: WithdrawBody → SolutionView
 *   PUT    /solutions/:id/contact-consent                the contact person: ContactConsentBody → SolutionView
 *   GET    /solutions/:id/versions/:version              a published version (public): SolutionVersion
 *   GET    /solutions/:id/spread                         owners and adopters for the map, per year: SolutionSpread
 *   POST   /solutions/:id/documents?name=&title=         owners' members, raw body (any content type, ≤ 10 MB): SolutionDocument
 *   GET    /solutions/:id/documents/:documentId          the file (Content-Disposition attachment unless image/PDF, nosniff)
 *   DELETE /solutions/:id/documents/:documentId          owners' members (204)
 *   PUT    /solutions/:id/adoptions/:organisationId      a member of that municipality: AdoptionBody → Adoption
 *   DELETE /solutions/:id/adoptions/:organisationId      a member of that municipality (204)
 *   POST   /solutions/:id/reports                        anyone signed in: ReportBody (204)
 *   POST   /solutions/:id/visibility                     platform administrators hide/restore (audited): VisibilityBody → SolutionView
 *   GET    /solution-reports                             platform administrators: SolutionReportList (?open=true)
 *   POST   /solution-reports/:reportId/resolve           platform administrators: ResolveReportBody (204)
 *   POST   /solutions/:id/questions                      a member asks the contact: AskBody → QuestionThread
 *   GET    /organisations/:organisationId/solutions      that organisation's members: its solutions incl. drafts (SolutionList)
 *   GET    /organisations/:organisationId/questions      that organisation's members: its threads (QuestionThreadList)
 *   GET    /solution-questions/unread                    signed in: QuestionUnread (messages from the other side not read yet)
 *   GET    /solution-questions/:threadId                 members of the two organisations: QuestionThread (opening it marks it read)
 *   POST   /solution-questions/:threadId/messages        members of the two organisations: MessageBody → QuestionThread
 *   GET    /municipalities/:code/solutions               public: MunicipalitySolutions ("solutions we share" / "we use")
 */
import { Type, type Static } from 'typebox';
import { exampleFilters } from './participation-vocabulary';
import {
  adoptionStates,
  documentMimeTypes,
  questionSides,
  reuseKinds,
  solutionLimits as L,
  solutionMaturities,
  solutionReportResolutions,
  solutionSorts,
  solutionStatuses,
} from './solutions-vocabulary';
import { literalUnion, Nullable } from './typebox-helpers';
import { languages, schemeThemes } from './vocabulary';

export const SolutionMaturitySchema = literalUnion(solutionMaturities);
export const SolutionStatusSchema = literalUnion(solutionStatuses);
export const ReuseKindSchema = literalUnion(reuseKinds);
export const AdoptionStateSchema = literalUnion(adoptionStates);
export const SolutionThemeSchema = literalUnion(schemeThemes);

const Id = Type.String({ format: 'uuid' });
const Code = Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunenummer (2024), 4 digits' });
const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });
/** Text or null as one schema (not a union), so a text that is too long is reported as `too_long`. */
const NullableText = (maxLength: number, extra: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], minLength: 1, maxLength, ...extra });
const NullableInt = (minimum: number, maximum: number) => Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum, maximum });
const HttpUrl = Type.String({ minLength: 1, maxLength: L.urlMax, pattern: '^[hH][tT][tT][pP][sS]?://', description: 'An absolute http(s) address' });
const Person = Type.Object({ name: Nullable(Type.String({ description: 'Shown to signed-in users only; null otherwise' })) });

// --- Shared parts ---

/** An owner organisation. `withdrawnAt` set: it withdrew its name (still listed in the history, not as an owner). */
export const SolutionOwner = Type.Object({
  organisationId: Id,
  name: Type.String(),
  municipalityCode: Nullable(Code),
  countyCode: Nullable(Type.String({ pattern: '^[0-9]{2}$' })),
  withdrawnAt: Nullable(DateTime),
});
export type SolutionOwner = Static<typeof SolutionOwner>;

export const SolutionLink = Type.Object({ label: Type.String({ minLength: 1, maxLength: L.linkLabelMax }), url: HttpUrl });
export type SolutionLink = Static<typeof SolutionLink>;

/** The funding behind it: a catalogue scheme and, where known, the participation record. */
export const SolutionFunding = Type.Object({
  schemeId: Nullable(Type.String({ description: 'Catalogue id (page /ordninger/{id})' })),
  schemeName: Nullable(Type.String({ description: "The catalogue's name in the request's language, else as recorded" })),
  callId: Nullable(Type.String({ description: 'A call of the scheme (page /ordninger/{schemeId})' })),
  participationRecordId: Nullable(Id),
  amountNok: Nullable(Type.Integer()),
});
export type SolutionFunding = Static<typeof SolutionFunding>;

/**
 * The described content of one version. Each nullable field null = "not described yet". `language`
 * is the language the texts are written in (nb, nn or en), so a search index can stem them right.
 */
export const SolutionContent = Type.Object({
  language: literalUnion(languages),
  title: Type.String(),
  summary: Nullable(Type.String()),
  problem: Nullable(Type.String()),
  whatWasDone: Nullable(Type.String()),
  results: Nullable(Type.String({ description: 'Results and effects, with figures where known' })),
  costs: Type.Object({
    oneOffNok: Nullable(Type.Integer()),
    yearlyNok: Nullable(Type.Integer()),
    note: Nullable(Type.String()),
  }),
  maturity: Nullable(SolutionMaturitySchema),
  themes: Type.Array(SolutionThemeSchema),
  year: Nullable(Type.Integer({ description: 'The year it was started or introduced' })),
  partners: Type.Array(Type.String(), { description: 'Other partners by name (not owners)' }),
  links: Type.Array(SolutionLink),
  reuse: Type.Object({ kind: Nullable(ReuseKindSchema), terms: Nullable(Type.String()) }),
  funding: SolutionFunding,
  source: Type.Object(
    {
      url: Nullable(Type.String()),
      quote: Nullable(Type.String({ description: 'A short quote from the source, shown attributed to it' })),
    },
    { description: 'For solutions seeded from a public source: where the facts come from' },
  ),
});
export type SolutionContent = Static<typeof SolutionContent>;

/** The contact: a member of an owner organisation. Name and role are public only with their consent. */
export const SolutionContact = Type.Object({
  /** Null unless the contact consented (the owners' members see it always). */
  name: Nullable(Type.String()),
  role: Nullable(Type.String()),
  organisationId: Id,
  organisationName: Type.String(),
  public: Type.Boolean({ description: 'The contact consented to showing name and role' }),
  /** The contact left the organisation: questions go to its administrators. */
  fallbackToAdmins: Type.Boolean(),
  /** The caller is the contact (may change the consent). */
  isViewer: Type.Boolean(),
});
export type SolutionContact = Static<typeof SolutionContact>;

export const SolutionDocument = Type.Object({
  id: Id,
  fileName: Type.String({ description: 'Safe name (path separators stripped)' }),
  title: Nullable(Type.String()),
  mimeType: literalUnion(documentMimeTypes),
  bytes: Type.Integer(),
  inline: Type.Boolean({ description: 'Image or PDF: opened in the browser; others download' }),
  url: Type.String({ description: '/api/solutions/{id}/documents/{documentId}' }),
  organisationId: Id,
  uploadedAt: DateTime,
});
export type SolutionDocument = Static<typeof SolutionDocument>;

export const Adoption = Type.Object({
  organisationId: Id,
  municipalityCode: Code,
  municipalityName: Type.String(),
  countyCode: Type.String(),
  centralityClass: Type.Integer({ minimum: 1, maximum: 6 }),
  state: AdoptionStateSchema,
  date: Day,
  startedOn: Nullable(Type.String({ format: 'date', description: 'When it first used or tested it' })),
  note: Nullable(Type.String()),
  isExample: Type.Boolean(),
  updatedAt: DateTime,
});
export type Adoption = Static<typeof Adoption>;

/** Figures over adopters that use or test it now (stopped ones not counted). */
export const SolutionFigures = Type.Object({
  adopters: Type.Integer(),
  using: Type.Integer(),
  testing: Type.Integer(),
  stopped: Type.Integer(),
  countiesReached: Type.Integer({ description: 'Counties of owners and current adopters' }),
  /** Share (0–1) of current adopters in centrality classes 5–6; null with no adopters. */
  shareLeastCentral: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
});
export type SolutionFigures = Static<typeof SolutionFigures>;

export const SolutionVersionSummary = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  publishedAt: DateTime,
  publishedBy: Person,
  note: Nullable(Type.String()),
});
export type SolutionVersionSummary = Static<typeof SolutionVersionSummary>;

/** What the caller may do. */
export const SolutionCan = Type.Object({
  editDraft: Type.Boolean(),
  publish: Type.Boolean(),
  /** Organisations whose name the caller may withdraw (owner organisations the caller administers). */
  withdrawFor: Type.Array(Id),
  uploadDocument: Type.Boolean(),
  /** Municipality organisations the caller may record an adoption for. */
  adoptFor: Type.Array(Id),
  /** Organisations the caller may ask from (members of, not an owner). */
  askFrom: Type.Array(Id),
  report: Type.Boolean(),
  hide: Type.Boolean(),
});
export type SolutionCan = Static<typeof SolutionCan>;

// --- The solution page ---

export const SolutionView = Type.Object({
  id: Id,
  status: SolutionStatusSchema,
  /** Hidden by a platform administrator: only administrators and the owners' members see it, with a notice. */
  hidden: Type.Boolean(),
  hiddenReason: Nullable(Type.String({ description: 'Only to platform administrators and owners' })),
  isExample: Type.Boolean(),
  /** The version shown: the newest published one; null for a solution never published (then `content` is the draft). */
  version: Nullable(Type.Integer()),
  content: SolutionContent,
  firstPublishedAt: Nullable(DateTime),
  publishedAt: Nullable(DateTime),
  withdrawnAt: Nullable(DateTime),
  createdAt: DateTime,
  owners: Type.Array(SolutionOwner, { description: 'Owners, current first; those that withdrew keep withdrawnAt' }),
  contact: Nullable(SolutionContact),
  documents: Type.Array(SolutionDocument),
  adoptions: Type.Array(Adoption),
  figures: SolutionFigures,
  versions: Type.Array(SolutionVersionSummary, { description: 'Published versions, newest first' }),
  /** Owners' members only: an unpublished draft exists (changed since the last publication). */
  hasDraft: Type.Boolean(),
  draftUpdatedAt: Nullable(DateTime),
  openReports: Nullable(Type.Integer({ description: 'Platform administrators only' })),
  can: SolutionCan,
});
export type SolutionView = Static<typeof SolutionView>;

export const SolutionVersion = Type.Object({
  id: Id,
  version: Type.Integer(),
  content: SolutionContent,
  publishedAt: DateTime,
  publishedBy: Person,
  note: Nullable(Type.String()),
});
export type SolutionVersion = Static<typeof SolutionVersion>;

export const SolutionVersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1, maximum: 100_000 }) });

// --- Drafts ---

/** What owners' members write. Every field but title and language may be null: "not described yet". */
export const SolutionDraftBody = Type.Object({
  language: literalUnion(languages),
  title: Type.String({ minLength: 1, maxLength: L.titleMax }),
  summary: Type.Optional(NullableText(L.summaryMax)),
  problem: Type.Optional(NullableText(L.longTextMax)),
  whatWasDone: Type.Optional(NullableText(L.longTextMax)),
  results: Type.Optional(NullableText(L.longTextMax)),
  costOneOffNok: Type.Optional(NullableInt(0, L.amountMax)),
  costYearlyNok: Type.Optional(NullableInt(0, L.amountMax)),
  costNote: Type.Optional(NullableText(L.costNoteMax)),
  maturity: Type.Optional(Nullable(SolutionMaturitySchema)),
  themes: Type.Optional(Type.Array(SolutionThemeSchema, { maxItems: L.themesMax, uniqueItems: true })),
  year: Type.Optional(NullableInt(L.yearMin, 2100)),
  partners: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: L.partnerNameMax }), { maxItems: L.partnersMax })),
  links: Type.Optional(Type.Array(SolutionLink, { maxItems: L.linksMax })),
  reuseKind: Type.Optional(Nullable(ReuseKindSchema)),
  reuseTerms: Type.Optional(NullableText(L.reuseTermsMax)),
  schemeId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 80, pattern: '^[a-z0-9-]+$' })),
  callId: Type.Optional(
    Type.Unsafe<string | null>({
      type: ['string', 'null'],
      maxLength: 120,
      pattern: '^[a-z0-9-]+$',
      description: 'A call of `schemeId` (past, open or announced), as in the scheme’s `calls`; another is refused with 400 `unknown_call`',
    }),
  ),
  participationRecordId: Type.Optional(
    Type.Unsafe<string | null>({
      type: ['string', 'null'],
      format: 'uuid',
      description: 'A participation record of one of the owner municipalities (not an example record); another is refused with 400 `unknown_record`',
    }),
  ),
  fundingAmountNok: Type.Optional(NullableInt(0, L.amountMax)),
  /** Owner organisations to add (the drafting one stays an owner; none is removed here: an owner withdraws its own name). Their administrators are mailed on publication. */
  coOwnerIds: Type.Optional(Type.Array(Id, { maxItems: L.ownersMax, uniqueItems: true })),
  /** A member of an owner organisation; null: the organisation's administrators answer. */
  contactUserId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid' })),
  contactRole: Type.Optional(NullableText(L.contactRoleMax)),
  /** Counts only when the caller is the contact: their consent to show name and role publicly. */
  contactPublic: Type.Optional(Type.Boolean()),
  /** The draft revision the caller edited (optimistic concurrency); omitted on creation. */
  revision: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type SolutionDraftBody = Static<typeof SolutionDraftBody>;

export const CreateSolutionBody = Type.Object({
  ...SolutionDraftBody.properties,
  /** The organisation the caller drafts for (a member of it); it becomes the first owner. */
  organisationId: Id,
});
export type CreateSolutionBody = Static<typeof CreateSolutionBody>;

export const SolutionCreated = Type.Object({ id: Id });
export type SolutionCreated = Static<typeof SolutionCreated>;

/** A draft as owners' members edit it (the body's fields, resolved). */
export const SolutionDraft = Type.Object({
  id: Id,
  revision: Type.Integer(),
  content: SolutionContent,
  coOwnerIds: Type.Array(Id),
  contactUserId: Nullable(Id),
  contactRole: Nullable(Type.String()),
  contactPublic: Type.Boolean(),
  /** Members of the owner organisations, to choose the contact from. */
  contactChoices: Type.Array(Type.Object({ userId: Id, name: Type.String(), organisationName: Type.String() })),
  updatedAt: DateTime,
  updatedBy: Person,
  /** The draft differs from the published version (or nothing is published yet). */
  unpublishedChanges: Type.Boolean(),
});
export type SolutionDraft = Static<typeof SolutionDraft>;

export const PublishBody = Type.Object({
  /** The draft revision the administrator saw. */
  revision: Type.Integer({ minimum: 1 }),
  /** What is new in this version (shown in the version history as `note`). */
  versionNote: Type.Optional(NullableText(L.versionNoteMax)),
});
export type PublishBody = Static<typeof PublishBody>;

export const WithdrawBody = Type.Object({ organisationId: Id });
export type WithdrawBody = Static<typeof WithdrawBody>;

export const ContactConsentBody = Type.Object({ public: Type.Boolean(), role: Type.Optional(NullableText(L.contactRoleMax)) });
export type ContactConsentBody = Static<typeof ContactConsentBody>;

// --- Lists ---

export const SolutionListQuery = Type.Object({
  theme: Type.Optional(SolutionThemeSchema),
  maturity: Type.Optional(SolutionMaturitySchema),
  county: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Owner or adopter in this county' })),
  /** Include withdrawn solutions (default: yes; they keep their page). */
  status: Type.Optional(Type.Union([Type.Literal('published'), Type.Literal('withdrawn')])),
  example: Type.Optional(literalUnion(exampleFilters)),
  sort: Type.Optional(literalUnion(solutionSorts)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
export type SolutionListQuery = Static<typeof SolutionListQuery>;

export const SolutionSummary = Type.Object({
  id: Id,
  status: SolutionStatusSchema,
  hidden: Type.Boolean(),
  isExample: Type.Boolean(),
  title: Type.String(),
  summary: Nullable(Type.String()),
  language: literalUnion(languages),
  maturity: Nullable(SolutionMaturitySchema),
  themes: Type.Array(SolutionThemeSchema),
  year: Nullable(Type.Integer()),
  owners: Type.Array(SolutionOwner, { description: 'Current owners' }),
  adopters: Type.Integer({ description: 'Using or testing now' }),
  countiesReached: Type.Integer(),
  publishedAt: Nullable(DateTime),
  /** Drafts (in an organisation's own list): the draft exists and is not published. */
  hasDraft: Type.Boolean(),
});
export type SolutionSummary = Static<typeof SolutionSummary>;

export const SolutionList = Type.Object({
  items: Type.Array(SolutionSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Example solutions are part of this answer (EXAMPLE_DATA=on and not filtered out): say so visibly. */
  includesExamples: Type.Boolean(),
  exampleDataOn: Type.Boolean(),
});
export type SolutionList = Static<typeof SolutionList>;

export const MunicipalitySolutions = Type.Object({
  /** Published solutions whose current owners include this municipality's organisation. */
  shared: Type.Array(SolutionSummary),
  /** Solutions this municipality uses, tests or stopped using. */
  used: Type.Array(Type.Object({ solution: SolutionSummary, state: AdoptionStateSchema, date: Day })),
  includesExamples: Type.Boolean(),
  exampleDataOn: Type.Boolean(),
});
export type MunicipalitySolutions = Static<typeof MunicipalitySolutions>;

// --- Spread ---

export const SpreadPlace = Type.Object({
  municipalityCode: Code,
  municipalityName: Type.String(),
  countyCode: Type.String(),
  centralityClass: Type.Integer(),
  kind: Type.Union([Type.Literal('owner'), AdoptionStateSchema]),
  /** The first year it is on the map (owner: the solution's year or first publication; adopter: startedOn or date). */
  fromYear: Type.Integer(),
  /** Last year an adopter counts (the year it stopped); null while it goes on. */
  untilYear: Nullable(Type.Integer()),
});
export type SpreadPlace = Static<typeof SpreadPlace>;

export const SpreadYear = Type.Object({
  year: Type.Integer(),
  /** Municipality codes of adopters using or testing in that year. */
  adopterCodes: Type.Array(Code),
  adopters: Type.Integer(),
  countiesReached: Type.Integer({ description: 'Counties of owners and that year’s adopters' }),
  shareLeastCentral: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
});
export type SpreadYear = Static<typeof SpreadYear>;

export const SolutionSpread = Type.Object({
  id: Id,
  places: Type.Array(SpreadPlace),
  years: Type.Array(SpreadYear, { description: 'From the first year with an owner or adopter to this year' }),
  figures: SolutionFigures,
});
export type SolutionSpread = Static<typeof SolutionSpread>;

// --- Documents ---

export const DocumentUploadQuery = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 1000, description: 'The file name (path separators are stripped)' }),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: L.documentTitleMax })),
  /** The owner organisation whose storage it counts against (default: the caller's first owner organisation). */
  organisationId: Type.Optional(Id),
});
export type DocumentUploadQuery = Static<typeof DocumentUploadQuery>;

// --- Adoption ---

export const AdoptionBody = Type.Object({
  state: AdoptionStateSchema,
  date: Day,
  /** The municipality's note on its use (shown on the adoption as `note`). */
  adoptionNote: Type.Optional(NullableText(L.adoptionNoteMax)),
});
export type AdoptionBody = Static<typeof AdoptionBody>;

// --- Reports and hiding ---

export const ReportBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: L.reportReasonMax }) });
export type ReportBody = Static<typeof ReportBody>;

export const VisibilityBody = Type.Object({ hidden: Type.Boolean(), reason: Type.Optional(NullableText(L.hideReasonMax)) });
export type VisibilityBody = Static<typeof VisibilityBody>;

export const SolutionReport = Type.Object({
  id: Id,
  solutionId: Id,
  solutionTitle: Type.String(),
  solutionHidden: Type.Boolean(),
  reason: Type.String(),
  createdAt: DateTime,
  createdBy: Person,
  resolvedAt: Nullable(DateTime),
  resolution: Nullable(literalUnion(solutionReportResolutions)),
});
export type SolutionReport = Static<typeof SolutionReport>;
export const SolutionReportList = Type.Object({ items: Type.Array(SolutionReport) });
export type SolutionReportList = Static<typeof SolutionReportList>;
export const SolutionReportQuery = Type.Object({ open: Type.Optional(Type.Boolean()) });

export const ResolveReportBody = Type.Object({ resolution: literalUnion(solutionReportResolutions) });
export type ResolveReportBody = Static<typeof ResolveReportBody>;

// --- Questions ---

export const AskBody = Type.Object({
  /** The organisation the caller asks from (a member of it, not an owner). */
  organisationId: Id,
  subject: Type.String({ minLength: 1, maxLength: L.questionSubjectMax }),
  body: Type.String({ minLength: 1, maxLength: L.messageMax }),
});
export type AskBody = Static<typeof AskBody>;

export const MessageBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: L.messageMax }) });
export type MessageBody = Static<typeof MessageBody>;

export const QuestionMessage = Type.Object({
  id: Id,
  side: literalUnion(questionSides),
  author: Type.Object({ name: Nullable(Type.String()), organisationName: Type.String() }),
  body: Type.String(),
  createdAt: DateTime,
  mine: Type.Boolean(),
});
export type QuestionMessage = Static<typeof QuestionMessage>;

export const QuestionThreadSummary = Type.Object({
  id: Id,
  solutionId: Id,
  solutionTitle: Type.String(),
  subject: Type.String(),
  askingOrganisation: Type.Object({ id: Id, name: Type.String() }),
  ownerOrganisation: Type.Object({ id: Id, name: Type.String() }),
  messages: Type.Integer(),
  /** Messages from the other side the caller has not opened the thread since (the in-app notice). */
  unread: Type.Integer(),
  lastMessageAt: DateTime,
  createdAt: DateTime,
});
export type QuestionThreadSummary = Static<typeof QuestionThreadSummary>;

export const QuestionThread = Type.Object({
  ...QuestionThreadSummary.properties,
  /** The caller's side in this thread. */
  side: literalUnion(questionSides),
  items: Type.Array(QuestionMessage),
});
export type QuestionThread = Static<typeof QuestionThread>;

export const QuestionThreadList = Type.Object({ items: Type.Array(QuestionThreadSummary) });
export type QuestionThreadList = Static<typeof QuestionThreadList>;

/** Unread question messages in threads of the caller's organisations (for the header). */
export const QuestionUnread = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type QuestionUnread = Static<typeof QuestionUnread>;

// --- Machine-readable export (inspired by publiccode.yml) ---

/**
 * One published solution as open data. Field names follow publiccode.yml where one fits (`name`,
 * `releaseDate`, `developmentStatus`, `categories`, `usedBy`, `legal`, `maintenance.contacts`,
 * `description.<lang>.shortDescription|longDescription`); Varde's own fields otherwise. Null means
 * "not described yet".
 */
export const SolutionExportRecord = Type.Object({
  id: Id,
  url: Type.String({ description: 'The solution page' }),
  name: Type.String(),
  status: Type.Union([Type.Literal('published'), Type.Literal('withdrawn')]),
  version: Type.Integer(),
  releaseDate: Nullable(Type.String({ format: 'date', description: 'First publication' })),
  dateModified: Nullable(Type.String({ format: 'date', description: 'Newest publication' })),
  developmentStatus: Nullable(SolutionMaturitySchema),
  categories: Type.Array(SolutionThemeSchema),
  year: Nullable(Type.Integer()),
  description: Type.Record(
    Type.String(),
    Type.Object({
      shortDescription: Nullable(Type.String()),
      longDescription: Nullable(Type.String({ description: 'What was done' })),
      problem: Nullable(Type.String()),
      results: Nullable(Type.String()),
    }),
    { description: 'Keyed by the text language (nb, nn, en)' },
  ),
  owners: Type.Array(Type.Object({ name: Type.String(), municipalityCode: Nullable(Code) })),
  partners: Type.Array(Type.String()),
  usedBy: Type.Array(
    Type.Object({ name: Type.String(), municipalityCode: Code, state: AdoptionStateSchema, since: Nullable(Type.String({ format: 'date' })) }),
    { description: 'Municipalities that use, test or stopped using it' },
  ),
  legal: Type.Object({ reuse: Nullable(ReuseKindSchema), terms: Nullable(Type.String()) }),
  maintenance: Type.Object({
    contacts: Type.Array(Type.Object({ name: Type.String(), role: Nullable(Type.String()), organisation: Type.String() }), {
      description: 'Only contacts who consented',
    }),
  }),
  costs: Type.Object({ oneOffNok: Nullable(Type.Integer()), yearlyNok: Nullable(Type.Integer()) }),
  funding: Type.Object({ schemeId: Nullable(Type.String()), amountNok: Nullable(Type.Integer()) }),
  links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
  documents: Type.Array(Type.Object({ fileName: Type.String(), mimeType: Type.String(), bytes: Type.Integer(), url: Type.String() })),
  figures: SolutionFigures,
  source: Type.Object(
    { url: Nullable(Type.String()) },
    { description: 'For solutions seeded from a public source: its address (the quote is shown in the app only, attributed to its source)' },
  ),
  isExample: Type.Boolean(),
});
export type SolutionExportRecord = Static<typeof SolutionExportRecord>;

export const SolutionExport = Type.Object({
  generatedAt: DateTime,
  licence: Type.String(),
  fields: Type.Record(Type.String(), Type.String(), { description: 'What each field of a record means' }),
  items: Type.Array(SolutionExportRecord),
});
export type SolutionExport = Static<typeof SolutionExport>;

export const SolutionExportQuery = Type.Object({ example: Type.Optional(literalUnion(exampleFilters)) });

/** Columns of the CSV export, in order (lists joined with "; "). */
export const solutionCsvColumns = [
  'id',
  'url',
  'name',
  'status',
  'version',
  'language',
  'development_status',
  'categories',
  'year',
  'owners',
  'owner_municipality_codes',
  'used_by_count',
  'used_by_municipality_codes',
  'counties_reached',
  'share_least_central',
  'cost_one_off_nok',
  'cost_yearly_nok',
  'reuse',
  'scheme_id',
  'funding_amount_nok',
  'source_url',
  'release_date',
  'date_modified',
  'is_example',
] as const;
