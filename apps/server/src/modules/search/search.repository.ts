/**
 * The search index's tables (`search_documents`, `search_terms`: ADR 014). The texts, owners and state
 * of solutions are read here with read-only joins on the solution library's tables (like the account
 * modules' joins), so the index can be brought up to date from them. A search reads the index alone:
 * the solution's state and adopters are copied into it (triggers of migration 0010 keep them current).
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
  adopters: number;
  adopterCounties: string[];
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
  adopters: number;
  adopterCounties: string[];
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
}

/** One page of a search, and how many match (counted up to `searchLimits.countCap`; `capped`: more than that). */
export interface SearchPage {
  rows: SearchRow[];
  total: number;
  capped: boolean;
}

/** Bounds that keep a search fast however many solutions match (ADR 014). */
export const searchRepositoryLimits = {
  /** Up to this many matches, all are ranked exactly. */
  rankAll: 400,
  /** Beyond it, the candidates ranked: this many whose title and summary hold every word (best first by those) … */
  headCandidates: 200,
  /** … and, only when those do not fill the page, this many of the others. */
  bodyCandidates: 400,
  /** Matches are counted up to this many ("more than"). */
  countCap: 1000,
} as const;

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

const vector = (keys: string, weight: 'A' | 'B' | 'C' | 'D') => sql`setweight(to_tsvector('simple', ${keys}), ${weight})`;

export function createSearchRepository(db: AppDb) {
  return {
    lexicon: readSearchLexicon,

    /**
     * Published, visible solutions whose index row is missing or older than the solution. The row keeps
     * the time as JavaScript read it (milliseconds); PostgreSQL's has microseconds, so it is compared
     * cut to milliseconds (else every row would look stale for ever).
     */
    async staleSolutionIds(limit: number): Promise<string[]> {
      const rows = await selectRows<{ id: string }>(
        db,
        sql`select s.id from solutions s
            left join search_documents d on d.kind = 'solution' and d.entity_uuid = s.id
            where s.status = 'published' and not s.hidden and s.content is not null
              and (d.id is null or d.source_updated_at < date_trunc('milliseconds', s.updated_at))
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
        adopters: number;
        adopter_counties: string[] | null;
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
                 join municipalities m on m.code = o.municipality_code where so.solution_id = s.id and so.withdrawn_at is null) as owner_centralities,
              (select count(*) from solution_adoptions a where a.solution_id = s.id and ${CURRENT_ADOPTION})::integer as adopters,
              (select array_agg(distinct m.county_code order by m.county_code) from solution_adoptions a join municipalities m on m.code = a.municipality_code
                 where a.solution_id = s.id and ${CURRENT_ADOPTION}) as adopter_counties
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
        adopters: Number(r.adopters),
        adopterCounties: r.adopter_counties ?? [],
        publishedAt: r.published_at ? new Date(r.published_at) : null,
        updatedAt: new Date(r.updated_at),
      }));
    },

    /** Writes index rows (replacing a row of the same kind, id and language). */
    async upsert(rows: readonly IndexRow[], tx: DbOrTx = db): Promise<void> {
      for (let i = 0; i < rows.length; i += 200) {
        const values = rows.slice(i, i + 200).map(
          (r) => sql`(${r.kind}, ${r.id}, ${r.language}, ${r.entityUuid}::uuid, ${r.title}, ${r.body},
            ${vector(r.keys[0], 'A')} || ${vector(r.keys[1], 'B')} || ${vector(r.keys[2], 'C')} || ${vector(r.keys[3], 'D')},
            ${vector(r.keys[0], 'A')} || ${vector(r.keys[1], 'B')},
            ${textArray(r.themes)}, ${r.maturity}, ${textArray(r.ownerNames)}, ${textArray(r.ownerCounties)}, ${intArray(r.ownerCentralities)},
            ${r.isExample}, true, ${r.adopters}, ${textArray(r.adopterCounties)},
            ${r.publishedAt?.toISOString() ?? null}::timestamptz, ${r.sourceUpdatedAt.toISOString()}::timestamptz)`,
        );
        await tx.execute(
          sql`insert into search_documents (kind, id, language, entity_uuid, title, body, terms, head, themes, maturity, owner_names, owner_counties,
                owner_centralities, is_example, visible, adopters, adopter_counties, published_at, source_updated_at)
              values ${sql.join(values, sql`, `)}
              on conflict (kind, id, language) do update set entity_uuid = excluded.entity_uuid, title = excluded.title, body = excluded.body,
                terms = excluded.terms, head = excluded.head, themes = excluded.themes, maturity = excluded.maturity, owner_names = excluded.owner_names,
                owner_counties = excluded.owner_counties, owner_centralities = excluded.owner_centralities, is_example = excluded.is_example,
                visible = excluded.visible, adopters = excluded.adopters, adopter_counties = excluded.adopter_counties, published_at = excluded.published_at, source_updated_at = excluded.source_updated_at`,
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

    /** The newest word's number (0 when none): a process holding the words up to it has them all. */
    async termStamp(): Promise<number> {
      const [row] = await selectRows<{ seq: number | string | null }>(db, sql`select max(seq) as seq from search_terms`);
      return Number(row?.seq ?? 0);
    },

    /** The words added after `seq`, in order. */
    async termsSince(seq: number): Promise<{ term: string; seq: number }[]> {
      const rows = await selectRows<{ term: string; seq: number | string }>(db, sql`select term, seq from search_terms where seq > ${seq} order by seq`);
      return rows.map((r) => ({ term: r.term, seq: Number(r.seq) }));
    },

    /** Planner statistics after many rows changed (PGlite has no autovacuum to do it). */
    async analyze(): Promise<void> {
      await db.execute(sql`analyze search_documents`);
      await db.execute(sql`analyze search_terms`);
    },

    /** Whether at least `atLeast` visible solutions match `tsquery` without the filters (were the filters what emptied a search?). */
    async countWordMatches(tsquery: string, includeExamples: boolean, atLeast: number): Promise<boolean> {
      // Counted up to countCap + 1 although `atLeast` would do: with a small limit and a word it has
      // no statistics for, the planner walks the whole table hoping to meet the rows soon; a limit above
      // its guess keeps it on the GIN index (as in `searchSolutions`), and a rare word reads few rows.
      const [row] = await selectRows<{ n: number }>(
        db,
        sql`with q as (select to_tsquery('simple', ${tsquery}) as query)
            select count(*)::integer as n from (select 1 from search_documents d cross join q
              where d.kind = 'solution' and d.visible and d.terms @@ q.query ${includeExamples ? sql`` : sql`and not d.is_example`}
              limit ${searchRepositoryLimits.countCap + 1}) x`,
      );
      return (row?.n ?? 0) >= atLeast;
    },

    /**
     * One page of the published, visible solutions matching `tsquery` (simple configuration) and the
     * filters, read from the index alone (state and adopters are kept there). Bounded however many
     * match (ADR 014): up to `rankAll` matches are ranked exactly; beyond that, relevance ranks the
     * best candidates (every word in the title or summary, best first by those, and a share of the
     * others), newest and most adopted walk their index, and the count stops at `countCap`.
     */
    async searchSolutions(
      tsquery: string,
      filter: SolutionSearchFilter,
      sort: 'relevance' | 'newest' | 'adopted',
      offset: number,
      limit: number,
    ): Promise<SearchPage> {
      const L = searchRepositoryLimits;
      const where: SQL[] = [sql`d.kind = 'solution'`, sql`d.visible`, sql`d.terms @@ q.query`];
      if (!filter.includeExamples) where.push(sql`not d.is_example`);
      if (filter.theme) where.push(sql`${filter.theme} = any(d.themes)`);
      if (filter.maturity) where.push(sql`d.maturity = ${filter.maturity}`);
      if (filter.centrality) where.push(sql`${filter.centrality}::integer = any(d.owner_centralities)`);
      if (filter.county) where.push(sql`(${filter.county} = any(d.owner_counties) or ${filter.county} = any(d.adopter_counties))`);
      if (filter.adopted) where.push(sql`d.adopters > 0`);
      const matching = sql.join(where, sql` and `);
      const q = sql`q as (select to_tsquery('simple', ${tsquery}) as query)`;
      const orderBy = (p: string) =>
        sort === 'newest'
          ? sql.raw(`${p}published_at desc nulls last, ${p}id`)
          : sort === 'adopted'
            ? sql.raw(`${p}adopters desc, ${p}published_at desc nulls last, ${p}id`)
            : sql.raw(`${p}rank desc, ${p}published_at desc nulls last, ${p}id`);
      const rank = sort === 'relevance' ? sql`ts_rank(d.terms, q.query)` : sql`0::real`;
      const key = sql`d.kind, d.id, d.language, d.published_at, d.adopters`;
      // The page's texts are read for its rows alone.
      const withTexts = (page: SQL, total: SQL, join: SQL = sql``) =>
        selectRows<Omit<SearchRow, 'publishedAt'> & { published_at: Date | string | null; total: number }>(
          db,
          sql`with ${q}, ${page}
              select p.id, d.language, d.title, d.body, d.themes, d.maturity, d.owner_names as "ownerNames", d.is_example as "isExample",
                p.published_at, p.adopters, ${total} as total
              from page p join search_documents d on d.kind = p.kind and d.id = p.id and d.language = p.language ${join}
              order by ${orderBy('p.')}`,
        );
      const toPage = (rows: Awaited<ReturnType<typeof withTexts>>, total: number, capped: boolean): SearchPage => ({
        rows: rows.map(({ published_at, total: _, ...r }) => ({ ...r, publishedAt: published_at, adopters: Number(r.adopters) })),
        total,
        capped,
      });

      // One query for most searches: the matches counted (up to countCap + 1) and, when there are at
      // most rankAll, every one ranked for the page. Beyond that the page query below is not run here
      // (its one-time filter on the count skips it).
      const counted = sql`counted as (select count(*)::integer as n from (select 1 from search_documents d cross join q where ${matching} limit ${L.countCap + 1}) x)`;
      const exact = await withTexts(
        sql`${counted},
            page as (select ${key}, ${rank} as rank from search_documents d cross join q cross join counted
                     where counted.n <= ${L.rankAll} and ${matching} order by ${orderBy('')} limit ${limit} offset ${offset})`,
        sql`(select n from counted)`,
        sql`right join counted on true`,
      );
      const n = Number(exact[0]?.total ?? 0);
      if (n <= L.rankAll)
        return toPage(
          exact.filter((r) => r.id !== null),
          n,
          false,
        );
      const total = Math.min(n, L.countCap);
      const capped = n > L.countCap;
      if (sort !== 'relevance') {
        // Newest and most adopted walk their btree index and stop at the page.
        const rows = await withTexts(
          sql`page as (select ${key}, 0::real as rank from search_documents d cross join q where ${matching} order by ${orderBy('d.')} limit ${limit} offset ${offset})`,
          sql`${total}::integer`,
        );
        return toPage(rows, total, capped);
      }
      // Relevance over many matches: the candidates are those with every word in the title or summary
      // (best first by those); only when they do not fill the page are other matches added.
      const head = sql`head as (select ${key} from search_documents d cross join q
                       where ${matching} and d.head @@ q.query order by ts_rank(d.head, q.query) desc, d.published_at desc nulls last limit ${L.headCandidates})`;
      const ranked = (candidates: SQL) =>
        withTexts(
          sql`${candidates},
              page as (select c.*, ts_rank(d.terms, q.query) as rank from candidates c cross join q
                       join search_documents d on d.kind = c.kind and d.id = c.id and d.language = c.language
                       order by rank desc, c.published_at desc nulls last, c.id limit ${limit} offset ${offset})`,
          sql`${total}::integer`,
        );
      let rows = offset + limit <= L.headCandidates ? await ranked(sql`${head}, candidates as (select * from head)`) : [];
      if (rows.length < limit) {
        rows = await ranked(
          sql`${head}, body as (select ${key} from search_documents d cross join q where ${matching} limit ${L.bodyCandidates}),
              candidates as (select * from head union select * from body)`,
        );
      }
      return toPage(rows, total, capped);
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
