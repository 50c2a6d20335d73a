/**
 * Participation imports at scale: 10,000 and 50,000 rows on PostgreSQL, 10,000 on the embedded
 * database (its cap). Each run uploads a generated CSV (example data from a seed, never shipped or
 * tested), which reads the file and runs the dry run, then commits every row in one transaction.
 *
 * Reported per run: the time of each step; the process's peak memory (RSS; on PGlite the database
 * runs inside the process and is included, a PostgreSQL server is not); and how long other requests
 * had to wait, measured by a probe that asks for one municipality's records every 20 ms while the
 * import runs (the longest probe = the blocking time; on PGlite the commit's transaction holds every
 * other request), and the longest stall of Node's event loop (parsing and checking rows is CPU work).
 * Requests go through Fastify in-process (`inject`), as the browser's would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { createDb, seedReferenceData, type Database } from '@varde/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { exampleCsv, exampleRecords } from '../apps/server/src/modules/participation/example-data';
import { createUser, signIn, type Client } from '../apps/server/src/test/factories';
import { machine } from './support';

const sizes = (process.env.BENCH_IMPORT_ROWS ?? '10000,50000').split(',').map(Number);

interface Result {
  database: string;
  rows: number;
  uploadMs: number;
  commitMs: number;
  undoMs: number;
  peakRssMb: number;
  addedRssMb: number;
  probeMaxMs: number;
  probeMedianMs: number;
  probes: number;
  eventLoopMaxMs: number;
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function expectStatus(response: { statusCode: number; body: string }, status: number, what: string) {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body.slice(0, 300)}`);
}

async function run(app: FastifyInstance, client: Client, label: string, rows: number, seed: number): Promise<Result> {
  const { participationService } = app.services;
  const municipalities = [...(await participationService.municipalityNames()).all.keys()];
  const schemes = (await participationService.directory()).entries;
  const csv = Buffer.from(exampleCsv(exampleRecords({ seed, count: rows, municipalities, schemes })));
  global.gc?.();

  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const probeTimes: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const started = performance.now();
      const response = await app.inject({ url: '/api/participation?municipality=0301' });
      if (response.statusCode !== 200) throw new Error(`probe: ${response.statusCode}`);
      probeTimes.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  const [uploaded, uploadMs] = await time(() =>
    app.inject({ method: 'POST', url: '/api/participation-imports?name=bench.csv', headers: { ...client.headers, 'content-type': 'text/csv' }, payload: csv }),
  );
  await expectStatus(uploaded, 201, 'upload');
  const detail = uploaded.json() as { id: string; dryRun: { valid: number; invalid: number } };
  if (detail.dryRun.valid !== rows || detail.dryRun.invalid !== 0) throw new Error(`dry run: ${JSON.stringify(detail.dryRun)}`);
  const [committed, commitMs] = await time(() =>
    app.inject({ method: 'POST', url: `/api/participation-imports/${detail.id}/commit`, headers: client.headers }),
  );
  await expectStatus(committed, 200, 'commit');
  probing = false;
  await probe;
  loop.disable();
  clearInterval(sampler);
  // Undo (removes every record again), so the next run starts from the same table.
  const [undone, undoMs] = await time(() =>
    app.inject({ method: 'POST', url: `/api/participation-imports/${detail.id}/undo`, headers: client.headers, payload: { remove: [] } }),
  );
  await expectStatus(undone, 200, 'undo');

  const sorted = [...probeTimes].sort((a, b) => a - b);
  return {
    database: label,
    rows,
    uploadMs,
    commitMs,
    undoMs,
    peakRssMb: mb(peak),
    addedRssMb: mb(peak - baseline),
    probeMaxMs: sorted.at(-1) ?? 0,
    probeMedianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    probes: sorted.length,
    eventLoopMaxMs: loop.max / 1e6,
  };
}

async function withApp(database: Database, config: Parameters<typeof loadConfig>[1], work: (app: FastifyInstance, client: Client) => Promise<void>) {
  await seedReferenceData(database.db);
  const app = await buildApp({ config: loadConfig({}, { webMode: 'none', loginRateLimit: 1000, ...config }), database });
  await app.ready();
  try {
    const admin = await createUser(database.db, { isPlatformAdmin: true });
    await work(app, await signIn(app, admin.email));
  } finally {
    await app.close();
  }
}

const results: Result[] = [];
console.log(`Participation import benchmark. Machine: ${machine()}\n`);

if (process.env.DATABASE_URL) {
  const server = await createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 10 });
  try {
    await withApp(server, { databaseUrl: process.env.DATABASE_URL }, async (app, client) => {
      for (const [i, rows] of sizes.entries()) results.push(await run(app, client, 'PostgreSQL 15', rows, 100 + i));
    });
  } finally {
    await server.close();
  }
} else {
  console.log('DATABASE_URL is not set: PostgreSQL rows skipped (npm run bench starts a throwaway server).\n');
}

const dir = mkdtempSync(join(tmpdir(), 'varde-bench-import-'));
try {
  const pglite = await createDb({ dataDir: join(dir, 'pglite') });
  try {
    await withApp(pglite, { databaseUrl: undefined }, async (app, client) => {
      results.push(await run(app, client, 'PGlite (embedded)', Math.min(10_000, ...sizes), 200));
    });
  } finally {
    await pglite.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
console.log(
  '| database | rows | upload + dry run | commit | undo | peak RSS (added) | blocking: longest other request (median, probes) | longest event-loop stall |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.database} | ${r.rows.toLocaleString('en')} | ${ms(r.uploadMs)} | ${ms(r.commitMs)} | ${ms(r.undoMs)} | ${r.peakRssMb} MB (+${r.addedRssMb} MB) | ${ms(r.probeMaxMs)} (${ms(r.probeMedianMs)}, ${r.probes}) | ${ms(r.eventLoopMaxMs)} |`,
  );
}
