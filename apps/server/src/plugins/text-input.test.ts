import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp, createUser, signIn, type Client } from '../test/factories';
import { cleanTextTree, MAX_BODY_DEPTH, undecodableQueryParameters } from './text-input';
import type { PendingFieldError } from '../core/app-error';

let database: TestDatabase;
let app: FastifyInstance;
let admin: Client;
let json: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const adminUser = await createUser(database.db, { isPlatformAdmin: true });
  admin = await signIn(app, adminUser.email);
  json = { ...admin.headers, 'content-type': 'application/json' };
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const invalidText = (path: string) => expect.objectContaining({ path, code: 'invalid_text' });

describe('bad text in a JSON body', () => {
  it('refuses a NUL character with invalid_text on the field (it was a database error, 500)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: admin.headers,
      payload: { type: 'partner', name: 'Nul\u0000 AS' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation',
      message: 'Noen felt må rettes før vi kan lagre.',
      fields: [
        { path: 'name', code: 'invalid_text', message: 'Navn inneholder tegn som ikke er tillatt (for eksempel nulltegn eller ødelagte Unicode-tegn).' },
      ],
    });
  });

  it('refuses a lone surrogate (a \\ud800 escape) with invalid_text (it was a 500)', async () => {
    for (const escape of ['\\ud800', '\\udfff', 'a\\udc00b', '\\ud83d']) {
      const response = await app.inject({ method: 'POST', url: '/api/organisations', headers: json, payload: `{"type":"partner","name":"Org ${escape}"}` });
      expect(response.statusCode, escape).toBe(400);
      expect(response.json().error.fields, escape).toEqual([invalidText('name')]);
    }
    // A whole pair is a well-formed character and is kept.
    const pair = await app.inject({ method: 'POST', url: '/api/organisations', headers: json, payload: '{"type":"partner","name":"Org \\ud83d\\ude00"}' });
    expect(pair.statusCode, pair.body).toBe(201);
    expect(pair.json().name).toBe('Org 😀');
  });

  it('reports nested fields on their dotted path, in the request language', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/saved-searches',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { name: 'Ok', query: { q: 'a\u0000', theme: ['health_care'] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'query.q', code: 'invalid_text', message: 'Search contains characters that are not allowed (such as a NUL character or broken Unicode).' },
    ]);
  });

  it('refuses a NUL character in a property name, on the object that holds it', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/organisations', headers: json, payload: '{"type":"partner","name":"Ok AS","x\\u0000":1}' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([invalidText('body')]);
  });

  it('removes a leading byte-order mark before validation instead of refusing it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/saved-searches',
      headers: json,
      payload: '{"name":"\\ufeffTydal","query":{"municipality":"\\ufeff5033"}}',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Tydal', query: { municipality: '5033' } });
    // Only a leading one: inside the text it is an ordinary (zero-width) character.
    const inside = await app.inject({ method: 'POST', url: '/api/organisations', headers: json, payload: '{"type":"partner","name":"BOM\\ufeff AS"}' });
    expect(inside.json().name).toBe('BOM\ufeff AS');
  });
});

describe('bad text in the query string', () => {
  it('refuses %00 with invalid_text on the parameter (it was searched for)', async () => {
    const response = await app.inject({ url: '/api/municipalities?q=%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'q', code: 'invalid_text', message: 'Søk inneholder tegn som ikke er tillatt (for eksempel nulltegn eller ødelagte Unicode-tegn).' },
    ]);
  });

  it('refuses percent-encoding that is not UTF-8 (a surrogate, a cut-off character)', async () => {
    for (const bad of ['%ED%A0%80', '%C3', 'Oslo%E2%82', '%FF']) {
      const response = await app.inject({ url: `/api/municipalities?q=${bad}&lang=nn` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.fields, bad).toEqual([
        { path: 'q', code: 'invalid_text', message: 'Søk inneheld teikn som ikkje er tillatne (til dømes nullteikn eller øydelagde Unicode-teikn).' },
      ]);
    }
  });

  it('checks every value of a repeated parameter', async () => {
    const response = await app.inject({ url: '/api/schemes?theme=health_care&theme=%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([invalidText('theme.1')]);
  });

  it('removes a leading byte-order mark before validation', async () => {
    const response = await app.inject({ url: '/api/municipalities?county=%EF%BB%BF50&q=%EF%BB%BFTydal' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((m: { name: string }) => m.name)).toEqual(['Tydal']);
  });
});

describe('bad text in a path parameter', () => {
  it('refuses %00 with invalid_text on the parameter', async () => {
    const response = await app.inject({ url: '/api/municipalities/%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([invalidText('code')]);
  });

  it('refuses percent-encoding that is not UTF-8 in the app shape and language (it was the router’s own 400)', async () => {
    const response = await app.inject({ url: '/api/municipalities/%ED%A0%80', headers: { 'accept-language': 'nn' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Nokre felt må rettast før vi kan lagre.',
        fields: [
          {
            path: 'code',
            code: 'invalid_text',
            message: 'Kommunenummer inneheld teikn som ikkje er tillatne (til dømes nullteikn eller øydelagde Unicode-teikn).',
          },
        ],
      },
    });
    // The parameter is found when it has a suffix, or is the second one in the path.
    const feed = await app.inject({ url: '/api/calendar/feeds/abc%C3.ics' });
    expect(feed.json().error.fields).toEqual([invalidText('token')]);
    const member = await app.inject({
      method: 'DELETE',
      url: '/api/organisations/00000000-0000-4000-8000-000000000000/members/%E0%A4%A',
      headers: admin.headers,
    });
    expect(member.statusCode).toBe(400);
    expect(member.json().error.fields).toEqual([invalidText('userId')]);
  });

  it('answers 404 in the app shape when the bad part is in no parameter', async () => {
    const response = await app.inject({ url: '/api/nowhere%ED%A0%80/x?lang=en' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'We could not find what you were looking for.' } });
  });

  it('removes a leading byte-order mark before the permission check and validation', async () => {
    const response = await app.inject({ url: '/api/municipalities/%EF%BB%BF5033' });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe('Tydal');
  });

  it('answers 414 in the app shape for a parameter longer than the router takes', async () => {
    const response = await app.inject({ url: `/api/municipalities/${'1'.repeat(1001)}` });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toEqual({ error: { code: 'uri_too_long', message: 'Adressen er for lang.' } });
  });
});

describe('deeply nested bodies', () => {
  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  // The body object is level 1, `query` level 2, `extra` and what it holds the rest.
  const body = (levels: number) => `{"name":"Dyp","query":{"q":"x","extra":${nested(levels - 2)}}}`;

  it(`accepts ${MAX_BODY_DEPTH} levels`, async () => {
    const response = await app.inject({ method: 'POST', url: '/api/saved-searches', headers: json, payload: body(MAX_BODY_DEPTH) });
    expect(response.statusCode, response.body).toBe(201);
  });

  it(`refuses ${MAX_BODY_DEPTH + 1} levels with a field error on body`, async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/saved-searches',
      headers: { ...json, 'accept-language': 'en' },
      payload: body(MAX_BODY_DEPTH + 1),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'body', code: 'too_deep', limit: 32, message: 'The request body is nested too deeply (at most 32 levels).' },
    ]);
  });

  it('refuses 200 000 levels quickly, without overflowing the stack', async () => {
    const started = Date.now();
    const response = await app.inject({ method: 'POST', url: '/api/saved-searches', headers: json, payload: body(200_000) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ path: 'body', code: 'too_deep' })]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('cleanTextTree', () => {
  it('strips leading byte-order marks from strings and keys, and reports each bad string once', () => {
    const problems: PendingFieldError[] = [];
    const value = { '\ufeffa': '\ufeff\ufeffx', list: ['ok', 'b\u0000', { c: '\ud800' }] };
    expect(cleanTextTree(value, problems)).toEqual({ a: 'x', list: ['ok', 'b\u0000', { c: '\ud800' }] });
    expect(problems).toEqual([
      { path: 'list.1', code: 'invalid_text' },
      { path: 'list.2.c', code: 'invalid_text' },
    ]);
  });

  it('counts the levels of objects and arrays', () => {
    const problems: PendingFieldError[] = [];
    cleanTextTree({ a: [{ b: 1 }] }, problems, { maxDepth: 3 });
    expect(problems).toEqual([]);
    cleanTextTree({ a: [{ b: [] }] }, problems, { maxDepth: 3 });
    expect(problems).toEqual([{ path: 'body', code: 'too_deep', limit: 3 }]);
  });

  it('finds query values that are not UTF-8', () => {
    expect(undecodableQueryParameters('/x?a=%ED%A0%80&b=ok&c=%C3%A6&d=%E6&e')).toEqual(['a', 'd']);
    expect(undecodableQueryParameters('/x?%FF=1')).toEqual(['query']);
    expect(undecodableQueryParameters('/x')).toEqual([]);
  });
});
