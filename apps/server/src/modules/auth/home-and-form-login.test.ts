import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, municipalityOrganisation, signIn, TEST_PASSWORD } from '../../test/factories';
import { loginFormProblemsOf } from './login-form.routes';

let database: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const form = (fields: Record<string, string>) => ({
  'content-type': 'application/x-www-form-urlencoded',
  payload: new URLSearchParams(fields).toString(),
});

async function postForm(fields: Record<string, string>, headers: Record<string, string> = {}, target = app) {
  const { payload, ...formHeaders } = form(fields);
  return target.inject({ method: 'POST', url: '/logg-inn', headers: { ...formHeaders, ...headers }, payload });
}

describe('GET /api/auth/home', () => {
  it('shows the only municipality, the one chosen last, or the first by name', async () => {
    const tydal = (await municipalityOrganisation(database.db, '5033')).id;
    const roros = (await municipalityOrganisation(database.db, '5025')).id;
    const county = await createOrganisation(database.db, { type: 'county_authority', name: 'Fylke (test)', countyCode: '50' });
    const user = await createUser(database.db);
    await addMember(database.db, tydal, user.id);
    const client = await signIn(app, user.email);

    const one = (await app.inject({ url: '/api/auth/home', headers: client.headers })).json();
    expect(one).toEqual({
      organisationId: tydal,
      municipalities: [expect.objectContaining({ organisationId: tydal, municipalityCode: '5033', role: 'member' })],
    });

    await addMember(database.db, roros, user.id, 'admin');
    await addMember(database.db, county.id, user.id);
    const two = await signIn(app, user.email);
    const first = (await app.inject({ url: '/api/auth/home', headers: two.headers })).json();
    // Røros before Tydal; the county authority is no municipality.
    expect(first.municipalities.map((m: { municipalityCode: string }) => m.municipalityCode)).toEqual(['5025', '5033']);
    expect(first.organisationId).toBe(roros);

    const chosen = await app.inject({ url: `/api/auth/home?organisation=${tydal}`, headers: two.headers });
    expect(chosen.json().organisationId).toBe(tydal);
    // Remembered on the server: a new session gets it too.
    const later = await signIn(app, user.email);
    expect((await app.inject({ url: '/api/auth/home', headers: later.headers })).json().organisationId).toBe(tydal);
  });

  it('refuses an organisation that is not one of my municipalities, and visitors', async () => {
    const user = await createUser(database.db);
    const client = await signIn(app, user.email);
    const none = (await app.inject({ url: '/api/auth/home', headers: client.headers })).json();
    expect(none).toEqual({ organisationId: null, municipalities: [] });
    const other = (await municipalityOrganisation(database.db, '5033')).id;
    const refused = await app.inject({ url: `/api/auth/home?organisation=${other}`, headers: client.headers });
    expect(refused.statusCode).toBe(404);
    const bad = await app.inject({ url: '/api/auth/home?organisation=nope', headers: client.headers });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ url: '/api/auth/home' })).statusCode).toBe(401);
  });
});

describe('POST /logg-inn (sign-in without JavaScript)', () => {
  it('signs in and sends the browser on to my municipality, or to a safe `neste`', async () => {
    const user = await createUser(database.db);
    const home = await postForm({ email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/min-kommune');
    const cookie = home.cookies.find((c) => c.name === 'varde_session')!;
    expect(cookie.httpOnly).toBe(true);
    const session = await app.inject({ url: '/api/auth/session', headers: { cookie: `varde_session=${cookie.value}` } });
    expect(session.json().user.email).toBe(user.email);

    const next = await postForm({ email: user.email, password: TEST_PASSWORD, neste: '/frister?municipality=5033' });
    expect(next.headers.location).toBe('/frister?municipality=5033');
    for (const unsafe of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/logg-inn?neste=/x']) {
      const response = await postForm({ email: user.email, password: TEST_PASSWORD, neste: unsafe });
      expect(response.headers.location, unsafe).toBe('/min-kommune');
    }
  });

  it('sends the browser back to the sign-in page with the problems, never the password', async () => {
    const user = await createUser(database.db);
    const wrong = await postForm({ email: user.email, password: 'wrong-password-123', neste: '/varsler' });
    expect(wrong.statusCode).toBe(303);
    expect(wrong.headers.location).toBe('/logg-inn?neste=%2Fvarsler&feil=invalid_credentials');
    expect(wrong.cookies.find((c) => c.name === 'varde_session')).toBeUndefined();

    const empty = await postForm({});
    expect(empty.headers.location).toBe('/logg-inn?feil=email_required&feil=password_required');
    const bad = await postForm({ email: 'not-an-address', password: 'x' });
    expect(bad.headers.location).toBe('/logg-inn?feil=email_invalid');
    expect(String(bad.headers.location)).not.toContain('password=');
  });

  it('refuses text that cannot be stored and over-long fields before looking anything up', () => {
    expect(loginFormProblemsOf('a\u0000@example.org', 'x')).toEqual(['email_invalid']);
    expect(loginFormProblemsOf(`${'a'.repeat(250)}@example.org`, 'x')).toEqual(['email_invalid']);
    expect(loginFormProblemsOf('a@example.org', 'x'.repeat(201))).toEqual(['invalid_credentials']);
    expect(loginFormProblemsOf('a@example.org', '\ud800')).toEqual(['invalid_credentials']);
    expect(loginFormProblemsOf('a@example.org', 'correct')).toEqual([]);
  });

  it('is rate limited, and says so on the page', async () => {
    const limited = await createTestApp(database, { loginRateLimit: 2 });
    for (let i = 0; i < 2; i++)
      expect((await postForm({ email: 'x@example.org', password: 'nope' }, {}, limited)).headers.location).toContain('invalid_credentials');
    const blocked = await postForm({ email: 'x@example.org', password: 'nope', neste: '/konto' }, {}, limited);
    expect(blocked.statusCode).toBe(303);
    // The limit is checked before the body is read, so `neste` is not known yet.
    expect(blocked.headers.location).toBe('/logg-inn?feil=rate_limited');
    await limited.close();
  });

  it('refuses a form posted from another site', async () => {
    const user = await createUser(database.db);
    const response = await postForm({ email: user.email, password: TEST_PASSWORD }, { 'sec-fetch-site': 'cross-site' });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.find((c) => c.name === 'varde_session')).toBeUndefined();
  });

  it('reads only small form bodies', async () => {
    const response = await postForm({ email: 'a@example.org', password: 'x'.repeat(10_000) });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/logg-inn?feil=unreadable');
  });
});
