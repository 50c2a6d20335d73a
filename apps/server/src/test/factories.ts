/** Test data with overrides, created through the same repositories the app uses. Never a shared seed. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { schema, type AppDb, type Database } from '@varde/db';
import type { Language, MembershipRole, OrganisationType } from '@varde/contracts';
import { buildApp } from '../app';
import { loadConfig, type AppConfig } from '../config';
import type { Clock } from '../core/clock';
import { createAuthRepository } from '../modules/auth/auth.repository';
import { hashPassword } from '../modules/auth/passwords';

const unique = () => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'correct-horse-battery-staple';
let testPasswordHash: Promise<string> | undefined;

export async function createUser(db: AppDb, overrides: { email?: string; name?: string; isPlatformAdmin?: boolean; language?: Language } = {}) {
  const repo = createAuthRepository(db);
  const user = await repo.insertUser({
    email: overrides.email ?? `user-${unique()}@example.org`,
    name: overrides.name ?? `Testperson ${unique()}`,
    passwordHash: await (testPasswordHash ??= hashPassword(TEST_PASSWORD)),
    isPlatformAdmin: overrides.isPlatformAdmin ?? false,
  });
  if (overrides.language) await repo.updateLanguage(user.id, overrides.language);
  return user;
}

/** Sets a password as if it had been chosen before today's rule (no policy check). */
export async function setPassword(db: AppDb, userId: string, password: string) {
  await createAuthRepository(db).updatePassword(userId, await hashPassword(password));
}

export async function createOrganisation(db: AppDb, overrides: { type?: OrganisationType; name?: string; countyCode?: string | null } = {}) {
  const [row] = await db
    .insert(schema.organisations)
    .values({
      type: overrides.type ?? 'partner',
      name: overrides.name ?? `Organisasjon ${unique()}`,
      countyCode: overrides.countyCode ?? null,
    })
    .returning();
  return row!;
}

/** The organisation that the reference seed created for a kommune. */
export async function municipalityOrganisation(db: AppDb, code: string) {
  const [row] = await db.select().from(schema.organisations).where(eq(schema.organisations.municipalityCode, code));
  if (!row) throw new Error(`No organisation for municipality ${code}`);
  return row;
}

export async function addMember(db: AppDb, organisationId: string, userId: string, role: MembershipRole = 'member') {
  await db.insert(schema.memberships).values({ organisationId, userId, role });
}

/** The app on a test database; `options.now` is the clock of scheduled work and link expiry. */
export async function createTestApp(database: Database, config: Partial<AppConfig> = {}, options: { now?: Clock } = {}) {
  const app = await buildApp({
    config: loadConfig({}, { webMode: 'none', loginRateLimit: 1000, ...config }),
    database,
    now: options.now,
  });
  await app.ready();
  return app;
}

export interface Client {
  cookie: string;
  csrfToken: string;
  /** Headers for a signed-in request, including the CSRF token for writes. */
  headers: Record<string, string>;
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`Sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'varde_session');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const header = `varde_session=${cookie!.value}`;
  return { cookie: header, csrfToken, headers: { cookie: header, 'x-csrf-token': csrfToken } };
}

/** GET that must answer 200: the parsed JSON body (the body is shown when the status differs). */
export async function getOk<T>(app: FastifyInstance, url: string, client?: Client): Promise<T> {
  const response = await app.inject({ url, headers: client?.headers ?? {} });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}
