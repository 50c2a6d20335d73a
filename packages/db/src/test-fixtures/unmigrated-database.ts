/**
 * For migration tests: an empty database (PGlite, or a new database on the PostgreSQL server of
 * DATABASE_URL) that a test migrates up to a point, fills in the shape of then, and migrates on.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createDb, migrationsFolder, type Database } from '../index';

export interface UnmigratedDatabase {
  database: Database;
  /** Runs the migrations of `folder` (by default every migration). */
  migrate(folder?: string): Promise<void>;
  /** The migrations folder as it was before the migration tagged `tag` (e.g. `0004`). */
  migrationsBefore(tag: string): string;
  close(): Promise<void>;
}

export async function openUnmigratedDatabase(): Promise<UnmigratedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'varde-migrations-'));
  let database: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `varde_migration_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    database = await createDb({ databaseUrl: dbUrl.toString(), migrate: false, poolSize: 2 });
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await createDb({ migrate: false });
  }
  return {
    database,
    async migrate(folder = migrationsFolder) {
      if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: folder });
      else await migratePg(database.db as never, { migrationsFolder: folder });
    },
    migrationsBefore(tag) {
      const folder = join(dir, `before-${tag}`);
      cpSync(migrationsFolder, folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.tag < tag);
      writeFileSync(journalPath, JSON.stringify(journal));
      return folder;
    },
    async close() {
      await database.close();
      await dropDatabase?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
