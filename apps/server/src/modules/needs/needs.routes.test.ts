/** A municipality's needs profile: what the registers say, and the finder ranking matching schemes higher. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeList } from '@varde/contracts/finder-api';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createTestApp, createUser, municipalityOrganisation, signIn, type Client, getOk } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let tydal: string;
let memberTydal: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  tydal = (await municipalityOrganisation(database.db, '5033')).id;
  const member = await createUser(database.db, { name: 'Tora Tydal' });
  await addMember(database.db, tydal, member.id);
  memberTydal = await signIn(app, member.email);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = <T>(url: string, client?: Client) => getOk<T>(app, url, client);

describe('the needs profile', () => {
  it('keeps a needs profile that ranks matching schemes higher', async () => {
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/organisations/${tydal}/needs`,
      headers: memberTydal.headers,
      payload: { themes: ['health_care'], description: 'Velferdsteknologi i hjemmetjenesten' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ themes: ['health_care'], register: { code: '5033', countyName: 'Trøndelag' } });
    expect(saved.json().register.neighbours.map((n: { code: string }) => n.code)).toContain('5025');
    const list = await get<SchemeList>('/api/schemes', memberTydal);
    expect(list.items.find((c) => c.id === 'kompetanse-og-innovasjonstilskudd')!.matchedNeeds).toEqual(['health_care']);
  });
});
