/**
 * Two workers on one database send each mail once: each claims due mail with `FOR UPDATE SKIP LOCKED`
 * and a lease. On PostgreSQL the second worker has its own connection pool, as a second app server
 * would; on the embedded database (one connection) the two take turns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb, type Database } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { loadConfig } from '../../config';
import { createServices } from '../../services';
import { createUser } from '../../test/factories';
import { startTestSmtp, testClock, type TestSmtp } from '../../test/smtp';

const onPostgres = inject('dbKind') === 'postgres';
const MAILS = 40;

let database: TestDatabase;
let second: Database;
let smtp: TestSmtp;

beforeAll(async () => {
  database = await createTestDatabase();
  second = onPostgres ? await createDb({ databaseUrl: database.url!, migrate: false }) : database;
  smtp = await startTestSmtp();
});

afterAll(async () => {
  if (second !== database) await second?.close();
  await smtp?.close();
  await database?.close();
});

describe(`two workers on one ${onPostgres ? 'PostgreSQL' : 'embedded database'}`, () => {
  it(`send each of ${MAILS} mails exactly once`, async () => {
    const clock = testClock();
    const config = loadConfig({}, { smtpUrl: smtp.url, publicUrl: 'https://varde.example.org' });
    const one = createServices(database.db, config, { now: clock.now });
    const two = createServices(second.db, config, { now: clock.now });
    const inviter = await createUser(database.db);
    const expiresAt = new Date(clock.now().getTime() + 86_400_000);
    for (let i = 0; i < MAILS; i++) {
      await database.db.transaction((tx) =>
        one.mailService.queueInvitation(
          {
            to: `worker-${i}@example.org`,
            language: 'nb',
            organisation: 'Tydal kommune',
            role: 'member',
            inviter: 'Test',
            inviterId: inviter.id,
            url: `https://varde.example.org/invitasjon/${'x'.repeat(43)}`,
            expiresAt,
          },
          tx,
        ),
      );
    }
    // Both at once, in small batches, several rounds each.
    const rounds = await Promise.all([
      ...Array.from({ length: 3 }, () => one.mailService.deliverDue(3)),
      ...Array.from({ length: 3 }, () => two.mailService.deliverDue(3)),
    ]);
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(MAILS);
    expect(rounds.every((r) => r.failed === 0)).toBe(true);
    const received = await smtp.waitFor(MAILS);
    expect(received).toHaveLength(MAILS);
    expect(new Set(received.map((m) => m.to[0])).size).toBe(MAILS);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(MAILS);
    // Nothing is left to send.
    expect(await one.mailService.deliverDue()).toEqual({ sent: 0, failed: 0 });
    one.mailService.close();
    two.mailService.close();
  });
});
