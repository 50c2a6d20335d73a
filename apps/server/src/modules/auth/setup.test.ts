/**
 * First run: while no platform administrator exists the server offers a setup link; its token is stored
 * hashed (any instance honours it), it works from a loopback socket only (never because of
 * X-Forwarded-For), for 24 hours or until used.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp, createUser } from '../../test/factories';
import { testClock } from '../../test/smtp';
import { SETUP_TTL_MS } from './setup.service';

let database: TestDatabase;
let app: FastifyInstance;
const clock = testClock();

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database, { publicUrl: 'https://varde.example.org', trustProxy: true }, { now: clock.now });
});

// Each test starts as a first run: no platform administrator.
beforeEach(async () => {
  await database.db.update(schema.users).set({ isPlatformAdmin: false });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

let n = 0;
const body = () => ({ name: 'Første Admin', email: `forste-${++n}@example.org`, password: 'first-admin-passphrase-1' });
const tokenOf = (link: string) => link.split('/').pop()!;

describe('the first-run setup link', () => {
  it('is offered while no platform administrator exists, and makes the first one, signed in', async () => {
    const link = await app.services.setupService.linkIfNeeded();
    expect(link).toMatch(/^https:\/\/varde\.example\.org\/oppsett\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link!);
    const stored = await database.db.select().from(schema.setupTokens);
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);

    expect((await app.inject({ url: `/api/setup/${token}` })).statusCode).toBe(200);
    const first = body();
    const done = await app.inject({ method: 'POST', url: `/api/setup/${token}`, payload: first });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user).toMatchObject({ email: first.email, isPlatformAdmin: true });
    expect(done.cookies.some((c) => c.name === 'varde_session')).toBe(true);

    // Used: no second administrator through it, and no new link is offered.
    expect((await app.inject({ method: 'POST', url: `/api/setup/${token}`, payload: body() })).statusCode).toBe(410);
    expect(await app.services.setupService.linkIfNeeded()).toBeNull();
  });

  it('works from a loopback socket only, whatever X-Forwarded-For says', async () => {
    const token = tokenOf((await app.services.setupService.linkIfNeeded())!);
    const remote = await app.inject({ url: `/api/setup/${token}`, remoteAddress: '192.0.2.10', headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(remote.statusCode).toBe(403);
    const attempt = body();
    const posted = await app.inject({
      method: 'POST',
      url: `/api/setup/${token}`,
      remoteAddress: '192.0.2.10',
      headers: { 'x-forwarded-for': '127.0.0.1' },
      payload: attempt,
    });
    expect(posted.statusCode).toBe(403);
    expect((await database.db.select().from(schema.users).where(eq(schema.users.email, attempt.email))).length).toBe(0);
    expect((await app.inject({ url: `/api/setup/${token}`, remoteAddress: '::1' })).statusCode).toBe(200);
  });

  it('stops working after 24 hours, and when an administrator was made another way', async () => {
    const token = tokenOf((await app.services.setupService.linkIfNeeded())!);
    clock.advance(SETUP_TTL_MS + 1000);
    expect((await app.inject({ method: 'POST', url: `/api/setup/${token}`, payload: body() })).statusCode).toBe(410);
    const fresh = tokenOf((await app.services.setupService.linkIfNeeded())!);
    await createUser(database.db, { isPlatformAdmin: true });
    expect((await app.inject({ url: `/api/setup/${fresh}` })).statusCode).toBe(410);
  });

  it('used twice at once makes one administrator', async () => {
    const token = tokenOf((await app.services.setupService.linkIfNeeded())!);
    const [a, b] = await Promise.all([
      app.inject({ method: 'POST', url: `/api/setup/${token}`, payload: body() }),
      app.inject({ method: 'POST', url: `/api/setup/${token}`, payload: body() }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 410]);
    expect((await database.db.select().from(schema.users).where(eq(schema.users.isPlatformAdmin, true))).length).toBe(1);
  });
});
