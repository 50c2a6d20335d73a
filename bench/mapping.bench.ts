/**
 * Participation mapping at scale (issue 15): 50,000 example records (a seeded generator's, never
 * shipped or tested) beside the 767 real ones, on PostgreSQL (when DATABASE_URL is set; `npm run bench`
 * starts a throwaway server) and on the embedded database.
 *
 * Reported per query: p50 and p95 over `BENCH_MAPPING_RUNS` runs (default 40) after 3 warm-up runs.
 * "SQL" rows time the repository's aggregate queries alone; the others go through Fastify in-process
 * (`inject`: permission, validation, service, serialisation), as the page's loaders call them. "page"
 * is what /kartlegging loads at once: the analytics and the map measures in parallel. Targets: every
 * analytics query p95 ≤ 50 ms on PostgreSQL, the whole page ≤ 150 ms server time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createDb, schema, seedReferenceData, type Database } from '@varde/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { createMappingRepository } from '../apps/server/src/modules/mapping/mapping.repository';
import { addMember, createOrganisation, createUser, signIn, type Client } from '../apps/server/src/test/factories';
import { machine } from './support';

const RECORDS = Number(process.env.BENCH_MAPPING_RECORDS ?? 50_000);
const RUNS = Number(process.env.BENCH_MAPPING_RUNS ?? 40);

interface Row {
  database: string;
  query: string;
  p50: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function measure(label: string, database: string, work: () => Promise<unknown>): Promise<Row> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { database, query: label, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function ok(app: FastifyInstance, url: string, client?: Client) {
  const response = await app.inject({ url, headers: client?.headers ?? {} });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return response;
}

async function run(database: Database, label: string, databaseUrl: string | undefined): Promise<Row[]> {
  await seedReferenceData(database.db);
  const app = await buildApp({ config: loadConfig({}, { webMode: 'none', loginRateLimit: 1000, exampleData: true, databaseUrl }), database });
  await app.ready();
  try {
    const stored = await app.services.participationService.replaceExamples(15, RECORDS);
    console.log(`${label}: ${stored.toLocaleString('en')} example records stored beside the real ones.`);
    // A county authority for Trøndelag; half its municipalities share their pipeline, each with an item.
    const db = database.db;
    const region = await createOrganisation(db, { type: 'county_authority', name: 'Trøndelag fylkeskommune (bench)', countyCode: '50' });
    const adviser = await createUser(db);
    await addMember(db, region.id, adviser.id);
    const client = await signIn(app, adviser.email);
    const trondelag = (await app.services.municipalityService.list({ county: '50' })).items;
    const orgs = await db.select({ id: schema.organisations.id, code: schema.organisations.municipalityCode }).from(schema.organisations);
    const schemeId = (await app.services.catalogueService.catalogue()).schemes[0]!.id;
    for (const [i, m] of trondelag.entries()) {
      const org = orgs.find((o) => o.code === m.code);
      if (!org || i % 2) continue;
      await db.insert(schema.pipelineSharing).values({ organisationId: org.id, sharePipelineWithAdvisers: true });
      await db.insert(schema.pipelineItems).values({ organisationId: org.id, schemeId, callId: '', status: 'preparing' });
    }
    const repo = createMappingRepository(db);
    const all = { from: null, to: null, includeExamples: true, codes: null };
    const rows: Row[] = [];
    const m = async (name: string, work: () => Promise<unknown>) => {
      const row = await measure(name, label, work);
      console.log(`  ${name}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`);
      rows.push(row);
    };
    await m('SQL: aggregates (all years)', () => repo.aggregates(all));
    await m('SQL: aggregates (2018–2025)', () => repo.aggregates({ ...all, from: 2018, to: 2025 }));
    await m('SQL: coverage', () => repo.coverage(all));
    await m('GET /api/mapping', () => ok(app, '/api/mapping'));
    await m('GET /api/mapping?class=5&class=6', () => ok(app, '/api/mapping?class=5&class=6'));
    await m('GET /api/mapping?county=50&from=2020', () => ok(app, '/api/mapping?county=50&from=2020'));
    await m('GET /api/mapping/map', () => ok(app, '/api/mapping/map'));
    await m('GET /api/mapping/gap', () => ok(app, '/api/mapping/gap'));
    await m('GET /api/mapping/open-calls', () => ok(app, '/api/mapping/open-calls'));
    await m('GET /api/mapping/municipalities/5033', () => ok(app, '/api/mapping/municipalities/5033'));
    await m('GET /api/organisations/{id}/region (Trøndelag)', () => ok(app, `/api/organisations/${region.id}/region`, client));
    await m('GET /api/open-data/tables/schemes.csv', () => ok(app, '/api/open-data/tables/schemes.csv'));
    await m('page: /api/mapping + /api/mapping/map in parallel', () =>
      Promise.all([ok(app, '/api/mapping?class=5&class=6'), ok(app, '/api/mapping/map?class=5&class=6')]),
    );
    return rows;
  } finally {
    await app.close();
  }
}

console.log(`Participation mapping benchmark: ${RECORDS.toLocaleString('en')} example records, ${RUNS} runs per query. Machine: ${machine()}\n`);
const results: Row[] = [];
if (process.env.DATABASE_URL) {
  const server = await createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 10 });
  try {
    results.push(...(await run(server, 'PostgreSQL 15', process.env.DATABASE_URL)));
  } finally {
    await server.close();
  }
} else {
  console.log('DATABASE_URL is not set: PostgreSQL rows skipped (npm run bench starts a throwaway server).\n');
}
const dir = mkdtempSync(join(tmpdir(), 'varde-bench-mapping-'));
try {
  const pglite = await createDb({ dataDir: join(dir, 'pglite') });
  try {
    results.push(...(await run(pglite, 'PGlite (embedded)', undefined)));
  } finally {
    await pglite.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log('\n| database | query | p50 | p95 |');
console.log('|---|---|---|---|');
for (const r of results) console.log(`| ${r.database} | ${r.query} | ${ms(r.p50)} | ${ms(r.p95)} |`);
