/**
 * A write and its audit row commit together: when the audit row cannot be written, the write is not
 * made either. The failure is injected into the audit repository the services use.
 */
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, signIn, TEST_PASSWORD, type Client } from '../../test/factories';

const { organisations, memberships, invitations, users, sessions, auditLog } = schema;

let database: TestDatabase;
let app: FastifyInstance;
let platformAdmin: Client;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  platformAdmin = await signIn(app, (await createUser(database.db, { isPlatformAdmin: true })).email);
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** From now on every audit row fails to be written. */
function breakAudit() {
  return vi.spyOn(app.services.auditService, 'record').mockRejectedValue(new Error('audit log unavailable'));
}

const auditRows = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;

async function invite(organisationId: string, email: string) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/organisations/${organisationId}/invitations`,
    headers: platformAdmin.headers,
    payload: { email, role: 'member' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json().id as string, token: (response.json().acceptUrl as string).split('/invitasjon/')[1]! };
}

describe('when the audit row cannot be written', () => {
  it('no organisation is created', async () => {
    const audit = breakAudit();
    const name = `Uten spor ${Date.now()}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: platformAdmin.headers,
      payload: { type: 'county_authority', name, countyCode: '50' },
    });
    expect(response.statusCode).toBe(500);
    expect(audit).toHaveBeenCalled();
    expect(await database.db.select().from(organisations).where(eq(organisations.name, name))).toEqual([]);
  });

  it('no role changes and no member is removed', async () => {
    const organisation = await createOrganisation(database.db);
    const a = await createUser(database.db);
    const b = await createUser(database.db);
    await addMember(database.db, organisation.id, a.id, 'admin');
    await addMember(database.db, organisation.id, b.id, 'admin');
    const audit = breakAudit();
    const demoted = await app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}/members/${a.id}`,
      headers: platformAdmin.headers,
      payload: { role: 'member' },
    });
    const removed = await app.inject({ method: 'DELETE', url: `/api/organisations/${organisation.id}/members/${b.id}`, headers: platformAdmin.headers });
    expect([demoted.statusCode, removed.statusCode]).toEqual([500, 500]);
    expect(audit).toHaveBeenCalledTimes(2);
    const rows = await database.db
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.organisationId, organisation.id));
    expect(rows.sort((x, y) => x.userId.localeCompare(y.userId))).toEqual(
      [
        { userId: a.id, role: 'admin' },
        { userId: b.id, role: 'admin' },
      ].sort((x, y) => x.userId.localeCompare(y.userId)),
    );
  });

  it('no invitation is created, withdrawn or accepted', async () => {
    const organisation = await createOrganisation(database.db);
    const open = await invite(organisation.id, 'open@example.org');
    const before = await auditRows();
    breakAudit();

    const created = await app.inject({
      method: 'POST',
      url: `/api/organisations/${organisation.id}/invitations`,
      headers: platformAdmin.headers,
      payload: { email: 'never@example.org', role: 'member' },
    });
    expect(created.statusCode).toBe(500);
    const revoked = await app.inject({ method: 'DELETE', url: `/api/organisations/${organisation.id}/invitations/${open.id}`, headers: platformAdmin.headers });
    expect(revoked.statusCode).toBe(500);
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/invitations/${open.token}/accept`,
      payload: { name: 'Ikke Med', password: 'et-passord-som-holder' },
    });
    expect(accepted.statusCode).toBe(500);

    const rows = await database.db.select().from(invitations).where(eq(invitations.organisationId, organisation.id));
    expect(rows.map((i) => [i.email, i.revokedAt, i.acceptedAt])).toEqual([['open@example.org', null, null]]);
    expect(await database.db.select().from(users).where(eq(users.email, 'open@example.org'))).toEqual([]);
    expect(await database.db.select().from(memberships).where(eq(memberships.organisationId, organisation.id))).toEqual([]);
    expect(await auditRows()).toBe(before);
  });

  it('no password is changed, no session is started and no administrator is made', async () => {
    const user = await createUser(database.db);
    const client = await signIn(app, user.email);
    const other = await signIn(app, user.email);
    const sessionsOf = async () => (await database.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, user.id)))[0]!.n;
    expect(await sessionsOf()).toBe(2);
    breakAudit();

    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: client.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'et-helt-nytt-passord' },
    });
    expect(changed.statusCode).toBe(500);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toBe(user.passwordHash);
    expect(row!.passwordChangedAt).toEqual(user.passwordChangedAt);
    // The other session was not signed out.
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: other.cookie } })).json().user?.id).toBe(user.id);

    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(500);
    expect(await sessionsOf()).toBe(2);

    await expect(
      app.services.authService.ensurePlatformAdmin({ email: 'ny.admin@example.org', name: 'Ny Admin', password: 'et-langt-adminpassord' }),
    ).rejects.toThrow('audit log unavailable');
    await expect(app.services.authService.ensurePlatformAdmin({ email: user.email, name: user.name, password: 'et-langt-adminpassord' })).rejects.toThrow(
      'audit log unavailable',
    );
    expect(await database.db.select().from(users).where(eq(users.email, 'ny.admin@example.org'))).toEqual([]);
    const [unchanged] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(unchanged).toMatchObject({ isPlatformAdmin: false, passwordHash: user.passwordHash, passwordChangedAt: user.passwordChangedAt });
  });
});

describe('a name with a lone surrogate', () => {
  it('creates no organisation without its audit row', async () => {
    const name = `Halvt tegn \ud800 ${Date.now()}`;
    const before = await auditRows();
    const response = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { ...platformAdmin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ type: 'partner', name }),
    });
    expect(response.statusCode).not.toBe(201);
    const created = await database.db.select().from(organisations).where(eq(organisations.type, 'partner'));
    expect(created.filter((o) => o.name.startsWith('Halvt tegn'))).toEqual([]);
    expect(await auditRows()).toBe(before);
  });
});
