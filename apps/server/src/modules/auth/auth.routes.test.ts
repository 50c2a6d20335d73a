import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, TEST_PASSWORD } from '../../test/factories';
import { createAuthRepository } from './auth.repository';
import { hashPassword } from './passwords';

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

describe('sign in', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the user with a CSRF token', async () => {
    const user = await createUser(database.db, { name: 'Kari Nordmann' });
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'varde_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(response.headers['strict-transport-security']).toBeUndefined();
    const body = response.json();
    expect(body.user).toMatchObject({ email: user.email, name: 'Kari Nordmann', isPlatformAdmin: false });
    expect(body.csrfToken).toHaveLength(43);
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });

  it('marks the cookie Secure and sends Strict-Transport-Security when served over https', async () => {
    const secureApp = await createTestApp(database, { publicUrl: 'https://varde.example.org' });
    const user = await createUser(database.db);
    const response = await secureApp.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(response.cookies.find((c) => c.name === 'varde_session')!.secure).toBe(true);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    await secureApp.close();
  });

  it('rejects a wrong password and an unknown e-mail the same way', async () => {
    const user = await createUser(database.db);
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong-password-123' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.org', password: 'wrong-password-123' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toEqual({ code: 'invalid_credentials', message: 'E-postadressen eller passordet er feil.' });
  });

  it('is rate limited per address', async () => {
    const limited = await createTestApp(database, { loginRateLimit: 3 });
    const attempt = () => limited.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.org', password: 'nope' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    await limited.close();
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the token', async () => {
    const user = await createUser(database.db);
    const client = await signIn(app, user.email);
    const without = await app.inject({ method: 'PUT', url: '/api/auth/preferences', headers: { cookie: client.cookie }, payload: { language: 'nn' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf');
    const wrong = await app.inject({
      method: 'PUT',
      url: '/api/auth/preferences',
      headers: { cookie: client.cookie, 'x-csrf-token': 'x' },
      payload: { language: 'nn' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.inject({ method: 'PUT', url: '/api/auth/preferences', headers: client.headers, payload: { language: 'nn' } });
    expect(ok.statusCode).toBe(204);
  });

  it('refuses a cross-site sign-in', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: 'a@example.org', password: 'x' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('session', () => {
  it('is shown, and ends on sign out', async () => {
    const user = await createUser(database.db);
    const client = await signIn(app, user.email);
    const session = await app.inject({ url: '/api/auth/session', headers: { cookie: client.cookie } });
    expect(session.json().user.id).toBe(user.id);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: client.headers })).statusCode).toBe(204);
    const after = await app.inject({ url: '/api/auth/session', headers: { cookie: client.cookie } });
    expect(after.json()).toEqual({ user: null, csrfToken: null });
  });

  it('changes the password and signs out other sessions', async () => {
    const user = await createUser(database.db);
    const first = await signIn(app, user.email);
    const second = await signIn(app, user.email);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: first.headers,
      payload: { currentPassword: 'not-it', newPassword: 'a-brand-new-password' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'currentPassword', code: 'wrong_password', message: 'Nåværende passord er feil.' }]);
    const short = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: first.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.json().error.fields).toEqual([{ path: 'newPassword', code: 'too_short', limit: 12, message: 'Nytt passord må ha minst 12 tegn.' }]);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: first.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: second.cookie } })).json().user).toBeNull();
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: first.cookie } })).json().user.id).toBe(user.id);
    await expect(signIn(app, user.email, 'a-brand-new-password')).resolves.toBeDefined();
  });
});

describe('a new password', () => {
  const change = (client: { headers: Record<string, string> }, newPassword: string, currentPassword = TEST_PASSWORD) =>
    app.inject({ method: 'POST', url: '/api/auth/password', headers: client.headers, payload: { currentPassword, newPassword } });

  it('is refused when it is common, only spaces or longer than 200 characters, with a field error naming the field', async () => {
    const user = await createUser(database.db);
    const client = await signIn(app, user.email);
    const common = await change(client, 'Qwerty123456');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields).toEqual([
      { path: 'newPassword', code: 'common_password', message: 'Nytt passord står på en liste over vanlige passord og er lett å gjette. Velg et annet.' },
    ]);
    const blank = await change(client, ' '.repeat(14));
    expect(blank.json().error.fields).toEqual([{ path: 'newPassword', code: 'blank', message: 'Nytt passord kan ikke bestå av bare mellomrom.' }]);
    const long = await change(client, 'x'.repeat(201));
    expect(long.json().error.fields).toEqual([{ path: 'newPassword', code: 'too_long', limit: 200, message: 'Nytt passord kan ha høyst 200 tegn.' }]);
    // Both problems at once are both reported.
    const both = await change(client, '1qaz2wsx3edc', 'not-the-password');
    expect(both.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([
      ['currentPassword', 'wrong_password'],
      ['newPassword', 'common_password'],
    ]);
    // Nothing changed: the old password still signs in, the 200-character one is accepted.
    await expect(signIn(app, user.email)).resolves.toBeDefined();
    expect((await change(client, 'x'.repeat(199) + 'y')).statusCode).toBe(204);
  });

  it('is checked only when set: an existing common password still signs in', async () => {
    const user = await createUser(database.db);
    await createAuthRepository(database.db).updatePassword(user.id, await hashPassword('qwerty123456'));
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'qwerty123456' } });
    expect(response.statusCode).toBe(200);
  });
});

describe('platform administrators (create-admin)', () => {
  it('are made only with a password that passes the rule, and the change is audited', async () => {
    const { authService } = app.services;
    const email = `admin-${Date.now()}@example.org`;
    const refused = await authService.ensurePlatformAdmin({ email, name: 'Ada Admin', password: 'administrator' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation', fields: [{ path: 'password', code: 'common_password' }] });
    expect(await createAuthRepository(database.db).findUserByEmail(email)).toBeUndefined();

    const made = await authService.ensurePlatformAdmin({ email, name: 'Ada Admin', password: 'ada-sitt-lange-passord' });
    expect(made.created).toBe(true);
    const client = await signIn(app, email, 'ada-sitt-lange-passord');
    const audit = (await app.inject({ url: '/api/admin/audit', headers: client.headers })).json() as { action: string; targetId: string }[];
    expect(audit.filter((e) => e.targetId === made.id).map((e) => e.action)).toEqual(['session.login', 'user.created']);
  });

  it('are refused a common password by the command line before it opens a database', () => {
    // One run (each starts a Node process); the other refusals are the same function, tested above.
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/cli.ts', 'create-admin', '--email', 'cli@example.org', '--password', 'qwerty123456'],
      {
        cwd: fileURLToPath(new URL('../../../../../', import.meta.url)),
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: '/nonexistent/varde-cli-test' },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Password is on a list of common passwords and is easy to guess. Choose another.');
  });
});

describe('language', () => {
  it('defaults members of a nynorsk municipality to nynorsk, and a saved choice wins', async () => {
    const user = await createUser(database.db);
    // Volda's målform is nynorsk.
    await addMember(database.db, (await municipalityOrganisation(database.db, '1577')).id, user.id);
    const client = await signIn(app, user.email);
    const notFound = () => app.inject({ url: '/api/municipalities/0000', headers: { cookie: client.cookie, 'accept-language': 'nb' } });
    expect((await notFound()).json().error.message).toBe('Vi fann ingen kommune med nummer 0000.');
    await app.inject({ method: 'PUT', url: '/api/auth/preferences', headers: client.headers, payload: { language: 'en' } });
    expect((await notFound()).json().error.message).toBe('We found no municipality with number 0000.');
  });
});
