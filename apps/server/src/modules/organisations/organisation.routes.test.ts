import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, setPassword, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let orgA: string;
let admin: Client;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  orgA = (await municipalityOrganisation(database.db, '5033')).id;
  const adminUser = await createUser(database.db, { name: 'Anne Admin' });
  await addMember(database.db, orgA, adminUser.id, 'admin');
  admin = await signIn(app, adminUser.email);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function invite(email: string, role = 'member') {
  const response = await app.inject({ method: 'POST', url: `/api/organisations/${orgA}/invitations`, headers: admin.headers, payload: { email, role } });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json();
  return { ...body, token: (body.acceptUrl as string).split('/invitasjon/')[1]! };
}

describe('invitations', () => {
  it('lets a new person sign up, join and sign in through the link', async () => {
    const invitation = await invite('Ny.Person@Example.org');
    expect(invitation.acceptUrl).toMatch(/^http:\/\/localhost:3000\/invitasjon\/[A-Za-z0-9_-]{43}$/);
    const preview = await app.inject({ url: `/api/invitations/${invitation.token}` });
    expect(preview.json()).toMatchObject({ email: 'ny.person@example.org', organisationName: 'Tydal', role: 'member', accountExists: false });

    const missingName = await app.inject({ method: 'POST', url: `/api/invitations/${invitation.token}/accept`, payload: { password: 'long-enough-password' } });
    expect(missingName.json().error.fields).toEqual([{ path: 'name', code: 'required', message: 'Navn må fylles ut.' }]);

    const accepted = await app.inject({
      method: 'POST',
      url: `/api/invitations/${invitation.token}/accept`,
      payload: { name: 'Ny Person', password: 'long-enough-password' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.memberships).toEqual([expect.objectContaining({ organisationId: orgA, role: 'member' })]);
    const cookie = `varde_session=${accepted.cookies.find((c) => c.name === 'varde_session')!.value}`;
    const members = await app.inject({ url: `/api/organisations/${orgA}/members`, headers: { cookie } });
    expect(members.statusCode).toBe(200);
    expect(members.json().map((m: { name: string }) => m.name)).toEqual(['Anne Admin', 'Ny Person']);

    const reused = await app.inject({
      method: 'POST',
      url: `/api/invitations/${invitation.token}/accept`,
      payload: { name: 'X', password: 'long-enough-password' },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('invitation_invalid');
  });

  it('lets someone with an account join by confirming their password', async () => {
    const existing = await createUser(database.db);
    const invitation = await invite(existing.email, 'admin');
    expect((await app.inject({ url: `/api/invitations/${invitation.token}` })).json().accountExists).toBe(true);
    const wrong = await app.inject({ method: 'POST', url: `/api/invitations/${invitation.token}/accept`, payload: { password: 'not-the-password' } });
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'password', code: 'wrong_password' });
    const ok = await app.inject({ method: 'POST', url: `/api/invitations/${invitation.token}/accept`, payload: { password: 'correct-horse-battery-staple' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.memberships[0]).toMatchObject({ organisationId: orgA, role: 'admin' });
  });

  it('asks a new person for a password that is not common or blank; an existing account confirms with the one it has', async () => {
    const invitation = await invite('ny.konto@example.org');
    const accept = (payload: object, token = invitation.token) =>
      app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, headers: { 'accept-language': 'nn' }, payload });
    const common = await accept({ name: 'Ny Konto', password: 'qwerty123456' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields).toEqual([
      { path: 'password', code: 'common_password', message: 'Passord står på ei liste over vanlege passord og er lett å gjette. Vel eit anna.' },
    ]);
    const blankAndNameless = await accept({ password: ' '.repeat(12) });
    expect(blankAndNameless.json().error.fields).toEqual([
      expect.objectContaining({ path: 'name', code: 'required' }),
      { path: 'password', code: 'blank', message: 'Passord kan ikkje berre innehalde mellomrom.' },
    ]);
    const tooLong = await accept({ name: 'Ny Konto', password: 'x'.repeat(201) });
    expect(tooLong.json().error.fields).toEqual([expect.objectContaining({ path: 'password', code: 'too_long', limit: 200 })]);
    // Nothing was made; the link still works.
    expect((await app.inject({ url: `/api/invitations/${invitation.token}` })).json().accountExists).toBe(false);
    expect((await accept({ name: 'Ny Konto', password: 'ny-konto-med-godt-passord' })).statusCode).toBe(200);

    // Someone whose password predates the rule confirms with it.
    const existing = await createUser(database.db);
    await setPassword(database.db, existing.id, '1qaz2wsx3edc');
    const second = await invite(existing.email);
    expect((await accept({ password: '1qaz2wsx3edc' }, second.token)).statusCode).toBe(200);
  });

  it('replaces an open invitation to the same address and can be withdrawn', async () => {
    const first = await invite('twice@example.org');
    const second = await invite('twice@example.org');
    expect((await app.inject({ url: `/api/invitations/${first.token}` })).statusCode).toBe(410);
    const open = (await app.inject({ url: `/api/organisations/${orgA}/invitations`, headers: admin.headers })).json();
    expect(open.filter((i: { email: string }) => i.email === 'twice@example.org')).toHaveLength(1);
    const revoked = await app.inject({ method: 'DELETE', url: `/api/organisations/${orgA}/invitations/${second.id}`, headers: admin.headers });
    expect(revoked.statusCode).toBe(204);
    expect((await app.inject({ url: `/api/invitations/${second.token}` })).statusCode).toBe(410);
  });

  it('gives field errors for a bad invitation and refuses existing members', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: `/api/organisations/${orgA}/invitations`,
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { email: 'not-an-email', role: 'owner' },
    });
    expect(bad.statusCode).toBe(400);
    // The signed-in user's language (none saved) falls back to the browser's.
    expect(bad.json().error.fields).toEqual([
      expect.objectContaining({ path: 'email', code: 'invalid_email' }),
      expect.objectContaining({ path: 'role', code: 'invalid_value', message: 'Role has a value we do not recognise.' }),
    ]);
    const session = (await app.inject({ url: '/api/auth/session', headers: { cookie: admin.cookie } })).json();
    const dup = await app.inject({
      method: 'POST',
      url: `/api/organisations/${orgA}/invitations`,
      headers: admin.headers,
      payload: { email: session.user.email, role: 'member' },
    });
    expect(dup.statusCode).toBe(409);
  });
});

describe('members', () => {
  it('keeps at least one admin, and logs role changes', async () => {
    const org = (await municipalityOrganisation(database.db, '5025')).id;
    const soleAdmin = await createUser(database.db);
    const member = await createUser(database.db);
    await addMember(database.db, org, soleAdmin.id, 'admin');
    await addMember(database.db, org, member.id, 'member');
    const client = await signIn(app, soleAdmin.email);
    const demote = await app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org}/members/${soleAdmin.id}`,
      headers: client.headers,
      payload: { role: 'member' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toBe('Organisasjonen må ha minst én administrator.');
    expect((await app.inject({ method: 'DELETE', url: `/api/organisations/${org}/members/${soleAdmin.id}`, headers: client.headers })).statusCode).toBe(409);

    expect(
      (await app.inject({ method: 'PATCH', url: `/api/organisations/${org}/members/${member.id}`, headers: client.headers, payload: { role: 'admin' } }))
        .statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'PATCH', url: `/api/organisations/${org}/members/${soleAdmin.id}`, headers: client.headers, payload: { role: 'member' } }))
        .statusCode,
    ).toBe(204);

    const memberClient = await signIn(app, member.email);
    const log = (await app.inject({ url: `/api/organisations/${org}/audit`, headers: memberClient.headers })).json();
    expect(log.map((e: { action: string }) => e.action)).toEqual(['membership.role_changed', 'membership.role_changed']);
    expect(log[0].detail).toEqual({ from: 'admin', to: 'member' });
  });
});

describe('organisations', () => {
  it('are created by platform admins with a county where the type needs one', async () => {
    const platformAdmin = await createUser(database.db, { isPlatformAdmin: true });
    const client = await signIn(app, platformAdmin.email);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: client.headers,
      payload: { type: 'county_authority', name: 'Trøndelag fylkeskommune' },
    });
    expect(missing.json().error.fields).toEqual([expect.objectContaining({ path: 'countyCode', code: 'required' })]);
    const municipality = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: client.headers,
      payload: { type: 'municipality', name: 'Ny kommune' },
    });
    expect(municipality.statusCode).toBe(400);
    const unknownCounty = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: client.headers,
      payload: { type: 'county_authority', name: 'Ukjent fylkeskommune', countyCode: '99' },
    });
    expect(unknownCounty.statusCode).toBe(400);
    expect(unknownCounty.json().error.fields).toEqual([{ path: 'countyCode', code: 'invalid_value', message: 'Fylke har en verdi vi ikke kjenner.' }]);
    const partnerInUnknownCounty = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: client.headers,
      payload: { type: 'partner', name: 'Ukjent partner', countyCode: '01' },
    });
    expect(partnerInUnknownCounty.json().error.fields).toEqual([expect.objectContaining({ path: 'countyCode', code: 'invalid_value' })]);
    const organisations = (await app.inject({ url: '/api/organisations' })).json() as { name: string }[];
    expect(organisations.filter((o) => o.name.startsWith('Ukjent'))).toEqual([]);
    const created = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: client.headers,
      payload: { type: 'county_authority', name: 'Trøndelag fylkeskommune', countyCode: '50' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ type: 'county_authority', countyCode: '50', memberCount: 0 });
    const audit = (await app.inject({ url: '/api/admin/audit', headers: client.headers })).json();
    expect(audit[0]).toMatchObject({ action: 'organisation.created', organisationId: created.json().id });
  });
});
