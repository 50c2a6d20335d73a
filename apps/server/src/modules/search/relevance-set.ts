/**
 * The search's relevance set (data/search/relevance.json, ADR 014) for the relevance test and the
 * benchmark only: puts its example solutions and the real seeded solutions' texts into the database as
 * published solutions, runs the judged queries and scores them (recall@10, nDCG@10).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isNotNull } from 'drizzle-orm';
import { schema, type AppDb, type SolutionContentData } from '@varde/db';
import type { SearchService } from './search.service';

const dataFile = (path: string) => fileURLToPath(new URL(`../../../../../data/${path}`, import.meta.url));

export interface RelevanceExample {
  key: string;
  label: string;
  theme: string;
  language: 'nb' | 'nn';
  title: string;
  summary: string;
  problem: string;
  whatWasDone: string;
}

export interface RelevanceQuery {
  q: string;
  kind: 'nb' | 'nn' | 'mixed' | 'compound' | 'typo';
  /** Topic label or real solution key → grade (2 asked for, 1 related). */
  relevant: Record<string, number>;
}

export interface RelevanceSet {
  examples: RelevanceExample[];
  queries: RelevanceQuery[];
  real: { key: string; language: 'nb' | 'nn'; title: string; quote: string | null }[];
}

export function readRelevanceSet(): RelevanceSet {
  const set = JSON.parse(readFileSync(dataFile('search/relevance.json'), 'utf8')) as Omit<RelevanceSet, 'real'>;
  const shipped = JSON.parse(readFileSync(dataFile('solutions/solutions.json'), 'utf8')) as {
    solutions: { key: string; language: 'nb' | 'nn'; title: string; quote?: string | null }[];
  };
  return { ...set, real: shipped.solutions.map((s) => ({ key: s.key, language: s.language, title: s.title, quote: s.quote ?? null })) };
}

function content(language: 'nb' | 'nn', title: string, fields: Partial<SolutionContentData>): SolutionContentData {
  return {
    language,
    title,
    summary: null,
    problem: null,
    whatWasDone: null,
    results: null,
    costOneOffNok: null,
    costYearlyNok: null,
    costNote: null,
    maturity: null,
    themes: [],
    year: null,
    partners: [],
    links: [],
    reuseKind: null,
    reuseTerms: null,
    schemeId: null,
    callId: null,
    participationRecordId: null,
    fundingAmountNok: null,
    sourceUrl: null,
    sourceQuote: null,
    ...fields,
  };
}

export interface SeedDoc {
  language: 'nb' | 'nn';
  title: string;
  summary: string | null;
  problem: string | null;
  whatWasDone: string | null;
  quote: string | null;
  themes: string[];
  maturity: 'idea' | 'pilot' | 'in_operation' | 'spread' | null;
  publishedAt: Date;
}

/** Inserts published solutions (no owners) and returns their ids in order. */
export async function insertSolutions(db: AppDb, docs: readonly SeedDoc[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < docs.length; i += 500) {
    const rows = docs.slice(i, i + 500).map((d) => {
      const c = content(d.language, d.title, {
        summary: d.summary,
        problem: d.problem,
        whatWasDone: d.whatWasDone,
        sourceQuote: d.quote,
        themes: d.themes,
        maturity: d.maturity,
      });
      return {
        status: 'published' as const,
        version: 1,
        content: c,
        language: d.language,
        title: d.title,
        summary: d.summary,
        problem: d.problem,
        whatWasDone: d.whatWasDone,
        maturity: d.maturity,
        themes: d.themes,
        draft: c,
        draftPending: false,
        publishedAt: d.publishedAt,
        firstPublishedAt: d.publishedAt,
      };
    });
    const inserted = await db.insert(schema.solutions).values(rows).returning({ id: schema.solutions.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/**
 * The relevance set's solutions in the database: solution id → its label (examples) or key (real ones).
 * Real solutions the server seeded already (data/solutions) are taken as they are.
 */
export async function seedRelevanceSet(db: AppDb, set: RelevanceSet): Promise<Map<string, string>> {
  const seeded = await db
    .select({ id: schema.solutions.id, key: schema.solutions.datasetKey })
    .from(schema.solutions)
    .where(isNotNull(schema.solutions.datasetKey));
  const seededKeys = new Set(seeded.map((s) => s.key));
  const docs: (SeedDoc & { judgedAs: string })[] = [
    ...set.real
      .filter((r) => !seededKeys.has(r.key))
      .map((r, i) => ({
        judgedAs: r.key,
        language: r.language,
        title: r.title,
        summary: null,
        problem: null,
        whatWasDone: null,
        quote: r.quote,
        themes: [],
        maturity: null,
        publishedAt: new Date(Date.UTC(2024, 0, 1 + i)),
      })),
    ...set.examples.map((e, i) => ({
      judgedAs: e.label,
      language: e.language,
      title: e.title,
      summary: e.summary,
      problem: e.problem,
      whatWasDone: e.whatWasDone,
      quote: null,
      themes: [e.theme],
      maturity: (['idea', 'pilot', 'in_operation', 'spread'] as const)[i % 4]!,
      publishedAt: new Date(Date.UTC(2020 + (i % 6), i % 12, 1 + (i % 27))),
    })),
  ];
  const ids = await insertSolutions(db, docs);
  return new Map([...seeded.map((s) => [s.id, s.key!] as const), ...ids.map((id, i) => [id, docs[i]!.judgedAs] as const)]);
}

export interface RelevanceScore {
  recall: number;
  ndcg: number;
  perQuery: { q: string; kind: string; recall: number; ndcg: number; top: string[] }[];
}

/** Runs every judged query and scores the first 10 results. */
export async function scoreRelevance(search: SearchService, set: RelevanceSet, judgedAs: ReadonlyMap<string, string>): Promise<RelevanceScore> {
  const countOf = new Map<string, number>();
  for (const label of judgedAs.values()) countOf.set(label, (countOf.get(label) ?? 0) + 1);
  const perQuery: RelevanceScore['perQuery'] = [];
  for (const query of set.queries) {
    const result = await search.searchSolutions({ q: query.q });
    const top = result.items.slice(0, 10).map((item) => judgedAs.get(item.id) ?? '?');
    const grades = top.map((label) => query.relevant[label] ?? 0);
    // Every relevant solution with its grade, best first: the ideal ranking.
    const ideal = Object.entries(query.relevant)
      .flatMap(([label, grade]) => Array.from({ length: countOf.get(label) ?? 0 }, () => grade))
      .sort((a, b) => b - a);
    const relevantCount = ideal.length;
    const found = grades.filter((g) => g > 0).length;
    const dcg = (gs: number[]) => gs.slice(0, 10).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
    const idcg = dcg(ideal);
    perQuery.push({
      q: query.q,
      kind: query.kind,
      recall: relevantCount === 0 ? 1 : found / Math.min(10, relevantCount),
      ndcg: idcg === 0 ? 1 : dcg(grades) / idcg,
      top,
    });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { recall: mean(perQuery.map((p) => p.recall)), ndcg: mean(perQuery.map((p) => p.ndcg)), perQuery };
}
