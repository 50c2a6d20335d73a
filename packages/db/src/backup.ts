import { sql } from 'drizzle-orm';
import { selectRows, type Database } from './client';

/**
 * Dumps the embedded database as plain SQL (INSERT statements) that a PostgreSQL 15 server (`psql -f`)
 * and PGlite both load: the documented way from the embedded default to a server. For a PostgreSQL source use
 * the server's own pg_dump.
 */
export async function backupEmbedded(database: Database): Promise<string> {
  if (!database.pglite) throw new Error('Backup reads the embedded database; for a PostgreSQL server use pg_dump.');
  // Imported here: only the command line's backup needs it, and the server starts without it.
  const { pgDump } = await import('@electric-sql/pglite-tools/pg_dump');
  const file = await pgDump({ pg: database.pglite, args: ['--no-owner', '--no-privileges', '--quote-all-identifiers'] });
  // pg_dump resets the search path on the single connection; put it back for the running app.
  await database.pglite.exec('SET search_path TO "$user", public');
  return portableDump(await file.text());
}

/**
 * Removes what an older server cannot run: psql meta-commands (`\restrict`) and settings that
 * appeared after PostgreSQL 15 (`transaction_timeout`).
 */
export function portableDump(dump: string): string {
  return dump
    .split('\n')
    .filter((line) => !line.startsWith('\\') && !/^SET transaction_timeout\b/.test(line))
    .join('\n');
}

export class RestoreTargetNotEmptyError extends Error {
  constructor() {
    super('The target database already has Varde tables. Restore into a new, empty database or data directory.');
  }
}

/** Loads a dump made by `backupEmbedded` into an empty database (embedded or server), in one transaction. */
export async function restoreDump(database: Database, dump: string, databaseUrl?: string): Promise<void> {
  const [row] = await selectRows<{ t: string | null }>(database.db, sql`select to_regclass('public.municipalities') as t`);
  if (row?.t) throw new RestoreTargetNotEmptyError();
  const script = `BEGIN;\n${portableDump(dump)}\nCOMMIT;`;
  if (database.pglite) {
    await database.pglite.exec(script);
    await database.pglite.exec('SET search_path TO "$user", public');
    return;
  }
  // A dedicated connection: the dump changes session settings that pooled connections must not keep.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(script);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
