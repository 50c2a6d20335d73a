import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { addMember, createOrganisation, createTestApp, createUser, municipalityOrganisation, signIn, type Client } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
let admin: Client;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  admin = await signIn(app, (await createUser(database.db, { isPlatformAdmin: true, name: 'Admin' })).email);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = async (url: string) => {
  const response = await app.inject({ url, headers: admin.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('GET /api/admin/organisations', () => {
  it('pages every organisation in Norwegian name order', async () => {
    const all = await get('/api/admin/organisations?limit=100&offset=0');
    expect(all.total).toBeGreaterThan(350);
    expect(all.items).toHaveLength(100);
    const names = all.items.map((o: { name: string }) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('nb', { sensitivity: 'base' }).compare));
    const next = await get('/api/admin/organisations?limit=100&offset=100');
    expect(next.items[0].name).not.toBe(all.items[99].name);
    // Å comes last in Norwegian, not after A.
    const last = await get(`/api/admin/organisations?type=municipality&limit=5&offset=${all.total - 5}`);
    expect(last.items.at(-1).name.startsWith('Å') || last.items.length < 5).toBe(true);
  });

  it('finds organisations by part of the name, accents and case ignored, or by municipality number', async () => {
    await createOrganisation(database.db, { type: 'scheme_owner', name: 'Distriktssenteret (test)' });
    const byName = await get('/api/admin/organisations?q=distriktssenter');
    expect(byName.items.map((o: { name: string }) => o.name)).toContain('Distriktssenteret (test)');
    const sami = await get('/api/admin/organisations?q=karasjok');
    expect(sami.items.some((o: { municipalityCode: string }) => o.municipalityCode === '5610')).toBe(true);
    const byNumber = await get('/api/admin/organisations?q=5033');
    expect(byNumber).toMatchObject({ total: 1, items: [{ municipalityCode: '5033' }] });
    const byPrefix = await get('/api/admin/organisations?q=50&type=municipality');
    expect(byPrefix.total).toBeGreaterThan(10);
    expect(byPrefix.items.every((o: { municipalityCode: string }) => o.municipalityCode.startsWith('50'))).toBe(true);
    expect((await get('/api/admin/organisations?q=zzzz-nothing')).total).toBe(0);
  });

  it('refuses members and over-long searches', async () => {
    const member = await createUser(database.db);
    await addMember(database.db, (await municipalityOrganisation(database.db, '5033')).id, member.id);
    const client = await signIn(app, member.email);
    expect((await app.inject({ url: '/api/admin/organisations', headers: client.headers })).statusCode).toBe(403);
    const long = await app.inject({ url: `/api/admin/organisations?q=${'x'.repeat(101)}`, headers: admin.headers });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].path).toBe('q');
  });
});

describe('GET /api/admin/users', () => {
  it('finds accounts by name or e-mail, sorted in Norwegian order, a page at a time', async () => {
    for (const name of ['Åse Ås', 'Øyvind Test', 'Ærlig Ansatt', 'Zakarias Test']) await createUser(database.db, { name });
    const all = await get('/api/admin/users?limit=100');
    const names = all.items.map((u: { name: string }) => u.name);
    expect(names.indexOf('Zakarias Test')).toBeLessThan(names.indexOf('Ærlig Ansatt'));
    expect(names.indexOf('Ærlig Ansatt')).toBeLessThan(names.indexOf('Øyvind Test'));
    expect(names.indexOf('Øyvind Test')).toBeLessThan(names.indexOf('Åse Ås'));
    const found = await get('/api/admin/users?q=%C3%B8yvind');
    expect(found).toMatchObject({ total: 1, items: [{ name: 'Øyvind Test' }] });
    const first = await get('/api/admin/users?limit=2&offset=0');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(all.total);
  });
});
