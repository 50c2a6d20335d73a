import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createDb, DataDirLockedError, referenceDataDir, schema, schemeCatalogueDir, seedReferenceData } from './index';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const reference = JSON.parse(readFileSync(join(referenceDataDir, 'municipalities.json'), 'utf8')) as {
  code: string;
  populationLatest: number;
  centralityClass: number;
  centralityIndex: number;
}[];

describe('reference data', () => {
  it('holds all 357 municipalities with the population and centrality of the source file', async () => {
    const rows = await database.db.select().from(schema.municipalities);
    expect(rows).toHaveLength(357);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const m of reference) {
      const row = byCode.get(m.code)!;
      expect(row.population, m.code).toBe(m.populationLatest);
      expect(row.centralityClass, m.code).toBe(m.centralityClass);
      expect(row.centralityIndex, m.code).toBe(m.centralityIndex);
    }
  });

  it('has 15 counties, one organisation per municipality and symmetric neighbours', async () => {
    const [counties] = await database.db.select({ n: sql<number>`count(*)::int` }).from(schema.counties);
    expect(counties!.n).toBe(15);
    const orgs = await database.db.select().from(schema.organisations).where(eq(schema.organisations.type, 'municipality'));
    expect(new Set(orgs.map((o) => o.municipalityCode)).size).toBe(357);
    const pairs = await database.db.select().from(schema.municipalityNeighbours);
    const keys = new Set(pairs.map((p) => `${p.code}:${p.neighbourCode}:${p.kind}`));
    for (const p of pairs) expect(keys.has(`${p.neighbourCode}:${p.code}:${p.kind}`)).toBe(true);
    expect(pairs.filter((p) => p.kind === 'land')).toHaveLength(738 * 2);
  });

  it('changes nothing when seeded again', async () => {
    expect((await seedReferenceData(database.db)).skipped).toBe(true);
    const { skipped, schemes, participation, solutions, ...report } = await seedReferenceData(database.db, undefined, { force: true });
    expect(skipped).toBe(false);
    for (const part of Object.values(report)) expect(part).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(participation).toEqual({ skipped: false, inserted: 0, updated: 0, deleted: 0 });
    expect(solutions).toEqual({ skipped: false, inserted: 0, updated: 0 });
    expect(schemes).toMatchObject({ inserted: 0, updated: 0 });
    expect(schemes.unchanged).toBeGreaterThanOrEqual(15);
  });

  it('imports a changed scheme file as a new version and keeps the old one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'varde-schemes-'));
    try {
      cpSync(schemeCatalogueDir, dir, { recursive: true });
      const file = join(dir, 'klimasats.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { summary: { nb: string } };
      data.summary.nb = `${data.summary.nb} Endret.`;
      writeFileSync(file, JSON.stringify(data));
      const report = await seedReferenceData(database.db, undefined, { schemeDir: dir });
      expect(report.schemes).toMatchObject({ inserted: 0, updated: 1 });
      const versions = await database.db.select().from(schema.schemeVersions).where(eq(schema.schemeVersions.schemeId, 'klimasats'));
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
      expect(versions.find((v) => v.version === 2)!.data.summary.nb).toMatch(/Endret\.$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await seedReferenceData(database.db);
    }
  });

  it('updates rows from a changed data file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'varde-ref-'));
    try {
      cpSync(referenceDataDir, dir, { recursive: true });
      const file = join(dir, 'municipalities.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { code: string; populationLatest: number }[];
      data.find((m) => m.code === '5033')!.populationLatest = 800;
      writeFileSync(file, JSON.stringify(data));
      const report = await seedReferenceData(database.db, dir);
      expect(report.municipalities).toEqual({ inserted: 0, updated: 1, deleted: 0 });
      const [tydal] = await database.db.select().from(schema.municipalities).where(eq(schema.municipalities.code, '5033'));
      expect(tydal!.population).toBe(800);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await seedReferenceData(database.db);
    }
  });
});

describe('embedded data directory', () => {
  it('refuses a second process-level opener and reopens after close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'varde-lock-')), 'db');
    const first = await createDb({ dataDir: dir });
    try {
      await expect(createDb({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(createDb({ dataDir: dir })).rejects.toThrow(/already open in another Varde process/);
    } finally {
      await first.close();
    }
    const again = await createDb({ dataDir: dir });
    await again.ping();
    await again.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });
});
