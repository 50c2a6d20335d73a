/**
 * Migrates and seeds one template database per test run (the `data` project's globalSetup in
 * vitest.config.ts); each test file then gets its own copy from database.ts (PostgreSQL: CREATE
 * DATABASE … TEMPLATE; PGlite: a dump of a migrated in-memory instance).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, seedReferenceData } from '@varde/db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a dump to load. PostgreSQL: name of the template database. */
    dbTemplate: string;
    dbKind: 'pglite' | 'postgres';
  }
}

export const TEMPLATE_DB = 'varde_test_template';

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const database = await createDb({ databaseUrl: templateUrl.toString(), poolSize: 1 });
    await seedReferenceData(database.db);
    await database.close();
    project.provide('dbTemplate', TEMPLATE_DB);
    project.provide('dbKind', 'postgres');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await createDb();
  await seedReferenceData(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = mkdtempSync(join(tmpdir(), 'varde-test-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', file);
  project.provide('dbKind', 'pglite');
  return () => rmSync(dir, { recursive: true, force: true });
}
