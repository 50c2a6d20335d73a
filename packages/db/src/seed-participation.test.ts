/** The shipped participation records: all of them load, with their sources, and a start with unchanged files skips them. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, countDistinct, eq, isNull, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { participationDataDir, schema, seedParticipationDataset } from './index';

const { participationRecords: records } = schema;
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('the participation data set', () => {
  it('loads all 767 records of 246 municipalities, each with its source and quote', async () => {
    const [totals] = await database.db
      .select({ records: count(), municipalities: countDistinct(records.municipalityCode), schemes: countDistinct(records.schemeKey) })
      .from(records);
    expect(totals).toEqual({ records: 767, municipalities: 246, schemes: 22 });
    const [unsourced] = await database.db
      .select({ n: count() })
      .from(records)
      .where(or(isNull(records.sourceUrl), isNull(records.evidence)));
    expect(unsourced!.n).toBe(0);
    // Prosjektskjønn is spelt two ways in the source lists: one scheme, linked to the catalogue.
    const [prosjektskjonn] = await database.db.select({ n: count() }).from(records).where(eq(records.schemeId, 'prosjektskjonn'));
    expect(prosjektskjonn!.n).toBe(176);
  });

  it('skips unchanged files, and updates a changed record in place', async () => {
    expect(await seedParticipationDataset(database.db)).toMatchObject({ skipped: true });
    expect(await seedParticipationDataset(database.db, undefined, { force: true })).toEqual({ skipped: false, inserted: 0, updated: 0, deleted: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'varde-participation-'));
    try {
      cpSync(participationDataDir, dir, { recursive: true });
      const file = join(dir, 'participation.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { records: { amountNOK: number | null }[] };
      data.records[0]!.amountNOK = 499_999;
      data.records.pop();
      writeFileSync(file, JSON.stringify(data));
      expect(await seedParticipationDataset(database.db, dir)).toEqual({ skipped: false, inserted: 0, updated: 1, deleted: 1 });
      expect(await seedParticipationDataset(database.db)).toEqual({ skipped: false, inserted: 1, updated: 1, deleted: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
