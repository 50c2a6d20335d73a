/**
 * Races between requests. On PostgreSQL the test database has a pool of four connections, so the
 * requests fired together here really run at the same time; PGlite runs one statement at a time and
 * passes them trivially. Each race is repeated, since a single lucky interleaving proves little.
 */
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, signIn, type Client } from '../../test/factories';

const TRIALS = 10;

let database: TestDatabase;
let app: FastifyInstance;
let platformAdmin: Client;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  platformAdmin = await signIn(app, (await createUser(database.db, { isPlatformAdmin: true })).email);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function adminCount(organisationId: string) {
  const { memberships } = schema;
  const [row] = await database.db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
  return row!.n;
}

/** An organisation with two administrators and one member. */
async function twoAdmins() {
  const organisation = await createOrganisation(database.db);
  const a = await createUser(database.db);
  const b = await createUser(database.db);
  await addMember(database.db, organisation.id, a.id, 'admin');
  await addMember(database.db, organisation.id, b.id, 'admin');
  await addMember(database.db, organisation.id, (await createUser(database.db)).id, 'member');
  return { organisationId: organisation.id, a: a.id, b: b.id };
}

const demote = (organisationId: string, userId: string) =>
  app.inject({
    method: 'PATCH',
    url: `/api/organisations/${organisationId}/members/${userId}`,
    headers: platformAdmin.headers,
    payload: { role: 'member' },
  });
const remove = (organisationId: string, userId: string) =>
  app.inject({ method: 'DELETE', url: `/api/organisations/${organisationId}/members/${userId}`, headers: platformAdmin.headers });

describe('the last administrator', () => {
  const races = {
    'two demotions': (o: string, a: string, b: string) => [demote(o, a), demote(o, b)],
    'two removals': (o: string, a: string, b: string) => [remove(o, a), remove(o, b)],
    'a demotion and a removal': (o: string, a: string, b: string) => [demote(o, a), remove(o, b)],
  };

  for (const [name, race] of Object.entries(races)) {
    it(`survives ${name} at the same time: one succeeds, the other is refused with 409`, async () => {
      for (let trial = 0; trial < TRIALS; trial++) {
        const { organisationId, a, b } = await twoAdmins();
        const responses = await Promise.all(race(organisationId, a, b));
        expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join(' ')).toEqual([204, 409]);
        expect(responses.find((r) => r.statusCode === 409)!.json().error.message).toBe('Organisasjonen må ha minst én administrator.');
        expect(await adminCount(organisationId)).toBe(1);
      }
    });
  }
});

describe('an invitation', () => {
  it('accepted three times at once makes one account: one 200, two 410, never 500', async () => {
    const organisation = await createOrganisation(database.db);
    for (let trial = 0; trial < TRIALS; trial++) {
      const created = await app.inject({
        method: 'POST',
        url: `/api/organisations/${organisation.id}/invitations`,
        headers: platformAdmin.headers,
        payload: { email: `race-${trial}@example.org`, role: 'member' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const token = (created.json().acceptUrl as string).split('/invitasjon/')[1];
      const accept = () =>
        app.inject({
          method: 'POST',
          url: `/api/invitations/${token}/accept`,
          payload: { name: 'Rask Person', password: 'eit-langt-og-sjeldan-passord' },
        });
      const responses = await Promise.all([accept(), accept(), accept()]);
      expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join(' ')).toEqual([200, 410, 410]);
      for (const lost of responses.filter((r) => r.statusCode === 410)) expect(lost.json().error.code).toBe('invitation_invalid');
      const users = await database.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.email, `race-${trial}@example.org`));
      expect(users).toHaveLength(1);
      const joined = await database.db
        .select()
        .from(schema.memberships)
        .where(and(eq(schema.memberships.organisationId, organisation.id), eq(schema.memberships.userId, users[0]!.id)));
      expect(joined).toHaveLength(1);
    }
  });
});

describe('two invitations to one new address', () => {
  it('accepted at once make one account that joins both organisations', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const email = `twice-${trial}@example.org`;
      const tokens: string[] = [];
      for (let i = 0; i < 2; i++) {
        const organisation = await createOrganisation(database.db);
        const created = await app.inject({
          method: 'POST',
          url: `/api/organisations/${organisation.id}/invitations`,
          headers: platformAdmin.headers,
          payload: { email, role: 'member' },
        });
        expect(created.statusCode, created.body).toBe(201);
        tokens.push((created.json().acceptUrl as string).split('/invitasjon/')[1]!);
      }
      // The same person, the same password, in two tabs.
      const responses = await Promise.all(
        tokens.map((token) =>
          app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'To Faner', password: 'to-faner-same-passord' } }),
        ),
      );
      expect(
        responses.map((r) => r.statusCode),
        responses.map((r) => r.body).join(' '),
      ).toEqual([200, 200]);
      const users = await database.db.select().from(schema.users).where(eq(schema.users.email, email));
      expect(users).toHaveLength(1);
      expect(await database.db.select().from(schema.memberships).where(eq(schema.memberships.userId, users[0]!.id))).toHaveLength(2);
    }
  });
});
