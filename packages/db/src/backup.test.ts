import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, selectRows, type Database } from './client';
import { backupEmbedded, restoreDump, RestoreTargetNotEmptyError } from './backup';
import { schema } from './index';
import { seedReferenceData } from './seed';

let source: Database;
beforeAll(async () => {
  source = await createDb();
  await seedReferenceData(source.db);
  await source.db.insert(schema.users).values({ email: 'kari@example.org', name: 'Kari Ås', passwordHash: 'x' });
});
afterAll(async () => {
  await source?.close();
});

/** An empty target of the kind this run tests: PostgreSQL when DATABASE_URL is set, else PGlite. */
async function emptyTarget(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await createDb({ migrate: false });
    return { database, drop: () => database.close() };
  }
  const name = `varde_restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDb({ databaseUrl: url.toString(), migrate: false });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe('backup and restore', () => {
  it('moves the embedded database into an empty database with data and migration state intact', async () => {
    const dump = await backupEmbedded(source);
    expect(dump).toContain('INSERT INTO');
    // The source stays usable after the dump.
    expect((await source.db.select().from(schema.users)).map((u) => u.name)).toEqual(['Kari Ås']);

    const target = await emptyTarget();
    try {
      await restoreDump(target.database, dump, target.url);
      const [count] = await selectRows<{ n: number }>(target.database.db, sql`select count(*)::int as n from municipalities`);
      expect(count!.n).toBe(357);
      const [user] = await target.database.db.select().from(schema.users).where(eq(schema.users.email, 'kari@example.org'));
      expect(user!.name).toBe('Kari Ås');
      // Migrations recorded in the dump count as applied: migrating again is a no-op.
      await createDb(target.url ? { databaseUrl: target.url } : { migrate: false }).then((d) => d.close());
      const [migrations] = await selectRows<{ n: number }>(target.database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(migrations!.n).toBeGreaterThan(0);
      await expect(restoreDump(target.database, dump, target.url)).rejects.toBeInstanceOf(RestoreTargetNotEmptyError);
    } finally {
      await target.drop();
    }
    // A dump and two restores of the whole database: over half a minute on a busy two-core machine.
  }, 120_000);
});
