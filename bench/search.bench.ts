/**
 * Norwegian search (ADR 014) on PGlite and, with DATABASE_URL (scripts/with-postgres.sh), PostgreSQL:
 * recall@10 and nDCG@10 over the relevance set (data/search/relevance.json), then the library padded
 * to 20,000 solutions with SYNTHETIC ones (texts of random dictionary words, titles marked as generated
 * test data) and the server time of the search service: p50 and p95 over the relevance queries, with
 * and without filters, and the worst query.
 *
 *   node --import tsx bench/search.bench.ts
 *   scripts/with-postgres.sh node --import tsx bench/search.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb, readSearchLexicon, seedReferenceData, selectRows, type Database } from '@varde/db';
import { insertSolutions, readRelevanceSet, scoreRelevance, seedRelevanceSet, type SeedDoc } from '../apps/server/src/modules/search/relevance-set';
import { createSearchRepository } from '../apps/server/src/modules/search/search.repository';
import { createSearchService } from '../apps/server/src/modules/search/search.service';
import { machine } from './support';

const total = Number(process.env.BENCH_SEARCH_SOLUTIONS ?? 20_000);
const rounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 5);
const themes = ['health_care', 'education_childhood', 'climate_environment', 'digitalisation', 'community_business', 'planning', 'culture', 'housing'];

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic solutions of about 1 KB: words from the lexicon, Zipf-like (a few common, a long tail). */
function synthetic(count: number): SeedDoc[] {
  const words = readSearchLexicon().parts.filter((w) => w.length >= 4);
  const common = ['kommunen', 'kommunene', 'tjenesten', 'innbyggerne', 'løsningen', 'prosjektet', 'digital', 'samarbeid', 'kommunane', 'tenesta'];
  const next = random(2026);
  const word = () => (next() < 0.15 ? common[Math.floor(next() * common.length)]! : words[Math.floor(next() ** 2.5 * words.length)]!);
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    language: next() < 0.3 ? 'nn' : 'nb',
    title: `${sentence(4)} (syntetisk testdata ${i})`,
    summary: `${sentence(20)}.`,
    problem: `${sentence(40)}.`,
    whatWasDone: `${sentence(60)}.`,
    quote: null,
    themes: [themes[i % themes.length]!],
    maturity: (['idea', 'pilot', 'in_operation', 'spread'] as const)[i % 4]!,
    publishedAt: new Date(Date.UTC(2016 + (i % 10), i % 12, 1 + (i % 27))),
  }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(database: Database) {
  const set = readRelevanceSet();
  const search = createSearchService({ repo: createSearchRepository(database.db), exampleData: true });
  const [existing] = await selectRows<{ count: number }>(database.db, sql`select count(*)::integer as count from solutions`);
  if ((existing?.count ?? 0) < total) {
    await seedReferenceData(database.db);
    const judged = await seedRelevanceSet(database.db, set);
    await search.catchUp();
    const score = await scoreRelevance(search, set, judged);
    console.log(
      `relevance over ${judged.size} solutions: recall@10 ${score.recall.toFixed(3)}, nDCG@10 ${score.ndcg.toFixed(3)} (${set.queries.length} queries)`,
    );
    for (const kind of ['nb', 'nn', 'mixed', 'compound', 'typo']) {
      const of = score.perQuery.filter((p) => p.kind === kind);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(
        `  ${kind.padEnd(8)} ${String(of.length).padStart(2)} queries: recall@10 ${mean(of.map((p) => p.recall)).toFixed(3)}, nDCG@10 ${mean(of.map((p) => p.ndcg)).toFixed(3)}`,
      );
    }
    let started = performance.now();
    await insertSolutions(database.db, synthetic(total - judged.size));
    const inserted = performance.now() - started;
    started = performance.now();
    await search.catchUp();
    console.log(`${total} solutions: inserted in ${(inserted / 1000).toFixed(1)} s, indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log(`${existing!.count} solutions already there (BENCH_SEARCH_DIR): latency only`);
    await search.catchUp();
  }
  const slowest = new Map<string, number>();

  const filters = [
    {},
    { theme: 'health_care' as const },
    { county: '50' },
    { maturity: 'pilot' as const, sort: 'newest' as const },
    { adopted: true },
    { sort: 'adopted' as const },
  ];
  for (const [label, variants] of [
    ['without filters', [{}]],
    ['with filters', filters.slice(1)],
  ] as const) {
    const times: { q: string; ms: number }[] = [];
    // One warm-up pass, then the measured rounds.
    for (let round = 0; round <= rounds; round++) {
      for (const query of set.queries) {
        for (const extra of variants) {
          const t = performance.now();
          await search.searchSolutions({ q: query.q, ...extra });
          const ms = performance.now() - t;
          if (round > 0) {
            times.push({ q: `${query.q} ${JSON.stringify(extra)}`, ms });
            slowest.set(query.q, Math.max(slowest.get(query.q) ?? 0, ms));
          }
        }
      }
    }
    const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
    const worst = times.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(
      `search ${label} (n=${times.length}): p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, worst ${worst.ms.toFixed(1)} ms (${worst.q})`,
    );
  }
  if (process.env.BENCH_SEARCH_VERBOSE) {
    for (const [q, ms] of [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${q}`);
  }
}

console.log(`Search benchmark — ${machine()}`);
if (process.env.DATABASE_URL) {
  const database = await createDb({ databaseUrl: process.env.DATABASE_URL });
  try {
    console.log('PostgreSQL');
    await run(database);
  } finally {
    await database.close();
  }
} else {
  // BENCH_SEARCH_DIR keeps the embedded database between runs (a second run measures only).
  const kept = process.env.BENCH_SEARCH_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'varde-search-bench-'));
  const database = await createDb({ dataDir: dir });
  try {
    console.log('PGlite');
    await run(database);
  } finally {
    await database.close();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}
