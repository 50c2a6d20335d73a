import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema';
import type { AppDb, DbOrTx } from './db-types';
import { copyClusterTemplate } from './cluster-template';
import { lockDataDir } from './lock';

export type { AppDb, DbOrTx, Schema } from './db-types';

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
  /**
   * A cleanly closed, empty PGlite cluster (`prepareClusterTemplate`) to copy into a data directory that
   * has none yet, instead of PGlite running initdb there. Ignored when the directory exists or the
   * template is missing.
   */
  clusterTemplate?: string;
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

/**
 * Applies the migrations the database does not have yet and returns how many there were. Drizzle's
 * migrator applies every migration newer than the newest one recorded; when that is already the newest
 * in the journal, the migrator (which reads and hashes every file and runs five statements) is skipped.
 * A migration that rewrites stored documents leaves a row `upgrade:<tag>` in `reference_data_state`;
 * those data upgrades run next (data-upgrades.ts), each in one transaction, and again at the next start
 * if one was interrupted.
 */
export async function runMigrations(database: Database): Promise<number> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const { applied, upgradesPending } = await migrationState(database.db);
  const pending = journal.entries.filter((entry) => applied === null || entry.when > applied).length;
  if (pending === 0 && !upgradesPending) return 0;
  if (pending > 0) {
    if (database.kind === 'pglite') {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(database.db as never, { migrationsFolder });
    } else {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      await migrate(database.db as never, { migrationsFolder });
    }
  }
  const { runDataUpgrades } = await import('./data-upgrades');
  await runDataUpgrades(database.db);
  return pending;
}

/**
 * `created_at` (the journal's `when`) of the newest applied migration, or null on a new database, and
 * whether a data upgrade is waiting: two queries, as cheap as reading the newest migration alone.
 */
async function migrationState(db: AppDb): Promise<{ applied: number | null; upgradesPending: boolean }> {
  const [tables] = await selectRows<{ migrations: string | null; state: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as migrations, to_regclass('public.reference_data_state')::text as state`,
  );
  if (!tables?.migrations) return { applied: null, upgradesPending: false };
  const upgrades = tables.state ? sql`(select count(*) from reference_data_state where name like 'upgrade:%')` : sql`0`;
  const [row] = await selectRows<{ at: string | number | null; upgrades: string | number }>(
    db,
    sql`select (select max(created_at) from drizzle.__drizzle_migrations) as at, ${upgrades} as upgrades`,
  );
  return { applied: row?.at === null || row?.at === undefined ? null : Number(row.at), upgradesPending: Number(row?.upgrades ?? 0) > 0 };
}

/**
 * Writes the embedded database's changed pages to its files now. A start that migrated or loaded data
 * calls it, so that after a `kill -9` the next start replays little write-ahead log. PostgreSQL servers
 * checkpoint on their own.
 */
export async function checkpoint(database: Database): Promise<void> {
  await database.pglite?.exec('CHECKPOINT');
}

// The drivers are imported when used: a server on PGlite does not load node-postgres, and one on
// PostgreSQL does not load PGlite.
async function openPostgres(options: CreateDbOptions): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
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
  const [{ PGlite }, { drizzle: drizzlePglite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  let unlock: (() => Promise<void>) | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
  }
  let client: PGlite;
  try {
    if (options.dataDir && options.clusterTemplate && !options.loadDataDir && !existsSync(join(options.dataDir, 'PG_VERSION'))) {
      await copyClusterTemplate(options.clusterTemplate, options.dataDir);
    }
    client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      // A smaller buffer pool keeps the embedded server's memory modest; the data set is small.
      postgresqlconf: ['shared_buffers=32MB'],
      // pg_trgm for the search's typo fallback (migration 0009, ADR 014); PostgreSQL has it in contrib.
      extensions: { pg_trgm },
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
