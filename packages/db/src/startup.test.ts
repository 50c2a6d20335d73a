/**
 * What a start skips when nothing changed, and the cluster template new data directories start from
 * (docs/decisions/008-compiled-server-build.md).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { clusterTemplateDir, createDb, prepareClusterTemplate, runMigrations, schema, schemeCatalogueDir, seedReferenceData, selectRows } from './index';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('a start on an up-to-date database', () => {
  it('finds no pending migration without running the migrator', async () => {
    expect(await runMigrations(database)).toBe(0);
  });

  it('skips the scheme catalogue while its files are unchanged, and imports them again when they change', async () => {
    const again = await seedReferenceData(database.db);
    expect(again.skipped).toBe(true);
    expect(again.schemes).toMatchObject({ skipped: true, inserted: 0, updated: 0 });
    expect(again.schemes.unchanged).toBeGreaterThanOrEqual(15);

    const forced = await seedReferenceData(database.db, undefined, { force: true });
    expect(forced.schemes).toMatchObject({ skipped: false, inserted: 0, updated: 0, unchanged: again.schemes.unchanged });

    const dir = mkdtempSync(join(tmpdir(), 'varde-schemes-'));
    try {
      cpSync(schemeCatalogueDir, dir, { recursive: true });
      const file = join(dir, 'klimasats.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { summary: { nb: string } };
      data.summary.nb = `${data.summary.nb} Endret igjen.`;
      writeFileSync(file, JSON.stringify(data));
      const changed = await seedReferenceData(database.db, undefined, { schemeDir: dir });
      expect(changed.schemes).toMatchObject({ skipped: false, updated: 1 });
      expect((await seedReferenceData(database.db, undefined, { schemeDir: dir })).schemes.skipped).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Back to the shipped files: they differ from the last import, so they are read and imported again.
    const back = await seedReferenceData(database.db);
    expect(back.schemes).toMatchObject({ skipped: false, updated: 1 });
    const [klimasats] = await database.db.select().from(schema.schemes).where(eq(schema.schemes.id, 'klimasats'));
    expect(klimasats!.data.summary.nb).not.toMatch(/Endret igjen\.$/);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('cluster template for new data directories', () => {
  it('is kept per PGlite version', () => {
    const version = (
      JSON.parse(readFileSync(new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
    expect(clusterTemplateDir('/cache')).toBe(`/cache/pglite-${version}-cluster`);
  });

  it('starts a new data directory from the template, migrated, and leaves an existing one alone', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'varde-cluster-'));
    try {
      const template = join(dir, 'template');
      expect(await prepareClusterTemplate(template)).toBe(true);
      expect(await prepareClusterTemplate(template)).toBe(false);
      expect(existsSync(join(template, 'PG_VERSION'))).toBe(true);

      const dataDir = join(dir, 'db');
      const first = await createDb({ dataDir, clusterTemplate: template });
      const tables = await selectRows<{ n: number }>(first.db, sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
      expect(tables[0]!.n).toBeGreaterThan(10);
      await first.db.insert(schema.referenceDataState).values({ name: 'startup-test', checksum: 'kept' });
      await first.close();

      // The directory now holds a cluster: it is opened, not copied over.
      const second = await createDb({ dataDir, clusterTemplate: template });
      const kept = await second.db.select().from(schema.referenceDataState).where(eq(schema.referenceDataState.name, 'startup-test'));
      expect(kept).toHaveLength(1);
      await second.close();

      // A copy cut short (no PG_VERSION yet) is not taken for a cluster: the next start copies again.
      const cut = join(dir, 'cut');
      cpSync(template, cut, { recursive: true });
      unlinkSync(join(cut, 'PG_VERSION'));
      const third = await createDb({ dataDir: cut, clusterTemplate: template });
      expect(await runMigrations(third)).toBe(0);
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
