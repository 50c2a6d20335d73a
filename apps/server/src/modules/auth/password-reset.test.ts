/**
 * Password reset by e-mail: the same answer for known and unknown addresses, a rate limit per address
 * and per IP, a link that works once and for one hour, the same password rule as elsewhere, and every
 * session ended after a reset, also when the link is used twice at once (run on PostgreSQL too).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '@varde/contracts';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp, createUser, signIn, TEST_PASSWORD } from '../../test/factories';
import { linkIn, startTestSmtp, testClock, type TestSmtp } from '../../test/smtp';
import { RESET_MAILS_PER_HOUR, RESET_TTL_MS } from './auth.service';

const PUBLIC_URL = 'https://varde.example.org';
const NEW_PASSWORD = 'fjord-og-fjell-og-myr-9';

let database: TestDatabase;
let smtp: TestSmtp;
let app: FastifyInstance;
const clock = testClock();

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtp();
  app = await createTestApp(database, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL }, { now: clock.now });
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
  await database?.close();
});

const requestReset = (email: string, lang = 'nb') => app.inject({ method: 'POST', url: `/api/auth/password-reset?lang=${lang}`, payload: { email } });
const confirm = (token: string, password = NEW_PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });

/** Requests a reset for `email`, delivers it and returns the token from the mail. */
async function resetToken(email: string): Promise<string> {
  const before = smtp.received.length;
  expect((await requestReset(email)).statusCode).toBe(204);
  await app.services.mailService.deliverDue();
  const mail = smtp.received.slice(before).find((m) => m.to.includes(email))!;
  return linkIn(mail, `${PUBLIC_URL}/nytt-passord/`).split('/').pop()!;
}

describe('asking for a password reset', () => {
  it('answers the same for an address with and without an account, and mails only the account, in its language', async () => {
    const user = await createUser(database.db, { name: 'Nora Nynorsk', language: 'nn' });
    const known = await requestReset(user.email.toUpperCase());
    const unknown = await requestReset('nobody-here@example.org');
    expect(known.statusCode).toBe(204);
    expect(unknown.statusCode).toBe(204);
    expect(known.body).toBe(unknown.body);
    await app.services.mailService.deliverDue();
    const mails = smtp.received.filter((m) => m.to.includes(user.email) || m.to.includes('nobody-here@example.org'));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual([user.email]);
    expect(mail.subject).toBe(translate('nn', 'mail.reset.subject'));
    expect(mail.text).toContain('Hei Nora Nynorsk,');
    expect(linkIn(mail, `${PUBLIC_URL}/nytt-passord/`)).toMatch(/\/nytt-passord\/[A-Za-z0-9_-]{43}$/);
    // No unsubscribe header on a mail someone asked for.
    expect(mail.raw).not.toMatch(/List-Unsubscribe/i);
  });

  it(`mails one address at most ${RESET_MAILS_PER_HOUR} times an hour, answering the same`, async () => {
    const user = await createUser(database.db);
    const before = smtp.received.length;
    for (let i = 0; i < RESET_MAILS_PER_HOUR + 2; i++) expect((await requestReset(user.email)).statusCode).toBe(204);
    await app.services.mailService.deliverDue();
    expect(smtp.received.slice(before).filter((m) => m.to.includes(user.email))).toHaveLength(RESET_MAILS_PER_HOUR);
    clock.advance(RESET_TTL_MS + 1000);
    await requestReset(user.email);
    await app.services.mailService.deliverDue();
    expect(smtp.received.slice(before).filter((m) => m.to.includes(user.email))).toHaveLength(RESET_MAILS_PER_HOUR + 1);
  });

  it('is rate limited per IP address', async () => {
    const limited = await createTestApp(database, { loginRateLimit: 2 });
    try {
      const ask = () => limited.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'someone@example.org' } });
      expect((await ask()).statusCode).toBe(204);
      expect((await ask()).statusCode).toBe(204);
      const blocked = await ask();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('choosing a new password with the link', () => {
  it('changes the password, ends every session, and works once', async () => {
    const user = await createUser(database.db);
    const first = await signIn(app, user.email);
    const second = await signIn(app, user.email);
    const token = await resetToken(user.email);

    // The same rule as everywhere.
    const common = await confirm(token, 'qwerty123456');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields).toEqual([expect.objectContaining({ path: 'password', code: 'common_password' })]);

    expect((await confirm(token)).statusCode).toBe(204);
    for (const client of [first, second]) {
      expect((await app.inject({ url: '/api/auth/session', headers: { cookie: client.cookie } })).json().user).toBeNull();
    }
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } })).statusCode).toBe(401);
    await signIn(app, user.email, NEW_PASSWORD);

    const again = await confirm(token, 'another-long-passphrase-7');
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toEqual({ code: 'link_invalid', message: translate('nb', 'error.reset_link_invalid') });
  });

  it('stops working after one hour, and a newer link closes none but itself', async () => {
    const user = await createUser(database.db);
    const token = await resetToken(user.email);
    clock.advance(RESET_TTL_MS + 1000);
    expect((await confirm(token)).statusCode).toBe(410);
    const fresh = await resetToken(user.email);
    expect((await confirm(fresh)).statusCode).toBe(204);
  });

  it('used twice at once: one reset wins, the other finds the link used', async () => {
    const user = await createUser(database.db);
    const token = await resetToken(user.email);
    const client = await signIn(app, user.email);
    const [a, b] = await Promise.all([confirm(token, 'first-long-passphrase-1'), confirm(token, 'second-long-passphrase-2')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 410]);
    const winner = a.statusCode === 204 ? 'first-long-passphrase-1' : 'second-long-passphrase-2';
    const loser = a.statusCode === 204 ? 'second-long-passphrase-2' : 'first-long-passphrase-1';
    await signIn(app, user.email, winner);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: loser } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: client.cookie } })).json().user).toBeNull();
  });
});
