/**
 * Migration 0003 on a database that has data: each organisation's shared calendar address is retired
 * (its hash kept, so the feed route can answer 410), the new feeds hang on memberships, and saved
 * searches get their stored notification checks. Runs on PGlite, or on PostgreSQL with DATABASE_URL.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrationsFolder, schema, selectRows, type Database } from './index';

let database: Database;
let dropDatabase: (() => Promise<void>) | undefined;
const dir = mkdtempSync(join(tmpdir(), 'varde-migrations-'));

/** The migrations folder as it was before 0003. */
function migrationsBefore0003() {
  const folder = join(dir, 'migrations');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < '0003');
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

async function migrate(folder: string) {
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: folder });
  else await migratePg(database.db as never, { migrationsFolder: folder });
}

beforeAll(async () => {
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
});

afterAll(async () => {
  await database?.close();
  await dropDatabase?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0003', () => {
  it('retires the shared calendar addresses and ties new ones to memberships', async () => {
    await migrate(migrationsBefore0003());
    const { db } = database;
    const [org] = await db.insert(schema.organisations).values({ type: 'partner', name: 'Før 0003' }).returning();
    // Users in the shape of 0002 (the table's later columns do not exist yet).
    const [user] = await selectRows<{ id: string }>(
      db,
      sql`insert into users (email, name, password_hash) values ('for-0003@example.org', 'Før', 'x') returning id`,
    );
    await db.insert(schema.memberships).values({ organisationId: org!.id, userId: user!.id, role: 'member' });
    const created = new Date('2025-03-01T08:00:00Z');
    // The shape of 0002: one shared address per organisation.
    await db.execute(
      sql`insert into calendar_feeds (organisation_id, token_hash, created_at) values (${org!.id}, 'old-shared-hash', ${created.toISOString()})`,
    );

    await migrate(migrationsFolder);

    const retired = await db.select().from(schema.retiredCalendarFeeds);
    expect(retired).toEqual([{ tokenHash: 'old-shared-hash', organisationId: org!.id, createdAt: created, retiredAt: expect.any(Date) }]);
    expect(await db.select().from(schema.calendarFeeds)).toEqual([]);

    // A member's own address; no address without a membership; removing the member removes it.
    await db.insert(schema.calendarFeeds).values({ organisationId: org!.id, userId: user!.id, tokenHash: 'member-hash' });
    const [stranger] = await selectRows<{ id: string }>(
      db,
      sql`insert into users (email, name, password_hash) values ('fremmed-0003@example.org', 'Fremmed', 'x') returning id`,
    );
    await expect(db.insert(schema.calendarFeeds).values({ organisationId: org!.id, userId: stranger!.id, tokenHash: 'stranger-hash' })).rejects.toThrow();
    await db.delete(schema.memberships).where(eq(schema.memberships.userId, user!.id));
    expect(await db.select().from(schema.calendarFeeds)).toEqual([]);
    expect(await db.select().from(schema.retiredCalendarFeeds)).toHaveLength(1);

    await db.insert(schema.notificationChecks).values({ userId: user!.id, catalogueStamp: '1:1:x', osloDay: '2025-03-01' });
    expect((await db.select().from(schema.notificationChecks))[0]).toMatchObject({ osloDay: '2025-03-01' });
  });
});
