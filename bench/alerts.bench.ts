/**
 * Does one user's notification reading slow down everyone else's finder? One signed-in user with the
 * maximum number of saved searches reads their notifications in a closed loop (the list, then the
 * header count, again and again) while other signed-in users of four municipalities search the
 * finder, two requests at a time. The finder's p99 is compared with the same run without the reader
 * (target: within 10 %, or within 5 ms), on PGlite and on PostgreSQL. Reads never run the saved
 * searches (the worker does, ADR 010); a reference row runs the worker's check of the reader's
 * searches before every read, as if the catalogue changed each time, to show what that costs the
 * finder. Requests go through Fastify in-process (`inject`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { limits } from '@varde/contracts';
import { createDb, schema, seedReferenceData, type Database } from '@varde/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { addMember, createUser, municipalityOrganisation, signIn, type Client } from '../apps/server/src/test/factories';
import { machine } from './support';

const finderRequests = Number(process.env.BENCH_ALERTS_REQUESTS ?? 120);
/** The three runs alternate, round after round, so background load on the machine hits them alike. */
const rounds = Number(process.env.BENCH_ALERTS_ROUNDS ?? 10);
const finderConcurrency = 2;
const finderMunicipalities = ['5025', '1804', '0301', '4601'];
const themes = ['health_care', 'education_childhood', 'climate_environment', 'digitalisation', 'community_business', 'planning'] as const;

/** Twenty different saved searches: themes, roles, funding sizes, open calls, free text. */
function searches() {
  const queries: object[] = [
    ...themes.map((theme) => ({ theme: [theme] })),
    ...themes.map((theme) => ({ theme: [theme], role: 'lead' })),
    { funding: 'small' },
    { funding: 'medium' },
    { funding: 'large' },
    { openNow: true },
    { deadlineWithin: 90 },
    { collaboration: 'required' },
    { q: 'innovasjon' },
    { q: 'klima', role: 'partner' },
  ];
  return queries.slice(0, limits.savedSearchesPerUser).map((query, i) => ({ name: `Benchmark-søk ${i + 1}`, query }));
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function ok(app: FastifyInstance, url: string, client: Client) {
  const response = await app.inject({ url, headers: client.headers });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
}

/** `finderRequests` finder requests from `finderConcurrency` closed loops; the latency of each. */
async function finderLoad(app: FastifyInstance, users: Client[]) {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: finderConcurrency }, async () => {
      while (next < finderRequests) {
        const user = users[next++ % users.length]!;
        const started = performance.now();
        await ok(app, '/api/schemes', user);
        times.push(performance.now() - started);
      }
    }),
  );
  return times;
}

type ReaderMode = 'none' | 'stored check' | 'check forced';

/** The finder load, with the reader looping beside it until the load is done. */
async function phase(database: Database, app: FastifyInstance, users: Client[], reader: Client & { id: string }, mode: ReaderMode) {
  let running = true;
  let reads = 0;
  const readTimes: number[] = [];
  const loop = (async () => {
    while (mode !== 'none' && running) {
      if (mode === 'check forced') {
        await database.db.delete(schema.notificationChecks).where(eq(schema.notificationChecks.userId, reader.id));
        await app.services.alertService.checkAll();
      }
      const started = performance.now();
      await ok(app, '/api/notifications', reader);
      await ok(app, '/api/notifications/unread-count', reader);
      readTimes.push(performance.now() - started);
      reads++;
    }
  })();
  const times = await finderLoad(app, users);
  running = false;
  await loop;
  return { times, reads, readTimes };
}

interface Row {
  backend: string;
  mode: ReaderMode;
  p50: number;
  p95: number;
  p99: number;
  reads: number;
  readP50: number | null;
}

async function run(name: string, database: Database, rows: Row[]) {
  await seedReferenceData(database.db);
  const app = await buildApp({ config: loadConfig({}, { webMode: 'none', loginRateLimit: 10_000 }), database });
  await app.ready();
  const userIds: string[] = [];
  try {
    const users: Client[] = [];
    for (const code of finderMunicipalities) {
      const user = await createUser(database.db, { name: `Benchmark ${code}` });
      userIds.push(user.id);
      await addMember(database.db, (await municipalityOrganisation(database.db, code)).id, user.id);
      users.push(await signIn(app, user.email));
    }
    const readerUser = await createUser(database.db, { name: 'Benchmark-leser' });
    userIds.push(readerUser.id);
    await addMember(database.db, (await municipalityOrganisation(database.db, '5033')).id, readerUser.id);
    const reader = { ...(await signIn(app, readerUser.email)), id: readerUser.id };
    for (const search of searches()) {
      const response = await app.inject({ method: 'POST', url: '/api/saved-searches', headers: reader.headers, payload: search });
      if (response.statusCode !== 201) throw new Error(`saved search: ${response.statusCode} ${response.body}`);
    }

    // Warm-up: the catalogue in memory, the JIT, the reader's first check.
    for (let i = 0; i < 40; i++) await ok(app, '/api/schemes', users[i % users.length]!);
    await ok(app, '/api/notifications', reader);

    const collected = new Map<ReaderMode, { times: number[]; reads: number; readTimes: number[] }>();
    for (let round = 0; round < rounds; round++) {
      for (const mode of ['none', 'stored check', 'check forced'] as const) {
        const result = await phase(database, app, users, reader, mode);
        const all = collected.get(mode) ?? { times: [], reads: 0, readTimes: [] };
        all.times.push(...result.times);
        all.readTimes.push(...result.readTimes);
        all.reads += result.reads;
        collected.set(mode, all);
      }
    }
    for (const [mode, { times, reads, readTimes }] of collected) {
      times.sort((a, b) => a - b);
      readTimes.sort((a, b) => a - b);
      rows.push({
        backend: name,
        mode,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        reads,
        readP50: readTimes.length ? percentile(readTimes, 50) : null,
      });
    }
  } finally {
    await app.close();
    if (userIds.length) await database.db.delete(schema.users).where(inArray(schema.users.id, userIds));
  }
}

async function main() {
  console.log(
    `\nNotifications beside the finder: ${limits.savedSearchesPerUser} saved searches read in a loop while ${finderMunicipalities.length} other users ` +
      `search (GET /api/schemes, ${finderConcurrency} at a time, ${finderRequests} requests × ${rounds} rounds per row). Machine: ${machine()}\n`,
  );
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'varde-bench-alerts-'));
  try {
    const pglite = await createDb({ dataDir: join(dir, 'pglite') });
    try {
      await run('PGlite', pglite, rows);
    } finally {
      await pglite.close();
    }
    if (process.env.DATABASE_URL) {
      const server = await createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 10 });
      try {
        await run('PostgreSQL', server, rows);
      } finally {
        await server.close();
      }
    } else {
      console.log('DATABASE_URL is not set: PostgreSQL rows skipped.\n');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    '| backend | notification reader | finder p50 ms | finder p95 ms | finder p99 ms | p99 vs without reader | reader loops (list + count) | reader loop p50 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  let failed = false;
  for (const row of rows) {
    const base = rows.find((r) => r.backend === row.backend && r.mode === 'none')!;
    const ratio = row.p99 / base.p99;
    const withinTarget = ratio <= 1.1 || row.p99 - base.p99 <= 5;
    if (row.mode === 'stored check' && !withinTarget) failed = true;
    const verdict =
      row.mode === 'none'
        ? '—'
        : `${ratio.toFixed(2)}× (${(row.p99 - base.p99).toFixed(2)} ms)${row.mode === 'stored check' ? (withinTarget ? ', within target' : ', OVER TARGET') : ', reference'}`;
    console.log(
      `| ${row.backend} | ${row.mode} | ${row.p50.toFixed(2)} | ${row.p95.toFixed(2)} | ${row.p99.toFixed(2)} | ${verdict} | ${row.reads} | ${row.readP50?.toFixed(2) ?? '—'} |`,
    );
  }
  console.log('\nTarget: with the stored check, the finder p99 stays within 10 % (or 5 ms) of the run without the reader.');
  console.log(
    `Load average at the end (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} — other work on the machine inflates every row alike.`,
  );
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
