/**
 * Walks every registered route as every role and checks the outcome against the route's declared
 * permission. A route without a permission stops the app from starting; a route whose permission
 * changes must be changed in `expectedPolicies` too, on purpose.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePermission, type PermissionKind, type Principal } from '@varde/domain/permissions';
import { paths } from '../config';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../test/factories';
import { registerPermissions } from './permissions';

const expectedPolicies: Record<string, PermissionKind> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/municipalities': 'public',
  'GET /api/municipalities/:code': 'public',
  'GET /api/counties': 'public',
  'GET /api/auth/session': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'authenticated',
  'POST /api/auth/password': 'authenticated',
  'PUT /api/auth/preferences': 'authenticated',
  'GET /api/auth/home': 'authenticated',
  // Sign-in without JavaScript: the sign-in page's form (ADR 004).
  'POST /logg-inn': 'public',
  // Answers the same for every address; rate limited.
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  // First run: the token and a loopback socket are the credentials.
  'GET /api/setup/:token': 'public',
  'POST /api/setup/:token': 'public',
  'GET /api/organisations': 'public',
  'GET /api/organisations/:id': 'public',
  'POST /api/organisations': 'platformAdmin',
  'GET /api/organisations/:id/members': 'organisationMember',
  'PATCH /api/organisations/:id/members/:userId': 'organisationAdmin',
  'DELETE /api/organisations/:id/members/:userId': 'organisationAdmin',
  'GET /api/organisations/:id/invitations': 'organisationAdmin',
  'POST /api/organisations/:id/invitations': 'organisationAdmin',
  'DELETE /api/organisations/:id/invitations/:invitationId': 'organisationAdmin',
  'GET /api/organisations/:id/audit': 'organisationAdmin',
  'GET /api/invitations/:token': 'public',
  'POST /api/invitations/:token/accept': 'public',
  'GET /api/admin/users': 'platformAdmin',
  'GET /api/admin/organisations': 'platformAdmin',
  'GET /api/admin/audit': 'platformAdmin',
  'GET /api/map/norway.svg': 'public',
  'GET /api/map/municipalities/:code.svg': 'public',
  'GET /api/map/shapes': 'public',
  'GET /api/schemes': 'public',
  'GET /api/schemes/:schemeId': 'public',
  'GET /api/schemes/:schemeId/eligibility': 'public',
  // The history is open data; the editor's name is left out for callers who are not signed in.
  'GET /api/schemes/:schemeId/versions': 'public',
  'PUT /api/schemes/:schemeId': 'schemeOwner',
  'PUT /api/schemes/:schemeId/owner': 'platformAdmin',
  'GET /api/organisations/:id/schemes': 'organisationMember',
  // Checks in Varde are public like the history (names to signed-in users); the owner organisation records them.
  'GET /api/schemes/:schemeId/checks': 'public',
  'POST /api/schemes/:schemeId/checks': 'schemeOwner',
  // Any signed-in user may report a wrong fact; the scheme's owners (and platform admins) answer.
  'POST /api/schemes/:schemeId/reports': 'authenticated',
  'GET /api/fact-reports': 'schemeOwner',
  'POST /api/fact-reports/:reportId/resolve': 'schemeOwner',
  'GET /api/deadlines': 'public',
  'GET /api/calendar/schemes.ics': 'public',
  'GET /api/calendar/feeds/:token.ics': 'public',
  'GET /api/export/schemes.json': 'public',
  'GET /api/export/schemes.csv': 'public',
  'GET /api/export/calls.csv': 'public',
  'GET /api/organisations/:id/pipeline': 'organisationPrivate',
  'PUT /api/organisations/:id/pipeline': 'organisationPrivate',
  'DELETE /api/organisations/:id/pipeline/:itemId': 'organisationPrivate',
  // Condition confirmations are the municipality's own work, like its pipeline (ADR 009).
  'GET /api/organisations/:id/confirmations': 'organisationPrivate',
  'PUT /api/organisations/:id/confirmations': 'organisationPrivate',
  'DELETE /api/organisations/:id/confirmations/:confirmationId': 'organisationPrivate',
  'GET /api/organisations/:id/needs': 'organisationPrivate',
  'PUT /api/organisations/:id/needs': 'organisationPrivate',
  'GET /api/organisations/:id/calendar': 'organisationPrivate',
  'POST /api/organisations/:id/calendar': 'organisationPrivate',
  'GET /api/saved-searches': 'authenticated',
  'POST /api/saved-searches': 'authenticated',
  'DELETE /api/saved-searches/:searchId': 'authenticated',
  'GET /api/notifications': 'authenticated',
  'GET /api/notifications/unread-count': 'authenticated',
  'POST /api/notifications/read': 'authenticated',
  'POST /api/notifications/:notificationId/dismiss': 'authenticated',
  'GET /api/admin/outbox': 'platformAdmin',
  'GET /api/mail/preferences': 'authenticated',
  'PUT /api/mail/preferences': 'authenticated',
  // One-click unsubscribe (RFC 8058): the token in the link is the credential.
  'GET /api/mail/unsubscribe/:token': 'public',
  'POST /api/mail/unsubscribe/:token': 'public',
  // Participation records are public; who may record, change or report one is checked per record (the municipality and its county).
  'GET /api/participation': 'public',
  'GET /api/participation/schemes': 'public',
  'GET /api/participation/:recordId': 'public',
  'POST /api/participation': 'authenticated',
  'PUT /api/participation/:recordId': 'authenticated',
  'DELETE /api/participation/:recordId': 'authenticated',
  'POST /api/participation/:recordId/flags': 'authenticated',
  'POST /api/participation/:recordId/verify': 'regionalAdviser',
  'GET /api/organisations/:id/participation-offers': 'organisationPrivate',
  'GET /api/participation-flags': 'regionalAdviser',
  'POST /api/participation-flags/:flagId/resolve': 'regionalAdviser',
  'GET /api/participation-imports': 'regionalAdviser',
  'POST /api/participation-imports': 'regionalAdviser',
  'GET /api/participation-imports/:importId': 'regionalAdviser',
  'DELETE /api/participation-imports/:importId': 'regionalAdviser',
  'PUT /api/participation-imports/:importId/mapping': 'regionalAdviser',
  'PUT /api/participation-imports/:importId/rows/:row': 'regionalAdviser',
  'POST /api/participation-imports/:importId/commit': 'regionalAdviser',
  'GET /api/participation-imports/:importId/undo': 'regionalAdviser',
  'POST /api/participation-imports/:importId/undo': 'regionalAdviser',
  'GET /api/organisations/:id/scope': 'public',
  'PUT /api/organisations/:id/scope': 'platformAdmin',
  'GET /api/organisations/:id/sharing': 'organisationMember',
  'PUT /api/organisations/:id/sharing': 'organisationAdmin',
  'GET /api/mapping': 'public',
  'GET /api/mapping/gap': 'public',
  'GET /api/mapping/map': 'public',
  'GET /api/mapping/open-calls': 'public',
  'GET /api/mapping/municipalities/:code': 'public',
  'GET /api/mapping/regions': 'regionalAdviser',
  'GET /api/organisations/:id/region': 'organisationMember',
  'GET /api/open-data': 'public',
  'GET /api/open-data/records.csv': 'public',
  'GET /api/open-data/records.json': 'public',
  'GET /api/open-data/tables/:file': 'public',
  // The solution library (issue 16): owners, adopters and the two sides of a question are checked in the service.
  'GET /api/solutions': 'public',
  'POST /api/solutions': 'authenticated',
  'GET /api/solutions/export.json': 'public',
  'GET /api/solutions/export.csv': 'public',
  'GET /api/solutions/:id': 'public',
  'GET /api/solutions/:id/draft': 'authenticated',
  'PUT /api/solutions/:id/draft': 'authenticated',
  'DELETE /api/solutions/:id/draft': 'authenticated',
  'POST /api/solutions/:id/publish': 'authenticated',
  'POST /api/solutions/:id/withdraw': 'authenticated',
  'PUT /api/solutions/:id/contact-consent': 'authenticated',
  'GET /api/solutions/:id/versions/:version': 'public',
  'GET /api/solutions/:id/spread': 'public',
  'PUT /api/solutions/:id/adoptions/:organisationId': 'authenticated',
  'DELETE /api/solutions/:id/adoptions/:organisationId': 'authenticated',
  'POST /api/solutions/:id/reports': 'authenticated',
  'POST /api/solutions/:id/visibility': 'platformAdmin',
  'GET /api/solution-reports': 'platformAdmin',
  'POST /api/solution-reports/:reportId/resolve': 'platformAdmin',
  'GET /api/organisations/:id/solutions': 'organisationPrivate',
  'GET /api/municipalities/:code/solutions': 'public',
  'GET /api/search/solutions': 'public',
  'POST /api/solutions/:id/documents': 'authenticated',
  'GET /api/solutions/:id/documents/:documentId': 'public',
  'DELETE /api/solutions/:id/documents/:documentId': 'authenticated',
  'POST /api/solutions/:id/questions': 'authenticated',
  'GET /api/solution-questions/unread': 'authenticated',
  'GET /api/solution-questions/:threadId': 'authenticated',
  'POST /api/solution-questions/:threadId/messages': 'authenticated',
  'GET /api/organisations/:id/questions': 'organisationPrivate',
  'GET /*': 'public',
  'GET /assets/*': 'public',
};

type Role = 'anonymous' | 'memberA' | 'memberB' | 'adminA' | 'adviserA' | 'adviserOther' | 'schemeOwner' | 'platformAdmin';
const roles: Role[] = ['anonymous', 'memberA', 'memberB', 'adminA', 'adviserA', 'adviserOther', 'schemeOwner', 'platformAdmin'];

let database: TestDatabase;
let app: FastifyInstance;
const clients = new Map<Role, Client | null>();
const principals = new Map<Role, Principal | null>();
let orgA: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  // Municipality A: Tydal (Trøndelag, 50); B: Røros; advisers for Trøndelag and for Nordland (18).
  orgA = (await municipalityOrganisation(db, '5033')).id;
  const orgB = (await municipalityOrganisation(db, '5025')).id;
  const countyTrondelag = await createOrganisation(db, { type: 'county_authority', name: 'Trøndelag fylkeskommune (test)', countyCode: '50' });
  const countyNordland = await createOrganisation(db, { type: 'state_administrator', name: 'Statsforvalteren i Nordland (test)', countyCode: '18' });
  const schemeOwnerOrg = await createOrganisation(db, { type: 'scheme_owner', name: 'Ordningseier (test)' });

  const setups: Record<Exclude<Role, 'anonymous'>, { organisationId?: string; role?: 'member' | 'admin'; platformAdmin?: boolean }> = {
    memberA: { organisationId: orgA, role: 'member' },
    memberB: { organisationId: orgB, role: 'member' },
    adminA: { organisationId: orgA, role: 'admin' },
    adviserA: { organisationId: countyTrondelag.id, role: 'member' },
    adviserOther: { organisationId: countyNordland.id, role: 'member' },
    schemeOwner: { organisationId: schemeOwnerOrg.id, role: 'admin' },
    platformAdmin: { platformAdmin: true },
  };
  // The server-rendered pages are routes too, so the walk needs the built web app (the test command builds it).
  if (!existsSync(join(paths.webDist, 'server/entry-server.js'))) {
    throw new Error('The permission test needs the built web app: run "npm run build" first.');
  }
  app = await createTestApp(database, { webMode: 'built' });
  clients.set('anonymous', null);
  principals.set('anonymous', null);
  for (const [role, setup] of Object.entries(setups) as [Exclude<Role, 'anonymous'>, (typeof setups)['memberA']][]) {
    const user = await createUser(db, { isPlatformAdmin: setup.platformAdmin ?? false });
    if (setup.organisationId) await addMember(db, setup.organisationId, user.id, setup.role);
    const client = await signIn(app, user.email);
    clients.set(role, client);
    const session = (await app.inject({ url: '/api/auth/session', headers: { cookie: client.cookie } })).json();
    principals.set(role, { isPlatformAdmin: session.user.isPlatformAdmin, memberships: session.user.memberships });
  }
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

function fillPath(url: string): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const path = url
    .replace(':code.svg', '5033.svg')
    .replace(':token.ics', `${'x'.repeat(32)}.ics`)
    .replace(/:(\w+)/g, (_m, name: string) => {
      const value = name === 'id' ? orgA : name === 'code' ? '5033' : name === 'token' ? 'x'.repeat(43) : name === 'schemeId' ? 'prosjektskjonn' : randomUUID();
      params[name] = value;
      return value;
    })
    .replace('*', 'kommuner');
  return { path, params };
}

describe('route permissions', () => {
  it('every registered route declares the expected permission', () => {
    const actual = Object.fromEntries(app.registeredRoutes.filter((r) => r.method !== 'HEAD').map((r) => [`${r.method} ${r.url}`, r.permission?.kind]));
    for (const [route, kind] of Object.entries(actual)) {
      expect(kind, `${route} has no declared permission`).toBeDefined();
      expect(expectedPolicies[route], `${route} is missing from expectedPolicies`).toBe(kind);
    }
    for (const route of Object.keys(expectedPolicies)) {
      expect(actual[route], `${route} is expected but not registered`).toBeDefined();
    }
  });

  it('keeps municipality A private from B, from advisers and from scheme owners', async () => {
    for (const role of ['memberB', 'adviserA', 'adviserOther', 'schemeOwner'] as const) {
      const response = await app.inject({ url: `/api/organisations/${orgA}/members`, headers: clients.get(role)!.headers });
      expect(response.statusCode, role).toBe(403);
      expect(response.body).not.toContain('@example.org');
    }
    const own = await app.inject({ url: `/api/organisations/${orgA}/members`, headers: clients.get('memberA')!.headers });
    expect(own.statusCode).toBe(200);
  });

  it('is enforced for every route and every role', async () => {
    // Signing out ends the session the other calls use, so it goes last.
    const routes = app.registeredRoutes
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of routes) {
      const { path, params } = fillPath(route.url);
      for (const role of roles) {
        const client = clients.get(role);
        const hasBody = !['GET', 'DELETE'].includes(route.method);
        const response = await app.inject({
          method: route.method as 'GET',
          url: path,
          headers: { ...(client?.headers ?? {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
          payload: hasBody ? '{}' : undefined,
        });
        const code = String(response.headers['content-type'] ?? '').includes('json') ? response.json()?.error?.code : undefined;
        const denied = (response.statusCode === 401 && code === 'unauthenticated') || (response.statusCode === 403 && code === 'forbidden');
        const expected = evaluatePermission(route.permission!, principals.get(role)!, params);
        if ((expected !== 'allowed') !== denied) {
          failures.push(`${route.method} ${route.url} as ${role}: expected ${expected}, got ${response.statusCode} ${code ?? ''}`);
        }
        if (expected === 'unauthenticated' && response.statusCode !== 401) failures.push(`${route.method} ${route.url} as ${role}: expected 401`);
      }
    }
    expect(failures).toEqual([]);
    // Every route × every role in one test: some hundreds of requests, the first of each page kind
    // compiling its schemas and rendering cold.
  }, 240_000);
});

describe('a route without a permission', () => {
  it('stops the app from starting', async () => {
    const bare = Fastify();
    registerPermissions(bare);
    bare.get('/forgotten', async () => 'oops');
    await expect(bare.ready()).rejects.toThrow(/GET \/forgotten/);
  });
});
