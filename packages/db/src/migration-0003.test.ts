import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, selectRows, type Database } from './index';
import { openUnmigratedDatabase, type UnmigratedDatabase } from './test-fixtures/unmigrated-database';

let database: Database;
let old: UnmigratedDatabase;

beforeAll(async () => {
  old = await openUnmigratedDatabase();
  database = old.database;
});

afterAll(async () => {
  await old?.close();
});

describe('migration 0003', () => {
  it('retires the shared calendar addresses and ties new ones to memberships', async () => {
    await old.migrate(old.migrationsBefore('0003'));
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

    await old.migrate();

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
