import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AdoptionState, QuestionSide, SolutionMaturity, SolutionReportResolution, SolutionStatus } from '@varde/contracts/solutions-vocabulary';
import type { Language } from '@varde/contracts/vocabulary';
import { municipalities } from './municipalities';
import { organisations } from './organisations';
import { users } from './users';

/** Binary content (documents are stored in the database: ADR 013). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * What one version of a solution describes (the draft and each published version). Null fields are
 * "not described yet". Stored as jsonb; the texts a search indexes are also columns on `solutions`.
 */
export interface SolutionContentData {
  language: Language;
  title: string;
  summary: string | null;
  problem: string | null;
  whatWasDone: string | null;
  results: string | null;
  costOneOffNok: number | null;
  costYearlyNok: number | null;
  costNote: string | null;
  maturity: SolutionMaturity | null;
  themes: string[];
  year: number | null;
  partners: string[];
  links: { label: string; url: string }[];
  reuseKind: string | null;
  reuseTerms: string | null;
  schemeId: string | null;
  callId: string | null;
  participationRecordId: string | null;
  fundingAmountNok: number | null;
  sourceUrl: string | null;
  sourceQuote: string | null;
}

/**
 * A solution: its state, the newest published content (texts as columns, so a search index can be
 * built on one table: title, summary, problem and what was done in `language`), the private draft,
 * the contact, and whether a platform administrator hid it.
 */
export const solutions = pgTable(
  'solutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').$type<SolutionStatus>().notNull().default('draft'),
    /** The newest published version (null: never published). */
    version: integer('version'),
    /** The newest published content (null while never published). */
    content: jsonb('content').$type<SolutionContentData>(),
    language: text('language').$type<Language>(),
    title: text('title'),
    summary: text('summary'),
    problem: text('problem'),
    whatWasDone: text('what_was_done'),
    maturity: text('maturity').$type<SolutionMaturity>(),
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    year: integer('year'),
    /** The draft owners' members edit; published as the next version. */
    draft: jsonb('draft').$type<SolutionContentData>().notNull(),
    draftRevision: integer('draft_revision').notNull().default(1),
    draftUpdatedAt: timestamp('draft_updated_at', { withTimezone: true }).notNull().defaultNow(),
    draftUpdatedBy: uuid('draft_updated_by').references(() => users.id, { onDelete: 'set null' }),
    /** The draft differs from the newest published version. */
    draftPending: boolean('draft_pending').notNull().default(true),
    contactUserId: uuid('contact_user_id').references(() => users.id, { onDelete: 'set null' }),
    contactOrganisationId: uuid('contact_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    contactRole: text('contact_role'),
    /** The contact consented to showing name and role publicly. */
    contactPublic: boolean('contact_public').notNull().default(false),
    hidden: boolean('hidden').notNull().default(false),
    hiddenReason: text('hidden_reason'),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    isExample: boolean('is_example').notNull().default(false),
    /** A solution seeded from the shipped data (data/solutions): its key there. */
    datasetKey: text('dataset_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('solutions_dataset_key').on(t.datasetKey),
    index('solutions_status_idx').on(t.status, t.publishedAt),
    index('solutions_created_by_idx').on(t.createdBy, t.createdAt),
  ],
);

/** Every published version (public); drafts are never versions. */
export const solutionVersions = pgTable(
  'solution_versions',
  {
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<SolutionContentData>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.solutionId, t.version] })],
);

/** The organisations behind a solution; one that withdrew its name keeps its row with `withdrawn_at`. */
export const solutionOwners = pgTable(
  'solution_owners',
  {
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.solutionId, t.organisationId] }), index('solution_owners_organisation_idx').on(t.organisationId)],
);

/** A document of a solution, its bytes in the database; counted against the organisation it was uploaded for. */
export const solutionDocuments = pgTable(
  'solution_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    title: text('title'),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('solution_documents_solution_idx').on(t.solutionId), index('solution_documents_organisation_idx').on(t.organisationId)],
);

/** A municipality that uses, tests or stopped using a solution (one row per solution and municipality). */
export const solutionAdoptions = pgTable(
  'solution_adoptions',
  {
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    state: text('state').$type<AdoptionState>().notNull(),
    /** The day of the state (since when it uses, tests, or stopped). */
    date: date('date', { mode: 'string' }).notNull(),
    /** The first day it used or tested it (kept when it stops). */
    startedOn: date('started_on', { mode: 'string' }),
    note: text('note'),
    isExample: boolean('is_example').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.solutionId, t.organisationId] }), index('solution_adoptions_municipality_idx').on(t.municipalityCode)],
);

/** A report of inappropriate content, until a platform administrator resolves it. */
export const solutionReports = pgTable(
  'solution_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolution: text('resolution').$type<SolutionReportResolution>(),
  },
  (t) => [index('solution_reports_open_idx').on(t.resolvedAt, t.createdBy), index('solution_reports_solution_idx').on(t.solutionId)],
);

/** A question from one organisation to the owner organisation of a solution's contact: visible to the two only. */
export const solutionThreads = pgTable(
  'solution_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    askingOrganisationId: uuid('asking_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    askedBy: uuid('asked_by').references(() => users.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('solution_threads_asking_idx').on(t.askingOrganisationId), index('solution_threads_owner_idx').on(t.ownerOrganisationId)],
);

export const solutionMessages = pgTable(
  'solution_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => solutionThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    side: text('side').$type<QuestionSide>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('solution_messages_thread_idx').on(t.threadId, t.createdAt), index('solution_messages_author_idx').on(t.authorId, t.createdAt)],
);

/** When a user last read a thread (unread messages in the app). */
export const solutionThreadReads = pgTable(
  'solution_thread_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => solutionThreads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] })],
);
