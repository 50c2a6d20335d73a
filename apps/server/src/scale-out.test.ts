/**
 * Stateless app servers on one PostgreSQL: a session created through one instance is honoured by
 * another, because sessions live in the database. Runs in the PostgreSQL pass of the data suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb, type Database } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn } from './test/factories';

const onPostgres = inject('dbKind') === 'postgres';

describe.skipIf(!onPostgres)('two app instances on one PostgreSQL', () => {
  let shared: TestDatabase;
  let secondPool: Database;
  beforeAll(async () => {
    shared = await createTestDatabase();
    // The second instance opens its own connection pool, as a separate server process would.
    secondPool = await createDb({ databaseUrl: shared.url!, migrate: false });
  });
  afterAll(async () => {
    await secondPool?.close();
    await shared?.close();
  });

  it('honours a session created on the other instance, and its sign-out', async () => {
    const first = await createTestApp(shared);
    const second = await createTestApp(secondPool);
    const org = await municipalityOrganisation(shared.db, '5033');
    const user = await createUser(shared.db);
    await addMember(shared.db, org.id, user.id);

    const client = await signIn(first, user.email);
    const members = await second.inject({ url: `/api/organisations/${org.id}/members`, headers: client.headers });
    expect(members.statusCode).toBe(200);
    const write = await second.inject({ method: 'PUT', url: '/api/auth/preferences', headers: client.headers, payload: { language: 'nn' } });
    expect(write.statusCode).toBe(204);

    expect((await second.inject({ method: 'POST', url: '/api/auth/logout', headers: client.headers })).statusCode).toBe(204);
    const after = await first.inject({ url: `/api/organisations/${org.id}/members`, headers: client.headers });
    expect(after.statusCode).toBe(401);
    await first.close();
    await second.close();
  });
});
