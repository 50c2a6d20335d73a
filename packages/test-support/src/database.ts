/**
 * A private database for one test file (or one test), copied from the template that global-setup.ts
 * migrated and seeded once per run. Used by the data tests of packages/db and apps/server.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Database } from '@varde/db';

/** Close it in afterAll/afterEach; on PostgreSQL closing also drops the copy. */
export type TestDatabase = Database & { url?: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('dbTemplate');
  if (inject('dbKind') === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const name = `varde_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const database = await createDb({ databaseUrl: dbUrl.toString(), migrate: false, poolSize: 4 });
    return {
      ...database,
      url: dbUrl.toString(),
      close: async () => {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  return createDb({ loadDataDir: new Blob([readFileSync(template)]), migrate: false });
}
