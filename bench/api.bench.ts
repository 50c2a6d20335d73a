/**
 * Load on the municipality API: embedded PGlite and PostgreSQL side by side with a bare Fastify route
 * that returns the same JSON from memory. Then cold start of the server process on a new and on an
 * existing data directory, and its restart after kill -9. Run with `npm run bench` (starts a
 * throwaway PostgreSQL 15 when it can).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  // Cold start: process start to the first successful answer from the API.
  const port = await freePort();
  const dataDir = join(dir, 'cold');
  const cold: string[] = [];
  for (const label of ['new data directory', 'existing data directory']) {
    const started = performance.now();
    const child = startServer({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
    await waitFor(`http://127.0.0.1:${port}/api/municipalities/${detailCode}`);
    cold.push(`| ${label} | ${Math.round(performance.now() - started)} |`);
    await stop(child);
  }
  // Restart after kill -9: the killed server leaves its lock behind; the next one takes it over at once.
  const killed = startServer({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitFor(`http://127.0.0.1:${port}/api/municipalities/${detailCode}`);
  await new Promise((resolve) => {
    killed.once('exit', resolve);
    killed.kill('SIGKILL');
  });
  const restarted = performance.now();
  const child = startServer({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the restarted server exited with code ${code}`))));
  await Promise.race([waitFor(`http://127.0.0.1:${port}/api/municipalities/${detailCode}`), exited]);
  cold.push(`| restart after kill -9 (existing data directory) | ${Math.round(performance.now() - restarted)} |`);
  await stop(child);
  console.log('\n| cold start (server process → first API answer) | ms |\n|---|---|');
  for (const line of cold) console.log(line);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
