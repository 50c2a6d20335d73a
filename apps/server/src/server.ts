/**
 * Process entry: configuration, logger, database, listen, graceful close.
 * `--dev` serves the web app through Vite's middleware instead of the built files.
 */
import { createDb, DataDirLockedError, seedReferenceData } from '@varde/db';
import { buildApp } from './app';
import { loadConfig } from './config';

const config = loadConfig(process.env, { webMode: process.argv.includes('--dev') ? 'dev' : 'built' });
const logger = {
  level: config.logLevel,
  redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
};

async function main() {
  const startedAt = Date.now();
  let database;
  try {
    database = await createDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const seed = await seedReferenceData(database.db);
  const app = await buildApp({ config, database, logger });
  app.log.info({ database: database.kind, location: database.location, seed }, 'database ready');

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Varde is ready at ${config.publicUrl} (started in ${Date.now() - startedAt} ms)`);
}

main().catch((error: unknown) => {
  // PGlite prints whole minified chunks on some errors; the message is enough.
  console.error(error instanceof Error ? (error.stack ?? error.message).slice(0, 4000) : error);
  process.exit(1);
});
