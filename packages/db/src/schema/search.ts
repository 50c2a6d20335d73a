import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Language } from '@varde/contracts/vocabulary';

/** A text-search vector (written by the search module from application-made keys: ADR 014). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The search index (ADR 014): one row per searchable thing and language, with a weighted tsvector of
 * the `simple` configuration over keys the application makes (normalised, bokmål/nynorsk variants
 * mapped to one form, compound words also split into parts), the plain texts for snippets, and the
 * fields search filters on. Kept current by the search module.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    /** What it is: `solution`. */
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    /** The language the texts are written in. */
    language: text('language').$type<Language>().notNull(),
    /** The id as a uuid where it is one (solutions), for joins. */
    entityUuid: uuid('entity_uuid'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    terms: tsvector('terms').notNull(),
    /** The title's and summary's keys only (weights A, B): a small vector that picks the best candidates when very many match. */
    head: tsvector('head').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    maturity: text('maturity'),
    /** Names, counties (2-digit) and centrality classes of the current owners. */
    ownerNames: text('owner_names').array().notNull().default(sql`'{}'::text[]`),
    ownerCounties: text('owner_counties').array().notNull().default(sql`'{}'::text[]`),
    ownerCentralities: integer('owner_centralities').array().notNull().default(sql`'{}'::integer[]`),
    isExample: boolean('is_example').notNull().default(false),
    /**
     * Kept here so a search reads no other table (ADR 014): whether the solution is published and not
     * hidden, how many municipalities use or test it now and their counties. The search module writes
     * them when it indexes; triggers (hand-written at the end of migration 0010) keep them current when
     * a solution is withdrawn or hidden, or an adoption changes, whoever changes it.
     */
    visible: boolean('visible').notNull().default(true),
    adopters: integer('adopters').notNull().default(0),
    adopterCounties: text('adopter_counties').array().notNull().default(sql`'{}'::text[]`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The source row's `updated_at` when this row was made (a newer one is indexed again). */
    sourceUpdatedAt: timestamp('source_updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id, t.language] }),
    index('search_documents_terms_idx').using('gin', t.terms),
    index('search_documents_head_idx').using('gin', t.head),
    index('search_documents_adopters_idx').on(t.kind, t.adopters, t.publishedAt),
    index('search_documents_entity_idx').on(t.entityUuid),
    index('search_documents_published_idx').on(t.kind, t.publishedAt),
  ],
);

/**
 * Every word in search form that an indexed text contains, for the typo fallback: a query word that
 * finds too little is compared with these by trigram similarity (pg_trgm's formula, in memory: each
 * process reads the words once, then only those added since). Words are never removed; one that no
 * text has any more only matches nothing.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text('term').primaryKey(),
    /** Increases with every word added: a process keeps the words in memory and reads only those after the last it has. */
    seq: bigint('seq', { mode: 'number' }).generatedByDefaultAsIdentity().notNull(),
  },
  (t) => [index('search_terms_seq_idx').on(t.seq)],
);
