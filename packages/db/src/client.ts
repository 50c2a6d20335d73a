import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './lock';

export type Schema = typeof schema;
/** One type for both drivers, so queries type-check the same on PGlite and PostgreSQL. */
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type DbOrTx = Pick<AppDb, 'select' | 'insert' | 'update' | 'delete' | 'execute' | 'query' | 'transaction'>;

export interface Database {
  db: AppDb;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: a directory, `memory`, or the server URL without its password. */
  location: string;
  /** The PGlite instance when embedded (for dumps and backups). */
  pglite?: PGlite;
  /** Cheap round trip used by readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL server URL; when set, the embedded database is not used. */
  databaseUrl?: string;
  /** Embedded data directory. Omit for an in-memory database (tests). */
  dataDir?: string;
  /** Start from a PGlite dump (tests clone a migrated template this way). */
  loadDataDir?: Blob | File;
  /** Run pending migrations before returning. Default true. */
  migrate?: boolean;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  const database = options.databaseUrl ? await openPostgres(options) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await runMigrations(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migratePg(database.db as never, { migrationsFolder });
  }
}

async function openPostgres(options: CreateDbOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  // An idle client that loses its server would otherwise crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as AppDb;
  const url = new URL(options.databaseUrl!);
  url.password = '';
  return {
    db,
    kind: 'postgres',
    location: url.toString(),
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

async function openPglite(options: CreateDbOptions): Promise<Database> {
  let unlock: (() => Promise<void>) | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      // A smaller buffer pool keeps the embedded server's memory modest; the data set is small.
      postgresqlconf: ['shared_buffers=32MB'],
    } as never);
  } catch (error) {
    await unlock?.();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as AppDb;
  return {
    db,
    kind: 'pglite',
    location: options.dataDir ?? 'memory',
    pglite: client,
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      await unlock?.();
    },
  };
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function selectRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
