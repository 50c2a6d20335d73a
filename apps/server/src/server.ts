/**
 * Process entry: configuration, logger, database, listen, graceful close.
 * `--dev` serves the web app through Vite's middleware instead of the built files.
 */
import { checkpoint, clusterTemplateDir, createDb, DataDirLockedError, runMigrations, seedReferenceData } from '@varde/db';
import { buildApp } from './app';
import { loadConfig } from './config';
import { startWorker, type Worker } from './worker';

const config = loadConfig(process.env, { webMode: process.argv.includes('--dev') ? 'dev' : 'built' });
const logger = {
  level: config.logLevel,
  redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
};

/** Milliseconds since the process started, per start-up step (logged at debug level). */
const timings: Record<string, number> = { imports: Math.round(performance.now()) };
let last = performance.now();
const step = (name: string) => {
  const now = performance.now();
  timings[name] = Math.round(now - last);
  last = now;
};

async function main() {
  let database;
  try {
    database = await createDb(
      config.databaseUrl
        ? { databaseUrl: config.databaseUrl, migrate: false }
        : { dataDir: config.dataDir, clusterTemplate: clusterTemplateDir(), migrate: false },
    );
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  step('openDatabase');
  let migrations: number;
  try {
    migrations = await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  step('migrations');
  const seed = await seedReferenceData(database.db);
  const loaded = migrations > 0 || !seed.skipped || !seed.schemes.skipped || !seed.participation.skipped;
  if (loaded) await checkpoint(database);
  step('seed');
  let worker: Worker | null = null;
  const app = await buildApp({ config, database, logger, afterWrite: () => worker?.wake() });
  step('buildApp');
  app.log.info({ database: database.kind, location: database.location, migrations, seed }, 'database ready');

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await worker?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  step('listen');
  app.log.debug({ timings }, 'start-up steps (ms)');
  app.log.info(`Varde is ready at ${config.publicUrl} (started in ${Math.round(performance.now())} ms)`);
  if (config.workerIntervalSeconds > 0) worker = startWorker({ jobs: app.services.jobsService, intervalSeconds: config.workerIntervalSeconds, log: app.log });
  if (!config.smtpUrl) app.log.info('SMTP_URL is not set: e-mail stays queued; platform administrators see it at /admin/e-post');
  // First run: no platform administrator yet. The link works from this machine only, for 24 hours.
  const setupLink = await app.services.setupService.linkIfNeeded();
  if (setupLink) {
    app.log.warn(
      `No platform administrator yet. To create one, open ${setupLink} in a browser on this machine within 24 hours (or run: npm run cli -- create-admin).`,
    );
  }
}

main().catch((error: unknown) => {
  // PGlite prints whole minified chunks on some errors; the message is enough.
  console.error(error instanceof Error ? (error.stack ?? error.message).slice(0, 4000) : error);
  process.exit(1);
});
