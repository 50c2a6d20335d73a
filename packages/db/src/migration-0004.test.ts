/**
 * Migration 0004 on a database that has data: the confirmations table, then every stored scheme
 * document and saved version in the second scheme model and saved searches' owner filter as an owner
 * id, in one transaction after the SQL, once. Runs on PGlite, or on PostgreSQL with DATABASE_URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheme } from '@varde/contracts/schemes';
import { migrationsFolder, runMigrations, schema, selectRows, type Database } from './index';
import { openUnmigratedDatabase, type UnmigratedDatabase } from './test-fixtures/unmigrated-database';
import { regionalV1, schemeV1 } from './test-fixtures/scheme-v1';

let database: Database;
let old: UnmigratedDatabase;

beforeAll(async () => {
  old = await openUnmigratedDatabase();
  database = old.database;
});

afterAll(async () => {
  await old?.close();
});

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

describe('migration 0004', () => {
  it('upgrades stored schemes, their versions and saved searches once, and adds the confirmations table', async () => {
    await old.migrate(old.migrationsBefore('0004'));
    const { db } = database;

    // Data in the shape of 0003: documents of the first model, a saved search by owner name.
    const ipoV1 = schemeV1('forskningsradet-ipo');
    const ipoV2 = schemeV1('forskningsradet-ipo', (s) => {
      s.summary = { nb: 'Endret.', nn: 'Endra.', en: 'Changed.' };
    });
    await db.execute(
      sql`insert into schemes (id, data, version) values ('forskningsradet-ipo', ${json(ipoV2)}, 2), ('prosjektskjonn', ${json(regionalV1)}, 1)`,
    );
    await db.execute(
      sql`insert into scheme_versions (scheme_id, version, data) values ('forskningsradet-ipo', 1, ${json(ipoV1)}), ('forskningsradet-ipo', 2, ${json(ipoV2)}), ('prosjektskjonn', 1, ${json(regionalV1)})`,
    );
    // A user in the shape of 0003 (the table's later columns do not exist yet).
    const [user] = await selectRows<{ id: string }>(
      db,
      sql`insert into users (email, name, password_hash) values ('for-0004@example.org', 'Før', 'x') returning id`,
    );
    const searches = [
      { q: 'innovasjon', owner: 'Norges forskningsråd' },
      { owner: 'Kommunal- og distriktsdepartementet / Statsforvalteren', municipality: '4629' },
      { owner: 'Ukjent eier', funding: 'small' },
      { theme: ['housing'] },
    ];
    for (const [i, query] of searches.entries()) {
      await db.execute(sql`insert into saved_searches (user_id, name, query) values (${user!.id}, ${`Søk ${i}`}, ${json(query)})`);
    }

    // 0004 and the migrations after it.
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    expect(await runMigrations(database)).toBe(journal.entries.filter((e) => e.tag >= '0004').length);

    const stored = await db.select().from(schema.schemes).orderBy(asc(schema.schemes.id));
    const versions = await db.select().from(schema.schemeVersions).orderBy(asc(schema.schemeVersions.schemeId), asc(schema.schemeVersions.version));
    for (const doc of [...stored, ...versions].map((r) => r.data)) expect([...Value.Errors(Scheme, doc)]).toEqual([]);
    expect(stored.map((s) => [s.id, s.version, s.data.owner.id])).toEqual([
      ['forskningsradet-ipo', 2, 'forskningsradet'],
      ['prosjektskjonn', 1, 'kommunal-og-distriktsdepartementet'],
    ]);
    expect(versions.map((v) => [v.schemeId, v.version, v.data.summary.nb])).toEqual([
      ['forskningsradet-ipo', 1, 'Om ordningen.'],
      ['forskningsradet-ipo', 2, 'Endret.'],
      ['prosjektskjonn', 1, 'Om ordningen.'],
    ]);
    const regional = stored[1]!.data;
    expect(regional.rounds.map((r) => r.id)).toEqual(['trondelag', 'vestland', 'oslo-og-viken']);
    expect(regional.calls.find((c) => c.id === 'vestland-2023')!.deadline).toEqual({ date: '2022-11-01', time: '12:00', timeSourceId: 'call' });
    expect(regional.calls.find((c) => c.id === 'trondelag-2021')!.deadline).toEqual({ date: '2020-09-01', time: null, timeSourceId: null });

    const saved = await db
      .select({ name: schema.savedSearches.name, query: schema.savedSearches.query })
      .from(schema.savedSearches)
      .orderBy(asc(schema.savedSearches.name));
    expect(saved.map((s) => s.query)).toEqual([
      { q: 'innovasjon', owner: 'forskningsradet' },
      { owner: 'kommunal-og-distriktsdepartementet', municipality: '4629' },
      { funding: 'small' },
      { theme: ['housing'] },
    ]);
    expect(await selectRows(db, sql`select name from reference_data_state where name like 'upgrade:%'`)).toEqual([]);

    // The confirmations table: one row per organisation, scheme (or none) and condition.
    const [org] = await db.insert(schema.organisations).values({ type: 'partner', name: 'Etter 0004' }).returning();
    const expiresAt = new Date('2027-01-01T00:00:00Z');
    await db
      .insert(schema.conditionConfirmations)
      .values({ organisationId: org!.id, schemeId: null, conditionId: 'membership:digifin', confirmedBy: user!.id, expiresAt });
    await db
      .insert(schema.conditionConfirmations)
      .values({ organisationId: org!.id, schemeId: 'prosjektskjonn', conditionId: 'political_anchoring', expiresAt });
    await expect(
      db.insert(schema.conditionConfirmations).values({ organisationId: org!.id, schemeId: null, conditionId: 'membership:digifin', expiresAt }),
    ).rejects.toThrow();
    await expect(
      db.insert(schema.conditionConfirmations).values({ organisationId: org!.id, schemeId: 'prosjektskjonn', conditionId: 'political_anchoring', expiresAt }),
    ).rejects.toThrow();
    // Deleting the user keeps the confirmation without a name; deleting the organisation removes it.
    await db.delete(schema.users).where(eq(schema.users.id, user!.id));
    expect((await db.select().from(schema.conditionConfirmations)).map((c) => c.confirmedBy)).toEqual([null, null]);
    await db.delete(schema.organisations).where(eq(schema.organisations.id, org!.id));
    expect(await db.select().from(schema.conditionConfirmations)).toEqual([]);
  });

  it('runs again after an interrupted upgrade, leaving upgraded documents alone, and not at all otherwise', async () => {
    const { db } = database;
    const before = await db.select().from(schema.schemes).orderBy(asc(schema.schemes.id));
    // An old document that slipped in (as if the upgrade had stopped half-way) and the upgrade's row.
    await db.execute(sql`insert into schemes (id, data) values ('digifin', ${json(schemeV1('digifin', (s) => void (s.owner = { name: 'KS', url: null })))})`);
    await db.execute(sql`insert into reference_data_state (name, checksum) values ('upgrade:0004_scheme_model_v2', 'pending')`);
    expect(await runMigrations(database)).toBe(0);
    const after = await db.select().from(schema.schemes).orderBy(asc(schema.schemes.id));
    expect(after.find((s) => s.id === 'digifin')!.data.owner.id).toBe('ks');
    expect(after.filter((s) => s.id !== 'digifin')).toEqual(before);
    expect(await selectRows(db, sql`select name from reference_data_state where name like 'upgrade:%'`)).toEqual([]);

    await db.execute(sql`update schemes set data = ${json(schemeV1('digifin'))} where id = 'digifin'`);
    expect(await runMigrations(database)).toBe(0);
    // Without the row nothing runs: the document stays as it is.
    const [digifin] = await db.select().from(schema.schemes).where(eq(schema.schemes.id, 'digifin'));
    expect((digifin!.data as unknown as { lifecycle?: unknown }).lifecycle).toBeUndefined();
  });
});
