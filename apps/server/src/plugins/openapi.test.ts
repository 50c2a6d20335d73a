/**
 * The OpenAPI document is for people who build on the API: every operation has an id, a description
 * on every response, the security it needs, 500 and the errors its declaration implies, one error
 * schema whose codes are the contracts' codes, and `lang`. `npm run lint:openapi` runs Redocly's
 * recommended rules over the same document; this test holds what those rules do not know about Varde.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, FieldErrorCode, languages } from '@varde/contracts';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp } from '../test/factories';

interface Response {
  description: string;
  content?: Record<string, { schema: { $ref?: string } }>;
  headers?: Record<string, unknown>;
}
interface Operation {
  operationId?: string;
  parameters?: { $ref?: string; in?: string; name?: string }[];
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
}
interface Schema {
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, { name: string; in: string; schema: Schema }>;
    securitySchemes: Record<string, unknown>;
  };
}

let database: TestDatabase;
let app: FastifyInstance;
let document: Document;
let operations: { key: string; method: string; path: string; op: Operation; permission: string; rateLimited: boolean }[];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database, { loginRateLimit: 2 });
  const response = await app.inject({ url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = response.json() as Document;
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      const route = app.registeredRoutes.find((r) => r.method === method.toUpperCase() && r.url === url);
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        op,
        permission: route?.permission?.kind ?? 'none',
        rateLimited: [
          'POST /api/auth/login',
          'POST /api/auth/password-reset',
          'POST /api/auth/password-reset/confirm',
          'POST /api/setup/{token}',
          'POST /api/invitations/{token}/accept',
        ].includes(`${method.toUpperCase()} ${path}`),
      };
    }),
  );
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const isWrite = (method: string) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
const failing = <T>(list: T[], check: (item: T) => boolean) => list.filter((item) => !check(item));

describe('the OpenAPI document', () => {
  it('documents every registered API route, each with a permission', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(failing(operations, (o) => o.permission !== 'none').map((o) => o.key)).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(failing(operations, (o) => /^[a-z][a-zA-Z]+$/.test(o.op.operationId ?? '')).map((o) => o.key)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes every response in words of its own', () => {
    const bad = operations.flatMap((o) =>
      Object.entries(o.op.responses)
        .filter(([, r]) => !r.description || r.description === 'Default Response')
        .map(([status]) => `${o.key} ${status}`),
    );
    expect(bad).toEqual([]);
  });

  it('applies the session scheme where the permission needs it, optional on public routes, with the CSRF token on writes', () => {
    for (const { key, method, op, permission } of operations) {
      const withSession = isWrite(method) ? { session: [], csrf: [] } : { session: [] };
      expect(op.security, key).toEqual(permission === 'public' ? [{}, withSession] : [withSession]);
    }
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['csrf', 'session']);
  });

  it('documents 500 everywhere, 400 on the API, 401 and 403 from the permission, 413/415 with a body, 429 where rate-limited', () => {
    const missing = operations.flatMap(({ key, method, path, op, permission, rateLimited }) => {
      const expected = ['500'];
      if (path.startsWith('/api/')) expected.push('400');
      if (permission !== 'public') expected.push('401');
      if (isWrite(method) || !['public', 'authenticated'].includes(permission)) expected.push('403');
      if (op.responses['413'] || op.responses['415']) expected.push('413', '415');
      if (rateLimited) expected.push('429');
      return expected.filter((status) => !op.responses[status]).map((status) => `${key} ${status}`);
    });
    expect(missing).toEqual([]);
    const withBody = operations.filter((o) => o.op.responses['413']).map((o) => o.key);
    expect(withBody).toContain('PUT /api/schemes/{schemeId}');
    expect(operations.filter((o) => o.op.responses['429']).map((o) => o.key)).toEqual(operations.filter((o) => o.rateLimited).map((o) => o.key));
  });

  it('documents 404 or 410 for a path parameter that names something (not only the organisation the permission checks)', () => {
    const missing = operations.filter(({ path, op, permission }) => {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const organisationOnly = names.every((n) => n === 'id') && permission.startsWith('organisation');
      return names.length > 0 && !organisationOnly && !op.responses['404'] && !op.responses['410'];
    });
    expect(missing.map((o) => o.key)).toEqual([]);
  });

  it('refers every JSON error to the one ApiError schema', () => {
    // 4xx and 500; the readiness check's 503 is a status report, not an error.
    const isError = (status: string) => status.startsWith('4') || status === '500';
    const bad = operations.flatMap(({ key, op }) =>
      Object.entries(op.responses)
        .filter(([status, r]) => isError(status) && r.content?.['application/json'])
        .filter(([, r]) => r.content!['application/json']!.schema.$ref !== '#/components/schemas/ApiError')
        .map(([status]) => `${key} ${status}`),
    );
    expect(bad).toEqual([]);
    // The one exception is a plain-text message for people: a retired calendar address.
    const plain = operations.flatMap(({ key, op }) =>
      Object.entries(op.responses)
        .filter(([status, r]) => isError(status) && !r.content?.['application/json'])
        .map(([status]) => `${key} ${status}`),
    );
    expect(plain).toEqual(['GET /api/calendar/feeds/{token}.ics 410']);
  });

  it("lists the contracts' error codes and field error codes as enumerations of ApiError", () => {
    const error = document.components.schemas.ApiError?.properties?.error;
    expect(error?.properties?.code?.enum).toEqual(Object.values(ErrorCode));
    expect(error?.properties?.fields?.items?.properties?.code?.enum).toEqual(Object.values(FieldErrorCode));
  });

  it('documents `lang` on every operation, once, as a component', () => {
    expect(document.components.parameters.lang).toMatchObject({ name: 'lang', in: 'query', schema: { enum: [...languages] } });
    const bad = operations.filter((o) => o.op.parameters?.filter((p) => p.$ref === '#/components/parameters/lang').length !== 1);
    expect(bad.map((o) => o.key)).toEqual([]);
    expect(operations.some((o) => o.op.parameters?.some((p) => p.name === 'lang'))).toBe(false);
  });
});

describe('what the document says the API does', () => {
  it('answers an error particular to a route in the ApiError shape, through its declared schema', async () => {
    const response = await app.inject({ url: '/api/organisations/00000000-0000-4000-8000-000000000000?lang=en' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('refuses text that cannot be stored with 400 on a route without inputs, and ignores an unknown `lang`', async () => {
    const refused = await app.inject({ url: '/api/counties?x=%ED%A0%80' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'validation', fields: [{ path: 'x', code: 'invalid_text' }] });
    expect((await app.inject({ url: '/api/counties?lang=xx' })).statusCode).toBe(200);
  });

  it('answers field errors with their limits', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@example.org', password: 'x'.repeat(201) } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'password', code: 'too_long', message: expect.any(String), limit: 200 }]);
  });

  it('says when to try again after too many sign-in attempts', async () => {
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.org', password: 'not-the-password' } });
    let response = await attempt();
    for (let i = 0; i < 3 && response.statusCode !== 429; i++) response = await attempt();
    expect(response.statusCode).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
  });
});
