/**
 * Invariants of the solution library under concurrent requests: an organisation's document storage
 * never passes its quota, and owners withdrawing at once still withdraw the solution when none is
 * left. On PostgreSQL (a pool of connections) the requests fired together really run at the same
 * time; PGlite runs one at a time and passes trivially. Each race is repeated.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolutionView } from '@varde/contracts/solutions-api';
import { solutionLimits } from '@varde/contracts/solutions-vocabulary';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, getOk, municipalityOrganisation, signIn, type Client } from '../../test/factories';

const TRIALS = 5;

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let roros: string;
let holtalen: string;
const members: Client[] = [];
let adminTydal: Client;
let adminRoros: Client;
let adminHoltalen: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const db = database.db;
  tydal = (await municipalityOrganisation(db, '5033')).id;
  roros = (await municipalityOrganisation(db, '5025')).id;
  holtalen = (await municipalityOrganisation(db, '5026')).id;
  const user = async (organisationId: string, role: 'member' | 'admin') => {
    const created = await createUser(db);
    await addMember(db, organisationId, created.id, role);
    return signIn(app, created.email);
  };
  for (let i = 0; i < 3; i++) members.push(await user(tydal, 'member'));
  adminTydal = await user(tydal, 'admin');
  adminRoros = await user(roros, 'admin');
  adminHoltalen = await user(holtalen, 'admin');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const send = (client: Client, method: 'POST' | 'PUT', url: string, payload: object) => app.inject({ method, url, headers: client.headers, payload });

async function publishedSolution(title: string, coOwnerIds: string[]) {
  const created = await send(members[0]!, 'POST', '/api/solutions', { organisationId: tydal, language: 'nb', title, coOwnerIds });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await send(adminTydal, 'POST', `/api/solutions/${id}/publish`, { revision: 1 });
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

describe('an organisation’s document storage', () => {
  it('takes one of two uploads that together would pass the quota, never both', async () => {
    const id = await publishedSolution('Kvote', []);
    const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600_000, 0x20), Buffer.from('\n%%EOF\n')]);
    for (let trial = 0; trial < TRIALS; trial++) {
      await database.db.delete(schema.solutionDocuments).where(eq(schema.solutionDocuments.organisationId, tydal));
      // Room for one more file only (the stored size is what counts, the filler's bytes are few).
      await database.db.insert(schema.solutionDocuments).values({
        solutionId: id,
        organisationId: tydal,
        fileName: 'fyll.txt',
        mimeType: 'text/plain',
        bytes: solutionLimits.organisationDocumentBytes - file.length - 1000,
        content: Buffer.from('fyll'),
      });
      const answers = await Promise.all(
        members.map((m, i) =>
          app.inject({
            method: 'POST',
            url: `/api/solutions/${id}/documents?name=f${i}.pdf`,
            headers: { ...m.headers, 'content-type': 'application/pdf' },
            payload: file,
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
      const rows = await database.db.select().from(schema.solutionDocuments).where(eq(schema.solutionDocuments.organisationId, tydal));
      expect(rows.reduce((n, r) => n + r.bytes, 0)).toBeLessThanOrEqual(solutionLimits.organisationDocumentBytes);
    }
  });
});

describe('owners withdrawing at once', () => {
  it('withdraw the solution when the last name goes, whoever comes last', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const id = await publishedSolution(`Tilbaketrekking ${trial}`, [roros, holtalen]);
      const answers = await Promise.all([
        send(adminTydal, 'POST', `/api/solutions/${id}/withdraw`, { organisationId: tydal }),
        send(adminRoros, 'POST', `/api/solutions/${id}/withdraw`, { organisationId: roros }),
        send(adminHoltalen, 'POST', `/api/solutions/${id}/withdraw`, { organisationId: holtalen }),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
      const page = await getOk<SolutionView>(app, `/api/solutions/${id}`);
      expect(page.status).toBe('withdrawn');
      expect(page.owners.every((o) => o.withdrawnAt)).toBe(true);
    }
  });
});
