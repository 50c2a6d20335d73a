/**
 * Server time of the scheme finder for one municipality, on PGlite and on PostgreSQL: over the real
 * catalogue, and over a catalogue of 500 schemes padded with SYNTHETIC schemes (ids `synthetic-…`,
 * names marked as generated test data) that are removed again afterwards. Requests go through
 * Fastify in-process (`inject`), so the figures are the server's time without the network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { like } from 'drizzle-orm';
import type { Scheme } from '@varde/contracts/schemes';
import { createDb, schema, seedReferenceData, type Database } from '@varde/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { machine } from './support';

const requests = Number(process.env.BENCH_FINDER_REQUESTS ?? 300);
const url = '/api/schemes?municipality=5033';
const themes = ['health_care', 'education_childhood', 'climate_environment', 'digitalisation', 'community_business', 'planning'] as const;
const counties = ['03', '11', '15', '18', '31', '32', '33', '34', '39', '40', '42', '46', '50', '55', '56'];

/** A synthetic scheme made from a real one, varied so filters and verdicts differ. */
function synthetic(base: Scheme, i: number): Scheme {
  const id = `synthetic-${String(i).padStart(4, '0')}`;
  const label = (text: string) => `${text} (syntetisk testdata ${i})`;
  return {
    ...structuredClone(base),
    id,
    name: { nb: label(base.name.nb), nn: label(base.name.nn), en: `${base.name.en} (synthetic test data ${i})` },
    themes: [themes[i % themes.length]!],
    applicants: { ...structuredClone(base.applicants), counties: i % 4 === 0 ? [counties[i % counties.length]!] : null },
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(database: Database) {
  const app = await buildApp({ config: loadConfig({}, { webMode: 'none' }), database });
  await app.ready();
  for (let i = 0; i < 20; i++) await app.inject({ url });
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await app.inject({ url });
    times.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    count = response.json().total;
  }
  await app.close();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), results: count };
}

async function run(name: string, database: Database, rows: string[]) {
  await seedReferenceData(database.db);
  const real = (await database.db.select().from(schema.schemes)).map((r) => r.data);
  const realFigures = await measure(database);
  rows.push(`| ${name} | real (${real.length}) | ${realFigures.results} | ${realFigures.p50.toFixed(2)} | ${realFigures.p95.toFixed(2)} |`);

  const padding = Array.from({ length: 500 - real.length }, (_, i) => synthetic(real[i % real.length]!, i + 1));
  for (let i = 0; i < padding.length; i += 100) {
    await database.db.insert(schema.schemes).values(padding.slice(i, i + 100).map((data) => ({ id: data.id, data })));
  }
  try {
    const big = await measure(database);
    rows.push(`| ${name} | 500 (${padding.length} synthetic) | ${big.results} | ${big.p50.toFixed(2)} | ${big.p95.toFixed(2)} |`);
  } finally {
    await database.db.delete(schema.schemes).where(like(schema.schemes.id, 'synthetic-%'));
  }
}

async function main() {
  console.log(`\nScheme finder (${url}), ${requests} sequential requests in-process after warm-up. Machine: ${machine()}\n`);
  const rows: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'varde-bench-finder-'));
  try {
    const pglite = await createDb({ dataDir: join(dir, 'pglite') });
    await run('PGlite', pglite, rows);
    await pglite.close();
    if (process.env.DATABASE_URL) {
      const server = await createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 10 });
      await run('PostgreSQL', server, rows);
      await server.close();
    } else {
      console.log('DATABASE_URL is not set: PostgreSQL rows skipped.\n');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('| backend | catalogue | results | p50 ms | p95 ms |\n|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
