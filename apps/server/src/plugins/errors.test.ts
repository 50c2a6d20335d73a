import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp, createUser, signIn, type Client } from '../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let admin: Client;
let port: number;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  admin = await signIn(app, (await createUser(database.db, { isPlatformAdmin: true })).email);
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A request over a real socket, for what Node's HTTP parser refuses before Fastify sees it. */
function send(headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/counties', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function sendRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('error codes of refused requests', () => {
  it('413 for a body over the size limit is payload_too_large (it was validation)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { type: 'partner', name: 'x'.repeat(1_100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: { code: 'payload_too_large', message: 'What you sent is too large.' } });
  });

  it('415 for a body that is not JSON is unsupported_media_type (text/plain was a 400 validation)', async () => {
    for (const contentType of ['text/plain', 'text/plain; charset=utf-8', 'application/xml', 'application/x-www-form-urlencoded']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: { ...admin.headers, 'content-type': contentType },
        payload: '{"type":"partner","name":"Tekst AS"}',
      });
      expect(response.statusCode, contentType).toBe(415);
      expect(response.json(), contentType).toEqual({
        error: { code: 'unsupported_media_type', message: 'Vi tar bare imot data i formatet JSON (application/json).' },
      });
    }
    // A write without a body needs no content type.
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: (await signIn(app, (await createUser(database.db)).email)).headers });
    expect(logout.statusCode).toBe(204);
  });

  it('a body that is not valid JSON stays a 400 validation error', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation');
  });

  it('a body of the wrong JSON type is a field error on body, not on an empty path', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '[1]',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'body', code: 'invalid_value', message: 'Innholdet har en verdi vi ikke kjenner.' }]);
  });

  it('431 for headers over the size limit comes in the app’s error shape (it was Fastify’s)', async () => {
    const response = await send({ cookie: `big=${'x'.repeat(20_000)}` });
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.body)).toEqual({
      error: {
        code: 'header_too_large',
        message: 'Forespørselen er for stor, ofte fordi det er for mange informasjonskapsler. Slett informasjonskapslene for dette nettstedet og prøv igjen.',
      },
    });
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    // The server goes on serving.
    expect((await send({})).status).toBe(200);
  });

  it('a request that is not HTTP gets 400 bad_request in the app’s error shape', async () => {
    const raw = await sendRaw('NOT HTTP AT ALL\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'bad_request', message: 'Vi kunne ikke lese forespørselen. Prøv igjen.' },
    });
  });
});
