/**
 * The search index's tables (`search_documents`, `search_terms`: ADR 014). The texts, owners and state
 * of solutions are read here with read-only joins on the solution library's tables (like the account
 * modules' joins), so the index can be brought up to date from them, and a search leaves out at once
 * a solution that was withdrawn or hidden.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SolutionMaturity } from '@varde/contracts/solutions-vocabulary';
import type { Language } from '@varde/contracts/vocabulary';
import { readSearchLexicon, selectRows, type AppDb, type DbOrTx } from '@varde/db';

/** A solution's searchable content as stored. */
export interface SolutionSource {
  id: string;
  language: Language;
  title: string;
  summary: string | null;
  texts: string[];
  themes: string[];
  maturity: SolutionMaturity | null;
  ownerNames: string[];
  ownerCounties: string[];
  ownerCentralities: number[];
  isExample: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** One row of the index, its keys made by the engine. */
export interface IndexRow {
  kind: 'solution';
  id: string;
  language: Language;
  entityUuid: string | null;
  title: string;
  body: string;
  /** Keys per weight A (title), B (summary), C (texts), D (owners). */
  keys: [string, string, string, string];
  themes: string[];
  maturity: string | null;
  ownerNames: string[];
  ownerCounties: string[];
  ownerCentralities: number[];
  isExample: boolean;
  publishedAt: Date | null;
  sourceUpdatedAt: Date;
}

export interface SolutionSearchFilter {
  theme?: string | undefined;
  maturity?: string | undefined;
  county?: string | undefined;
  centrality?: number | undefined;
  adopted?: boolean | undefined;
  includeExamples: boolean;
}

export interface SearchRow {
  id: string;
  language: Language;
  title: string;
  body: string;
  themes: string[];
  maturity: SolutionMaturity | null;
  ownerNames: string[];
  isExample: boolean;
  publishedAt: Date | string | null;
  adopters: number;
  total: number;
}

const textArray = (values: readonly string[]) =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
const intArray = (values: readonly number[]) =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::integer[]`
    : sql`'{}'::integer[]`;

/** A solution a municipality uses or tests now (stopped ones do not count). */
const CURRENT_ADOPTION = sql`a.state <> 'stopped'`;

export function createSearchRepository(db: AppDb) {
  let trigram: Promise<boolean> | null = null;

  return {
    lexicon: readSearchLexicon,

    /** Whether the database has pg_trgm (migration 0009 creates it where it can). */
    hasTrigram(): Promise<boolean> {
      trigram ??= selectRows<{ ok: boolean }>(db, sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as ok`).then((r) =>
        Boolean(r[0]?.ok),
      );
      return trigram;
    },

    /** Published, visible solutions whose index row is missing or older than the solution. */
    async staleSolutionIds(limit: number): Promise<string[]> {
      const rows = await selectRows<{ id: string }>(
        db,
        sql`select s.id from solutions s
            left join search_documents d on d.kind = 'solution' and d.entity_uuid = s.id
            where s.status = 'published' and not s.hidden and s.content is not null
              and (d.id is null or d.source_updated_at < s.updated_at)
            limit ${limit}`,
      );
      return rows.map((r) => r.id);
    },

    /** Removes the index rows of solutions that are gone, withdrawn or hidden. */
    async deleteGoneSolutions(ids?: readonly string[], tx: DbOrTx = db): Promise<void> {
      await tx.execute(
        sql`delete from search_documents d where d.kind = 'solution'
            ${ids ? sql`and d.id = any(${textArray(ids)})` : sql``}
            and not exists (select 1 from solutions s where s.id = d.entity_uuid and s.status = 'published' and not s.hidden)`,
      );
    },

    async solutionSources(ids: readonly string[], tx: DbOrTx = db): Promise<SolutionSource[]> {
      if (ids.length === 0) return [];
      const rows = await selectRows<{
        id: string;
        language: Language | null;
        title: string | null;
        summary: string | null;
        problem: string | null;
        what_was_done: string | null;
        results: string | null;
        quote: string | null;
        themes: string[];
        maturity: SolutionMaturity | null;
        owner_names: string[] | null;
        owner_counties: string[] | null;
        owner_centralities: number[] | null;
        is_example: boolean;
        published_at: Date | string | null;
        updated_at: Date | string;
      }>(
        tx,
        sql`select s.id, s.language, s.title, s.summary, s.problem, s.what_was_done,
              s.content->>'results' as results, s.content->>'sourceQuote' as quote, s.themes, s.maturity,
              s.is_example, s.published_at, s.updated_at,
              (select array_agg(o.name order by o.name) from solution_owners so join organisations o on o.id = so.organisation_id
                 where so.solution_id = s.id and so.withdrawn_at is null) as owner_names,
              (select array_agg(distinct m.county_code) from solution_owners so join organisations o on o.id = so.organisation_id
                 join municipalities m on m.code = o.municipality_code where so.solution_id = s.id and so.withdrawn_at is null) as owner_counties,
              (select array_agg(distinct m.centrality_class) from solution_owners so join organisations o on o.id = so.organisation_id
                 join municipalities m on m.code = o.municipality_code where so.solution_id = s.id and so.withdrawn_at is null) as owner_centralities
            from solutions s
            where s.id = any(${sql`array[${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )}]::uuid[]`}) and s.status = 'published' and not s.hidden and s.title is not null`,
      );
      return rows.map((r) => ({
        id: r.id,
        language: r.language ?? 'nb',
        title: r.title ?? '',
        summary: r.summary,
        texts: [r.problem, r.what_was_done, r.results, r.quote].filter((t): t is string => Boolean(t)),
        themes: r.themes ?? [],
        maturity: r.maturity,
        ownerNames: r.owner_names ?? [],
        ownerCounties: r.owner_counties ?? [],
        ownerCentralities: (r.owner_centralities ?? []).map(Number),
        isExample: r.is_example,
        publishedAt: r.published_at ? new Date(r.published_at) : null,
        updatedAt: new Date(r.updated_at),
      }));
    },

    /** Writes index rows (replacing a row of the same kind, id and language). */
    async upsert(rows: readonly IndexRow[], tx: DbOrTx = db): Promise<void> {
      for (let i = 0; i < rows.length; i += 200) {
        const values = rows.slice(i, i + 200).map(
          (r) => sql`(${r.kind}, ${r.id}, ${r.language}, ${r.entityUuid}::uuid, ${r.title}, ${r.body},
            setweight(to_tsvector('simple', ${r.keys[0]}), 'A') || setweight(to_tsvector('simple', ${r.keys[1]}), 'B')
              || setweight(to_tsvector('simple', ${r.keys[2]}), 'C') || setweight(to_tsvector('simple', ${r.keys[3]}), 'D'),
            ${textArray(r.themes)}, ${r.maturity}, ${textArray(r.ownerNames)}, ${textArray(r.ownerCounties)}, ${intArray(r.ownerCentralities)},
            ${r.isExample}, ${r.publishedAt?.toISOString() ?? null}::timestamptz, ${r.sourceUpdatedAt.toISOString()}::timestamptz)`,
        );
        await tx.execute(
          sql`insert into search_documents (kind, id, language, entity_uuid, title, body, terms, themes, maturity, owner_names, owner_counties,
                owner_centralities, is_example, published_at, source_updated_at)
              values ${sql.join(values, sql`, `)}
              on conflict (kind, id, language) do update set entity_uuid = excluded.entity_uuid, title = excluded.title, body = excluded.body,
                terms = excluded.terms, themes = excluded.themes, maturity = excluded.maturity, owner_names = excluded.owner_names,
                owner_counties = excluded.owner_counties, owner_centralities = excluded.owner_centralities, is_example = excluded.is_example,
                published_at = excluded.published_at, source_updated_at = excluded.source_updated_at`,
        );
      }
    },

    /** Removes other languages' rows of these ids (a solution whose language changed). */
    async deleteOtherLanguages(kind: string, rows: readonly { id: string; language: string }[], tx: DbOrTx = db): Promise<void> {
      if (rows.length === 0) return;
      await tx.execute(
        sql`delete from search_documents where kind = ${kind} and (id, language) in (
              select d.id, d.language from search_documents d
              join unnest(${textArray(rows.map((r) => r.id))}, ${textArray(rows.map((r) => r.language))}) as k(id, language) on k.id = d.id
              where d.kind = ${kind} and d.language <> k.language)`,
      );
    },

    async addTerms(terms: readonly string[], tx: DbOrTx = db): Promise<void> {
      for (let i = 0; i < terms.length; i += 2000) {
        await tx.execute(sql`insert into search_terms (term) select unnest(${textArray(terms.slice(i, i + 2000))}) on conflict do nothing`);
      }
    },

    /**
     * Index words spelt like `word` (trigram similarity ≥ `min`), most similar first, through pg_trgm's
     * index. The threshold of `%` is set to `min` for this transaction, so the index itself leaves out
     * the words below it (with the default 0.3 it hands over many more to be checked).
     */
    async similarTerms(word: string, min: number, limit: number): Promise<{ term: string; similarity: number }[]> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(min)}, true)`);
        const rows = await selectRows<{ term: string; similarity: number }>(
          tx,
          sql`select term, similarity(term, ${word}) as similarity from search_terms
              where term % ${word} order by similarity desc, term limit ${limit}`,
        );
        return rows.map((r) => ({ term: r.term, similarity: Number(r.similarity) }));
      });
    },

    /** Candidates for the same comparison in application code (no pg_trgm): words of about the same length sharing the start or the end. */
    async termCandidates(word: string): Promise<string[]> {
      const rows = await selectRows<{ term: string }>(
        db,
        sql`select term from search_terms where length(term) between ${word.length - 3} and ${word.length + 3}
            and (left(term, 2) = ${word.slice(0, 2)} or right(term, 2) = ${word.slice(-2)}) limit 5000`,
      );
      return rows.map((r) => r.term);
    },

    /** Published, visible solutions matching `tsquery` (simple configuration) and the filters, one page. */
    async searchSolutions(
      tsquery: string,
      filter: SolutionSearchFilter,
      sort: 'relevance' | 'newest' | 'adopted',
      offset: number,
      limit: number,
    ): Promise<SearchRow[]> {
      const where: SQL[] = [sql`d.kind = 'solution'`, sql`d.terms @@ q.query`];
      if (!filter.includeExamples) where.push(sql`not s.is_example`);
      if (filter.theme) where.push(sql`${filter.theme} = any(d.themes)`);
      if (filter.maturity) where.push(sql`d.maturity = ${filter.maturity}`);
      if (filter.centrality) where.push(sql`${filter.centrality}::integer = any(d.owner_centralities)`);
      if (filter.county) {
        where.push(sql`(${filter.county} = any(d.owner_counties) or exists (
          select 1 from solution_adoptions a join municipalities m on m.code = a.municipality_code
          where a.solution_id = s.id and ${CURRENT_ADOPTION} and m.county_code = ${filter.county}))`);
      }
      if (filter.adopted) where.push(sql`exists (select 1 from solution_adoptions a where a.solution_id = s.id and ${CURRENT_ADOPTION})`);
      // The same order inside (to cut the page) and outside (the page's rows in it).
      const orderBy = (p: string) =>
        sort === 'newest'
          ? sql.raw(`${p}published_at desc nulls last, ${p}rank desc, ${p}id`)
          : sort === 'adopted'
            ? sql.raw(`${p}sort_adopters desc, ${p}rank desc, ${p}id`)
            : sql.raw(`${p}rank desc, ${p}published_at desc nulls last, ${p}id`);
      const sortAdopters =
        sort === 'adopted' ? sql`(select count(*) from solution_adoptions a where a.solution_id = s.id and ${CURRENT_ADOPTION})::integer` : sql`0`;
      // Ranked on the index row's key columns only; the texts are read for the page's rows alone.
      const rows = await selectRows<Omit<SearchRow, 'publishedAt'> & { published_at: Date | string | null }>(
        db,
        sql`with q as (select to_tsquery('simple', ${tsquery}) as query),
            hits as (
              select d.kind, d.id, d.language, d.published_at, s.id as solution_id, s.is_example, ts_rank(d.terms, q.query) as rank,
                ${sortAdopters} as sort_adopters, count(*) over () as total
              from search_documents d cross join q
              join solutions s on s.id = d.entity_uuid and s.status = 'published' and not s.hidden
              where ${sql.join(where, sql` and `)}
              order by ${orderBy('')}
              limit ${limit} offset ${offset})
            select h.id, h.language, d.title, d.body, d.themes, d.maturity, d.owner_names as "ownerNames", h.is_example as "isExample",
              h.published_at, h.total,
              (select count(*) from solution_adoptions a where a.solution_id = h.solution_id and ${CURRENT_ADOPTION})::integer as adopters
            from hits h join search_documents d on d.kind = h.kind and d.id = h.id and d.language = h.language
            order by ${orderBy('h.')}`,
      );
      return rows.map(({ published_at, ...r }) => ({ ...r, publishedAt: published_at, total: Number(r.total), adopters: Number(r.adopters) }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
