/**
 * Server-rendered pages under load (issue: fast pages). Each row runs autocannon with 50 connections
 * against the built web app served by the real server, and against a bare Fastify route that sends
 * the same bytes from memory: the floor a page is compared to. Rows: the finder, the finder for one
 * municipality and a scheme page, in bokmål, plain and with `Accept-Encoding: gzip`; anonymous on
 * PGlite and PostgreSQL, and the finder for a signed-in member. Also the render time of one page when
 * nothing is cached, and for the signed-in finder the server CPU per page and the p99 latency as the
 * number of connections grows (the concurrency the 400 ms target holds up to). Run with `npm run bench`
 * (starts a throwaway PostgreSQL 15 when it can).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { createDb, schema, seedReferenceData, type Database } from '@varde/db';
import { eq } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { hashPassword } from '../apps/server/src/modules/auth/passwords';
import { freePort, machine } from './support';

const duration = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 50;
const pages = ['/ordninger', '/ordninger?municipality=1151', '/ordninger/klimasats'];
const sweep = [1, 2, 4, 8, 16, 32, 50];
const sweepSeconds = Number(process.env.BENCH_SWEEP_SECONDS ?? 4);
const p99Target = 400;
const memberEmail = 'bench-member@example.org';
const memberPassword = 'bench-member-password-2026';

interface Row {
  page: string;
  encoding: 'plain' | 'gzip';
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function listen(app: FastifyInstance): Promise<string> {
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return `http://127.0.0.1:${port}`;
}

async function load(url: string, headers: Record<string, string>, options: { connections?: number; duration?: number } = {}) {
  const result = await autocannon({ url, connections: options.connections ?? connections, duration: options.duration ?? duration, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * Server CPU per page (user + system time of this process, one request at a time, in-process so that
 * no HTTP client shares the count). On PGlite it includes the embedded database; on PostgreSQL the
 * database's own process is not counted.
 */
async function cpuPerPage(app: FastifyInstance, url: string, headers: Record<string, string>): Promise<{ cpu: number; wall: number }> {
  const get = async () => {
    const response = await app.inject({ method: 'GET', url, headers });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
  };
  for (let i = 0; i < 20; i += 1) await get();
  const n = 60;
  const started = performance.now();
  const before = process.cpuUsage();
  for (let i = 0; i < n; i += 1) await get();
  const used = process.cpuUsage(before);
  return { cpu: (used.user + used.system) / 1000 / n, wall: (performance.now() - started) / n };
}

/** A member of the municipality's organisation, signed in: the session cookie for the page requests. */
async function memberCookie(database: Database, baseUrl: string, municipalityCode: string): Promise<string> {
  const [organisation] = await database.db.select().from(schema.organisations).where(eq(schema.organisations.municipalityCode, municipalityCode));
  const [user] = await database.db
    .insert(schema.users)
    .values({ email: memberEmail, name: 'Benk Medlem', passwordHash: await hashPassword(memberPassword) })
    .onConflictDoNothing()
    .returning();
  if (user) await database.db.insert(schema.memberships).values({ organisationId: organisation!.id, userId: user.id, role: 'member' });
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: memberEmail, password: memberPassword }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('varde_session='));
  return cookie!.split(';')[0]!;
}

/** Median time to render one page when nothing is cached: the first request after each cache clear. */
async function missTime(app: FastifyInstance, url: string): Promise<number | undefined> {
  const times: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    app.renderCache?.clear();
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'nb' } });
    if (response.statusCode !== 200 || response.headers['x-render-cache'] !== 'miss') return undefined;
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[4];
}

async function main() {
  console.log(`Machine: ${machine()}; autocannon ${connections} connections × ${duration} s per row\n`);
  const dir = mkdtempSync(join(tmpdir(), 'varde-bench-pages-'));
  const backends: { name: string; database: Database }[] = [];
  const pglite = await createDb({ dataDir: join(dir, 'pglite') });
  await seedReferenceData(pglite.db);
  backends.push({ name: 'PGlite', database: pglite });
  if (process.env.DATABASE_URL) {
    const server = await createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 10 });
    await seedReferenceData(server.db);
    backends.push({ name: 'PostgreSQL', database: server });
  } else {
    console.log('DATABASE_URL is not set: PostgreSQL rows skipped.\n');
  }

  const rows: Row[] = [];
  const misses: string[] = [];
  const signedIn: string[] = [];
  for (const backend of backends) {
    const app = await buildApp({ config: loadConfig({}, { webMode: 'built', logLevel: 'warn', loginRateLimit: 1000 }), database: backend.database });
    const url = await listen(app);
    // Import the catalogue and warm the renderer before measuring.
    for (const page of pages) await fetch(url + page);

    // The bare floor: the same bytes this backend sends, plain and gzipped, from memory.
    const bodies = new Map<string, Buffer>();
    for (const page of pages) bodies.set(page, Buffer.from(await (await fetch(url + page, { headers: { 'accept-language': 'nb' } })).arrayBuffer()));
    const bare = Fastify();
    bare.get('/*', (request, reply) => {
      const body = bodies.get(request.url) ?? Buffer.alloc(0);
      reply.type('text/html; charset=utf-8');
      if (String(request.headers['accept-encoding'] ?? '').includes('gzip')) {
        return reply.header('content-encoding', 'gzip').send(gzipped.get(request.url));
      }
      return reply.send(body);
    });
    const gzipped = new Map([...bodies].map(([page, body]) => [page, gzipSync(body)]));
    const bareUrl = await listen(bare);

    for (const page of pages) {
      for (const encoding of ['plain', 'gzip'] as const) {
        const headers: Record<string, string> = { 'accept-language': 'nb', ...(encoding === 'gzip' ? { 'accept-encoding': 'gzip' } : {}) };
        if (backend === backends[0]) rows.push({ page, encoding, target: 'bare (memory)', ...(await load(bareUrl + page, headers)) });
        rows.push({ page, encoding, target: `${backend.name}, anonymous`, ...(await load(url + page, headers)) });
      }
      const miss = await missTime(app, page);
      misses.push(`| ${page} | ${backend.name} | ${miss === undefined ? '—' : miss.toFixed(1)} |`);
    }
    const cookie = await memberCookie(backend.database, url, '1151');
    for (const encoding of ['plain', 'gzip'] as const) {
      const headers: Record<string, string> = { 'accept-language': 'nb', cookie, ...(encoding === 'gzip' ? { 'accept-encoding': 'gzip' } : {}) };
      rows.push({ page: '/ordninger', encoding, target: `${backend.name}, signed in (Utsira)`, ...(await load(`${url}/ordninger`, headers)) });
    }
    // Where the signed-in finder's time goes: CPU per page, then p99 as connections grow.
    const headers = { 'accept-language': 'nb', cookie, 'accept-encoding': 'gzip' };
    const { cpu, wall } = await cpuPerPage(app, '/ordninger', headers);
    const p99s: number[] = [];
    for (const c of sweep) p99s.push((await load(`${url}/ordninger`, headers, { connections: c, duration: sweepSeconds })).p99);
    const held = sweep.filter((_, i) => p99s[i]! <= p99Target).at(-1);
    signedIn.push(`| ${backend.name} | ${cpu.toFixed(1)} | ${wall.toFixed(1)} | ${p99s.join(' / ')} | ${held ?? 'none'} |`);
    await bare.close();
    await app.close();
  }
  for (const backend of backends) await backend.database.close();

  console.log('| page | encoding | target | req/s | p50 ms | p99 ms | vs bare | errors |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const floor = rows.find((b) => b.page === r.page && b.encoding === r.encoding && b.target === 'bare (memory)');
    const ratio = floor ? (r.rps / floor.rps).toFixed(2) : '—';
    console.log(`| ${r.page} | ${r.encoding} | ${r.target} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${ratio} | ${r.errors} |`);
  }
  console.log('\n| page (render with nothing cached, median of 9, in-process) | backend | ms |\n|---|---|---|');
  for (const line of misses) console.log(line);
  console.log(
    `\n| signed-in /ordninger (gzip) | server CPU ms per page | ms per page, one at a time | p99 ms at ${sweep.join(' / ')} connections (${sweepSeconds} s each) | p99 ≤ ${p99Target} ms up to |`,
  );
  console.log('|---|---|---|---|---|');
  for (const line of signedIn) console.log(line);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
