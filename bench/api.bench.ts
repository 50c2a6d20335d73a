/**
 * Load on the municipality API: embedded PGlite and PostgreSQL side by side with a bare Fastify route
 * that returns the same JSON from memory. Then cold start of the compiled server on a new and on an
 * existing data directory, and its restart after kill -9 (`BENCH_COLD_RUNS`, default 5 each;
 * `BENCH_COLD_ONLY=1` for these rows alone). Run with
 * `npm run bench` (builds, and starts a throwaway PostgreSQL 15 when it can).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { createDb, seedReferenceData, type Database } from '@varde/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { freePort, machine, startServer, stop, waitFor } from './support';

const duration = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 10;
const detailCode = '5033';

interface Result {
  target: string;
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(target: string, route: string, url: string): Promise<Result> {
  const result = await autocannon({ url, connections, duration });
  return {
    target,
    route,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return `http://127.0.0.1:${port}`;
}

async function appFor(database: Database) {
  const app = await buildApp({ config: loadConfig({}, { webMode: 'none' }), database });
  return { app, url: await listen(app) };
}

async function main() {
  console.log(`Machine: ${machine()}; autocannon ${connections} connections × ${duration} s per row\n`);
  const dir = mkdtempSync(join(tmpdir(), 'varde-bench-'));
  if (process.env.BENCH_COLD_ONLY) {
    // `BENCH_COLD_ONLY=1 node --import tsx bench/api.bench.ts`: the cold start rows alone (after `npm run build`).
    console.log(await coldStart(dir));
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const results: Result[] = [];
  const targets: { name: string; url: string; close: () => Promise<void> }[] = [];

  const pglite = await createDb({ dataDir: join(dir, 'pglite') });
  await seedReferenceData(pglite.db);
  const embedded = await appFor(pglite);
  targets.push({
    name: 'PGlite',
    url: embedded.url,
    close: async () => {
      await embedded.app.close();
      await pglite.close();
    },
  });

  if (process.env.DATABASE_URL) {
    const server = await createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 10 });
    await seedReferenceData(server.db);
    const pgApp = await appFor(server);
    targets.push({
      name: 'PostgreSQL',
      url: pgApp.url,
      close: async () => {
        await pgApp.app.close();
        await server.close();
      },
    });
  } else {
    console.log('DATABASE_URL is not set: PostgreSQL rows skipped (npm run bench starts a throwaway server when PostgreSQL 15 is installed).\n');
  }

  // The same JSON bodies, served from memory by a bare route: the floor the real routes are compared to.
  const listBody = await (await fetch(`${embedded.url}/api/municipalities`)).text();
  const detailBody = await (await fetch(`${embedded.url}/api/municipalities/${detailCode}`)).text();
  const bare = Fastify();
  bare.get('/api/municipalities', (_req, reply) => reply.type('application/json').send(listBody));
  bare.get('/api/municipalities/:code', (_req, reply) => reply.type('application/json').send(detailBody));
  const bareUrl = await listen(bare);

  for (const route of ['/api/municipalities', `/api/municipalities/${detailCode}`]) {
    results.push(await load('bare (memory)', route, bareUrl + route));
    for (const target of targets) results.push(await load(target.name, route, target.url + route));
  }
  await bare.close();
  for (const target of targets) await target.close();

  console.log('| route | backend | req/s | p50 ms | p99 ms | vs bare | errors |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const floor = results.find((b) => b.route === r.route && b.target === 'bare (memory)')!;
    console.log(`| ${r.route} | ${r.target} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / floor.rps).toFixed(2)} | ${r.errors} |`);
  }

  console.log(`\n${await coldStart(dir)}`);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Cold start of the compiled server (`npm start` after its build): process start to the first 200 from
 * `GET /ordninger`, the scheme finder page. Each run makes a new data directory (started on it, stopped
 * cleanly), starts again on the existing directory and kills that server with SIGKILL right after its
 * first answer, then restarts after the kill.
 */
/**
 * CPU time (user + system, all threads) a process has used so far, from /proc on Linux (clock ticks of
 * 10 ms); undefined elsewhere. Unlike the wall time, it barely moves with other work on the machine.
 */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function coldStart(dir: string): Promise<string> {
  const runs = Number(process.env.BENCH_COLD_RUNS ?? 5);
  const port = await freePort();
  const page = `http://127.0.0.1:${port}/ordninger`;
  const cases = { new: [] as number[], existing: [] as number[], killed: [] as number[] };
  const cpu = new Map<number[], number[]>([
    [cases.new, []],
    [cases.existing, []],
    [cases.killed, []],
  ]);
  const loads: number[] = [];
  const timedStart = async (dataDir: string, into: number[]): Promise<ChildProcess> => {
    const started = performance.now();
    const child = startServer({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`))));
    exited.catch(() => {});
    await Promise.race([waitFor(page), exited]);
    into.push(performance.now() - started);
    const used = cpuMsOf(child.pid);
    if (used !== undefined) cpu.get(into)!.push(used);
    loads.push(loadavg()[0]!);
    return child;
  };
  for (let run = 0; run < runs; run++) {
    const dataDir = join(dir, `cold-${run}`);
    await stop(await timedStart(dataDir, cases.new));
    const killed = await timedStart(dataDir, cases.existing);
    await new Promise((resolve) => {
      killed.once('exit', resolve);
      killed.kill('SIGKILL');
    });
    await stop(await timedStart(dataDir, cases.killed));
  }
  const median = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  };
  const row = (label: string, ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const used = cpu.get(ms)!;
    return `| ${label} | ${Math.round(median(ms))} | ${Math.round(sorted[0]!)}–${Math.round(sorted[sorted.length - 1]!)} | ${ms.map((m) => Math.round(m)).join(', ')} | ${used.length ? Math.round(median(used)) : '—'} |`;
  };
  return [
    `Cold start, compiled server (apps/server/dist/server.js): process start → first 200 from GET /ordninger; ${runs} runs each; load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
    '',
    '| case | median ms | range ms | runs ms | server CPU ms (median) |',
    '|---|---|---|---|---|',
    row('new data directory', cases.new),
    row('existing data directory', cases.existing),
    row('existing data directory after kill -9', cases.killed),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
