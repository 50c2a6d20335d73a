/**
 * Norwegian search (ADR 014): keeps the index of published solutions current and answers searches.
 *
 * - The solution library calls `solutionChanged(id)` where a published version changes; on the first
 *   search in a process, `catchUp()` indexes every solution published or changed since its index row
 *   was made (seeded and example solutions, changes made by another process). A withdrawn or hidden
 *   solution drops out of results at once (a trigger clears `visible` on its index row) and out of the
 *   index on the next catch-up.
 * - A search: the engine (`@varde/domain/search`) makes keys of the query; all words must match, else
 *   any; one or two words with fewer than 3 hits also match index words spelt alike (trigram
 *   similarity ≥ 0.4, over the index words held in memory). When filters are set and the words alone
 *   find enough, no fallback runs. Titles and snippets are highlighted on the keys that matched.
 */
import type { SolutionSearchQuery, SolutionSearchResult } from '@varde/contracts/search-api';
import { searchApiLimits } from '@varde/contracts/search-api';
import { createSearchEngine, wordTrigrams, type QueryGroup, type SearchEngine } from '@varde/domain/search/engine';
import { stopwords, tokenize } from '@varde/domain/search/normalise';
import type { IndexRow, SearchRepository, SolutionSource } from './search.repository';

export const searchTuning = {
  /** A query of at most this many words may fall back to similar words … */
  fuzzyMaxWords: 2,
  /** … when the exact search finds fewer hits than this. */
  fuzzyBelowHits: 3,
  /** Trigram similarity a similar word needs (pg_trgm `similarity`). */
  fuzzyMinSimilarity: 0.4,
  /** Similar words taken per query word. */
  fuzzyWords: 4,
  /** Solutions indexed per round of a catch-up. */
  batch: 500,
  /** A catch-up that indexed this many refreshes the planner's statistics. */
  analyzeAfter: 1000,
} as const;

export interface SearchDeps {
  repo: SearchRepository;
  exampleData: boolean;
}

let sharedEngine: SearchEngine | null = null;

export function createSearchService({ repo, exampleData }: SearchDeps) {
  /** The engine with the committed lexicon, made once per process (about half a second). */
  const engine = () => {
    sharedEngine ??= createSearchEngine(repo.lexicon());
    return sharedEngine;
  };

  function indexRow(source: SolutionSource): IndexRow {
    const e = engine();
    const body = [source.summary, ...source.texts].filter(Boolean).join('\n');
    return {
      kind: 'solution',
      id: source.id,
      language: source.language,
      entityUuid: source.id,
      title: source.title,
      body,
      keys: [
        e.indexKeys(source.title).join(' '),
        e.indexKeys(source.summary ?? '').join(' '),
        source.texts.flatMap((t) => e.indexKeys(t)).join(' '),
        source.ownerNames.flatMap((t) => e.indexKeys(t)).join(' '),
      ],
      themes: source.themes,
      maturity: source.maturity,
      ownerNames: source.ownerNames,
      ownerCounties: source.ownerCounties,
      ownerCentralities: source.ownerCentralities,
      isExample: source.isExample,
      adopters: source.adopters,
      adopterCounties: source.adopterCounties,
      publishedAt: source.publishedAt,
      sourceUpdatedAt: source.updatedAt,
    };
  }

  /** The words of the texts as the typo fallback compares them. */
  function termsOf(sources: readonly SolutionSource[]): string[] {
    const out = new Set<string>();
    for (const s of sources) {
      for (const text of [s.title, s.summary ?? '', ...s.texts]) {
        for (const { word } of tokenize(text)) if (word.length >= 3 && word.length <= 40 && !stopwords.has(word) && !/^\d+$/.test(word)) out.add(word);
      }
    }
    return [...out];
  }

  async function index(ids: readonly string[]): Promise<number> {
    const sources = await repo.solutionSources(ids);
    const rows = sources.map(indexRow);
    await repo.upsert(rows);
    await repo.deleteOtherLanguages('solution', rows);
    await repo.addTerms(termsOf(sources));
    await repo.deleteGoneSolutions(ids);
    return rows.length;
  }

  let caughtUp: Promise<number> | null = null;

  async function catchUp(): Promise<number> {
    let indexed = 0;
    for (;;) {
      const ids = await repo.staleSolutionIds(searchTuning.batch);
      if (ids.length === 0) break;
      indexed += await index(ids);
      if (ids.length < searchTuning.batch) break;
    }
    await repo.deleteGoneSolutions();
    // Many new rows: fresh planner statistics (PostgreSQL's autovacuum would get there later, PGlite's never).
    if (indexed >= searchTuning.analyzeAfter) await repo.analyze();
    return indexed;
  }

  /**
   * The index words for the typo fallback, in memory with a trigram index: read once, then only the
   * words added since (their numbers only grow), checked against the newest number when needed.
   */
  const vocabulary = { seq: 0, words: [] as string[], byTrigram: new Map<string, number[]>() };
  let refreshing: Promise<void> | null = null;
  async function refreshVocabulary(): Promise<void> {
    if ((await repo.termStamp()) <= vocabulary.seq) return;
    for (const { term, seq } of await repo.termsSince(vocabulary.seq)) {
      const at = vocabulary.words.push(term) - 1;
      for (const t of wordTrigrams(term)) {
        const list = vocabulary.byTrigram.get(t);
        if (list) list.push(at);
        else vocabulary.byTrigram.set(t, [at]);
      }
      vocabulary.seq = seq;
    }
  }

  async function similarWords(word: string): Promise<string[]> {
    if (word.length < 3 || /^\d+$/.test(word)) return [];
    refreshing ??= refreshVocabulary().finally(() => {
      refreshing = null;
    });
    await refreshing;
    // pg_trgm's similarity: shared / (|a| + |b| - shared) over the words' trigram sets.
    const own = wordTrigrams(word);
    const shared = new Map<number, number>();
    for (const t of own) for (const at of vocabulary.byTrigram.get(t) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
    const found: { term: string; similarity: number }[] = [];
    for (const [at, count] of shared) {
      // similarity ≥ min needs shared ≥ min × |own| at least; cheap test before counting the other word's trigrams.
      if (count < searchTuning.fuzzyMinSimilarity * own.size) continue;
      const term = vocabulary.words[at]!;
      if (term === word) continue;
      const similarity = count / (own.size + wordTrigrams(term).size - count);
      if (similarity >= searchTuning.fuzzyMinSimilarity) found.push({ term, similarity });
    }
    return found
      .sort((a, b) => b.similarity - a.similarity || (a.term < b.term ? -1 : 1))
      .slice(0, searchTuning.fuzzyWords)
      .map((c) => c.term);
  }

  return {
    engine,
    catchUp,

    /** Called by the solution library where a published version changes (publish): indexes it again, or removes it. */
    async solutionChanged(id: string): Promise<void> {
      await index([id]);
    },

    async searchSolutions(query: SolutionSearchQuery): Promise<SolutionSearchResult> {
      caughtUp ??= catchUp().catch((error) => {
        caughtUp = null;
        throw error;
      });
      await caughtUp;
      const e = engine();
      const includeExamples = exampleData && query.example !== 'exclude';
      const page = query.page ?? 1;
      const pageSize = searchApiLimits.pageSize;
      const filter = {
        theme: query.theme,
        maturity: query.maturity,
        county: query.county,
        centrality: query.centrality,
        adopted: query.adopted,
        includeExamples,
      };
      const sort = query.sort ?? 'relevance';
      const parsed = e.parseQuery(query.q);
      const empty: SolutionSearchResult = {
        items: [],
        total: 0,
        totalCapped: false,
        page,
        pageSize,
        matched: 'all',
        similarWords: [],
        includesExamples: false,
        exampleDataOn: exampleData,
      };
      if (parsed.groups.length === 0) return empty;
      const run = (groups: readonly QueryGroup[], mode: 'and' | 'or') =>
        repo.searchSolutions(e.toTsQuery(groups, mode), filter, sort, (page - 1) * pageSize, pageSize);
      const filtered = Boolean(filter.theme || filter.maturity || filter.county || filter.centrality || filter.adopted);
      // Did the filters, not the words, leave too little? Then the fallbacks are not tried (they would find nothing the filters allow).
      const wordsFind = (groups: readonly QueryGroup[], mode: 'and' | 'or', atLeast: number) =>
        filtered ? repo.countWordMatches(e.toTsQuery(groups, mode), includeExamples, atLeast) : Promise.resolve(false);

      let matched: SolutionSearchResult['matched'] = 'all';
      let result = await run(parsed.groups, 'and');
      if (result.total === 0 && parsed.groups.length > 1 && !(await wordsFind(parsed.groups, 'and', 1))) {
        result = await run(parsed.groups, 'or');
        matched = 'any';
      }
      const keys = new Set(parsed.allKeys);
      const similar: string[] = [];
      if (
        parsed.groups.length <= searchTuning.fuzzyMaxWords &&
        result.total < searchTuning.fuzzyBelowHits &&
        !(await wordsFind(parsed.groups, matched === 'any' ? 'or' : 'and', searchTuning.fuzzyBelowHits))
      ) {
        const expanded: QueryGroup[] = [];
        for (const group of parsed.groups) {
          const words = await similarWords(group.word);
          similar.push(...words);
          const extra = words.map((w) => e.keyOf(w));
          for (const k of extra) keys.add(k);
          expanded.push({ ...group, keys: [...new Set([...group.keys, ...extra])] });
        }
        if (similar.length > 0) {
          const fuzzy = await run(expanded, matched === 'any' ? 'or' : 'and');
          const fuzzyAny = fuzzy.total === 0 && expanded.length > 1 ? await run(expanded, 'or') : fuzzy;
          if (fuzzyAny.total > result.total) {
            result = fuzzyAny;
            matched = 'similar';
          }
        }
      }
      const rows = result.rows;
      if (rows.length === 0) return { ...empty, total: result.total, totalCapped: result.capped, matched, similarWords: matched === 'similar' ? similar : [] };
      return {
        items: rows.map((r) => ({
          id: r.id,
          language: r.language,
          title: e.highlight(r.title, keys),
          snippet: e.snippet(r.body, keys),
          themes: r.themes as SolutionSearchResult['items'][number]['themes'],
          maturity: r.maturity,
          owners: r.ownerNames,
          adopters: r.adopters,
          publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
          isExample: r.isExample,
        })),
        total: result.total,
        totalCapped: result.capped,
        page,
        pageSize,
        matched,
        similarWords: matched === 'similar' ? similar : [],
        includesExamples: rows.some((r) => r.isExample),
        exampleDataOn: exampleData,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
