/**
 * Imports under concurrent requests. On PostgreSQL (a pool of four connections) the requests fired
 * together really run at the same time; PGlite runs one at a time and passes trivially. Each race is
 * repeated, since one lucky interleaving proves little.
 */
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportDetail, ParticipationList } from '@varde/contracts/participation-api';
import { schema } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, getOk, signIn, type Client } from '../../test/factories';

const TRIALS = 8;

let database: TestDatabase;
let app: FastifyInstance;
let adviser: Client;
let colleague: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const county = await createOrganisation(database.db, { type: 'state_administrator', countyCode: '50' });
  const user = async () => {
    const created = await createUser(database.db);
    await addMember(database.db, county.id, created.id);
    return signIn(app, created.email);
  };
  adviser = await user();
  colleague = await user();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** Each trial its own year, so trials never share a record. */
const csv = (year: number, municipalities: string[]) =>
  Buffer.from(`Kommunenummer;Ordning;År;Rolle;Status\n${municipalities.map((m) => `${m};klimasats;${year};mottaker;innvilget`).join('\n')}\n`);

async function draft(client: Client, bytes: Buffer): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/participation-imports?name=race.csv',
    headers: { ...client.headers, 'content-type': 'text/csv' },
    payload: bytes,
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as ImportDetail).id;
}
const commit = (client: Client, id: string) => app.inject({ method: 'POST', url: `/api/participation-imports/${id}/commit`, headers: client.headers });
async function recordsOf(importId: string) {
  const [row] = await database.db.select({ n: count() }).from(schema.participationRecords).where(eq(schema.participationRecords.importId, importId));
  return row!.n;
}

describe('committing imports at the same time', () => {
  it('saves one draft once, however many commits race', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const id = await draft(adviser, csv(2000 + trial, ['5033', '5025', '5026']));
      const responses = await Promise.all([commit(adviser, id), commit(adviser, id), commit(adviser, id)]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      expect(await recordsOf(id)).toBe(3);
    }
  });

  it('lets one of two overlapping imports win whole; the other saves nothing', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const year = 2010 + trial;
      const first = await draft(adviser, csv(year, ['5033', '5025', '5026', '5027']));
      const second = await draft(colleague, csv(year, ['5028', '5029', '5026']));
      const [a, b] = await Promise.all([commit(adviser, first), commit(colleague, second)]);
      expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? first : second;
      const loser = winner === first ? second : first;
      expect(await recordsOf(winner)).toBe(winner === first ? 4 : 3);
      expect(await recordsOf(loser)).toBe(0);
      expect(((a.statusCode === 409 ? a : b).json() as { error: { message: string } }).error.message).toMatch(/Ingenting er lagret/);
    }
  });
});

describe('undo while a record is edited', () => {
  it('never removes an edit it did not see: either the edit lands first and the record is kept, or the undo first and the edit finds nothing', async () => {
    const outcomes = new Set<string>();
    for (let trial = 0; trial < TRIALS; trial++) {
      const year = 2025 - trial;
      const id = await draft(adviser, csv(year, ['5033']));
      expect((await commit(adviser, id)).statusCode).toBe(200);
      const record = (await getOk<ParticipationList>(app, `/api/participation?municipality=5033&year=${year}`)).items[0]!;
      const edit = app.inject({
        method: 'PUT',
        url: `/api/participation/${record.id}`,
        headers: colleague.headers,
        payload: { municipalityCode: '5033', schemeId: 'klimasats', year, role: 'recipient', status: 'completed', revision: 1 },
      });
      const undo = app.inject({ method: 'POST', url: `/api/participation-imports/${id}/undo`, headers: adviser.headers, payload: { remove: [] } });
      const [edited, undone] = await Promise.all([edit, undo]);
      expect(undone.statusCode, undone.body).toBe(200);
      const stillThere = (await app.inject({ url: `/api/participation/${record.id}` })).statusCode === 200;
      if (edited.statusCode === 200) {
        // The edit committed first: the undo saw revision 2 and kept it.
        expect(undone.json()).toEqual({ removed: 0, kept: 1 });
        expect(stillThere).toBe(true);
        outcomes.add('edit first');
      } else {
        expect(edited.statusCode).toBe(404);
        expect(undone.json()).toEqual({ removed: 1, kept: 0 });
        expect(stillThere).toBe(false);
        outcomes.add('undo first');
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });
});
