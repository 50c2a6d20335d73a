/**
 * Norwegian search on the database (PGlite, and PostgreSQL with scripts/with-postgres.sh): the
 * relevance floor over the committed relevance set (recall@10 ≥ 0.8, nDCG@10 ≥ 0.7), highlighting,
 * filters, sorting, the typo fallback, and withdrawn or hidden solutions leaving the results.
 */
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolutionSearchResult } from '@varde/contracts/search-api';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp } from '../../test/factories';
import { readRelevanceSet, scoreRelevance, seedRelevanceSet } from './relevance-set';
import { createSearchRepository } from './search.repository';
import { createSearchService, type SearchService } from './search.service';

let database: TestDatabase;
let search: SearchService;
let judgedAs: Map<string, string>;
let app: FastifyInstance;
const set = readRelevanceSet();

const idsOf = (label: string) => [...judgedAs].filter(([, l]) => l === label).map(([id]) => id);
const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const hits = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text);

beforeAll(async () => {
  database = await createTestDatabase();
  // The app seeds the real solutions (data/solutions); the relevance set adds its examples.
  app = await createTestApp(database);
  judgedAs = await seedRelevanceSet(database.db, set);
  search = createSearchService({ repo: createSearchRepository(database.db), exampleData: true });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('relevance', () => {
  it('meets the floor over the relevance set: recall@10 ≥ 0.8, nDCG@10 ≥ 0.7', async () => {
    expect(await search.catchUp()).toBe(judgedAs.size);
    // Nothing is stale right after (PostgreSQL keeps microseconds, the index row milliseconds).
    expect(await search.catchUp()).toBe(0);
    const score = await scoreRelevance(search, set, judgedAs);
    const weak = score.perQuery.filter((p) => p.recall < 0.8 || p.ndcg < 0.7);
    console.info(
      `search relevance (${database.kind}): recall@10 ${score.recall.toFixed(3)}, nDCG@10 ${score.ndcg.toFixed(3)} over ${score.perQuery.length} queries; weak: ${weak.map((w) => `${w.q} (${w.recall.toFixed(2)}/${w.ndcg.toFixed(2)})`).join(', ') || 'none'}`,
    );
    expect(score.recall).toBeGreaterThanOrEqual(0.8);
    expect(score.ndcg).toBeGreaterThanOrEqual(0.7);
  });
});

describe('search', () => {
  it('finds a bokmål solution for a nynorsk query and marks the matched words', async () => {
    const result = await search.searchSolutions({ q: 'løysing for heimetenesta' });
    const bokmal = result.items.find((i) => i.language === 'nb' && plain(i.title).startsWith('Ny løsning for'));
    expect(bokmal, JSON.stringify(result.items.map((i) => plain(i.title)))).toBeDefined();
    expect(hits(bokmal!.title)).toEqual(['løsning', 'hjemmetjenesten']);
    expect(result.matched).toBe('all');
  });

  it('finds compounds by their parts and inflected forms', async () => {
    const result = await search.searchSolutions({ q: 'teknologi' });
    expect(result.items.some((i) => hits(i.title).some((h) => /velferdsteknologi/i.test(h)))).toBe(true);
    const forms = await search.searchSolutions({ q: 'kommunane' });
    expect(forms.total).toBeGreaterThan(0);
  });

  it('falls back to similar words for a misspelt word, and says which', async () => {
    const result = await search.searchSolutions({ q: 'velferdsteknolgi' });
    expect(result.matched).toBe('similar');
    expect(result.similarWords).toContain('velferdsteknologi');
    expect(result.items.length).toBeGreaterThanOrEqual(3);
  });

  it('filters by theme and maturity, and sorts by newest', async () => {
    const all = await search.searchSolutions({ q: 'kommunen' });
    const health = await search.searchSolutions({ q: 'kommunen', theme: 'health_care' });
    expect(health.total).toBeGreaterThan(0);
    expect(health.total).toBeLessThan(all.total);
    expect(health.items.every((i) => i.themes.includes('health_care'))).toBe(true);
    const pilots = await search.searchSolutions({ q: 'kommunen', maturity: 'pilot' });
    expect(pilots.items.every((i) => i.maturity === 'pilot')).toBe(true);
    const newest = await search.searchSolutions({ q: 'kommunen', sort: 'newest' });
    const dates = newest.items.map((i) => i.publishedAt!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('tries no fallback when the filters, not the words, leave nothing', async () => {
    const all = await search.searchSolutions({ q: 'kulturkort' });
    expect(all.total).toBeGreaterThan(0);
    const none = await search.searchSolutions({ q: 'kulturkort', centrality: 1, theme: 'housing' });
    expect(none).toMatchObject({ total: 0, totalCapped: false, matched: 'all', similarWords: [] });
    // Without filters a misspelt word still falls back.
    expect((await search.searchSolutions({ q: 'kulturkrot' })).matched).toBe('similar');
  });

  it('filters by owner county and centrality, and by adopters, and sorts by most adopted', async () => {
    const [org] = await database.db
      .select({ id: schema.organisations.id, code: schema.organisations.municipalityCode })
      .from(schema.organisations)
      .where(eq(schema.organisations.municipalityCode, '5033'));
    const [adopter] = await database.db
      .select({ id: schema.organisations.id })
      .from(schema.organisations)
      .where(eq(schema.organisations.municipalityCode, '0301'));
    const [owned, adopted] = idsOf('everyday_rehab');
    await database.db.insert(schema.solutionOwners).values({ solutionId: owned!, organisationId: org!.id });
    await database.db.update(schema.solutions).set({ updatedAt: new Date() }).where(eq(schema.solutions.id, owned!));
    await database.db
      .insert(schema.solutionAdoptions)
      .values({ solutionId: adopted!, organisationId: adopter!.id, municipalityCode: '0301', state: 'uses', date: '2025-01-01' });
    await search.solutionChanged(owned!);
    // Tydal (5033) is in Trøndelag (50), centrality class 6.
    const byCounty = await search.searchSolutions({ q: 'rehabilitering', county: '50' });
    expect(byCounty.items.map((i) => i.id)).toEqual([owned]);
    expect(byCounty.items[0]!.owners).toEqual([expect.any(String)]);
    const byClass = await search.searchSolutions({ q: 'rehabilitering', centrality: 6 });
    expect(byClass.items.map((i) => i.id)).toEqual([owned]);
    // Oslo (03) through its adoption.
    expect((await search.searchSolutions({ q: 'rehabilitering', county: '03' })).items.map((i) => i.id)).toEqual([adopted]);
    const withAdopters = await search.searchSolutions({ q: 'rehabilitering', adopted: true });
    expect(withAdopters.items.map((i) => [i.id, i.adopters])).toEqual([[adopted, 1]]);
    const mostAdopted = await search.searchSolutions({ q: 'rehabilitering', sort: 'adopted' });
    expect(mostAdopted.items[0]!.id).toBe(adopted);
  });

  it('leaves out withdrawn and hidden solutions at once', async () => {
    const ids = idsOf('culture_card');
    const before = await search.searchSolutions({ q: 'kulturkort' });
    expect(before.total).toBe(ids.length);
    await database.db.update(schema.solutions).set({ status: 'withdrawn' }).where(eq(schema.solutions.id, ids[0]!));
    await database.db.update(schema.solutions).set({ hidden: true }).where(eq(schema.solutions.id, ids[1]!));
    const after = await search.searchSolutions({ q: 'kulturkort' });
    expect(after.total).toBe(ids.length - 2);
    await database.db
      .update(schema.solutions)
      .set({ status: 'published', hidden: false })
      .where(inArray(schema.solutions.id, ids.slice(0, 2)));
  });

  it('answers over HTTP, publicly, and refuses a query that is too long with the field named', async () => {
    const ok = await app.inject({ method: 'GET', url: `/api/search/solutions?q=${encodeURIComponent('løysing heimetenesta')}&sort=relevance` });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as SolutionSearchResult).total).toBeGreaterThan(0);
    const long = await app.inject({ method: 'GET', url: `/api/search/solutions?q=${'a'.repeat(201)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].path).toBe('q');
    const empty = await app.inject({ method: 'GET', url: '/api/search/solutions?q=og%20i' });
    expect((empty.json() as SolutionSearchResult).total).toBe(0);
  });
});
