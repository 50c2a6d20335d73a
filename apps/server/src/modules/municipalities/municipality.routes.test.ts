import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityDetail, MunicipalityList } from '@varde/contracts';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp } from '../../test/factories';

let database: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const list = async (query = '') => (await app.inject({ url: `/api/municipalities${query}` })).json() as MunicipalityList;

describe('GET /api/municipalities', () => {
  it('returns all 357 in Norwegian alphabetical order', async () => {
    const body = await list();
    expect(body.total).toBe(357);
    expect(body.items).toHaveLength(357);
    const names = body.items.map((m) => m.nameNorwegian);
    expect(names).toEqual([...names].sort(new Intl.Collator('nb').compare));
    // Æ, Ø and Å come last in Norwegian; the database's C collation would put Å first.
    expect(names.at(-1)!.startsWith('Å')).toBe(true);
  });

  it('finds a municipality by any name form, ignoring case and accents', async () => {
    expect((await list('?q=tydal')).items.map((m) => m.code)).toEqual(['5033']);
    expect((await list('?q=karasjok')).items.map((m) => m.code)).toEqual(['5610']);
    expect((await list('?q=kárášjohka')).items.map((m) => m.code)).toEqual(['5610']);
    expect((await list('?q=5033')).items.map((m) => m.code)).toEqual(['5033']);
  });

  it('sorts by county and then name, the Norwegian way (what the municipality pickers show)', async () => {
    const { items } = await list('?sort=county');
    expect(items).toHaveLength(357);
    const counties = [...new Set(items.map((m) => m.countyName))];
    expect(counties[0]).toBe('Agder');
    expect(counties.at(-1)).toBe('Østfold');
    // Each county's municipalities come together, so a picker can group them as they come.
    expect(counties).toHaveLength(new Set(items.map((m) => m.countyCode)).size);
    const trondelag = items.filter((m) => m.countyCode === '50').map((m) => m.nameNorwegian);
    expect(trondelag.at(-1)).toBe('Åfjord');
  });

  it('filters by county, centrality class and population band', async () => {
    const body = await list('?county=50&centrality=6&population=lt2000&sort=population');
    expect(body.items.length).toBeGreaterThan(0);
    for (const m of body.items) {
      expect(m.countyCode).toBe('50');
      expect(m.centralityClass).toBe(6);
      expect(m.population).toBeLessThan(2000);
    }
    const pops = body.items.map((m) => m.population);
    expect(pops).toEqual([...pops].sort((a, b) => a - b));
    expect(body.items.map((m) => m.code)).toContain('5033');
  });

  it('answers bad filters with translated field errors', async () => {
    const response = await app.inject({ url: '/api/municipalities?centrality=9&population=huge', headers: { 'accept-language': 'nn' } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'centrality', code: 'too_large', message: 'Sentralitet kan vere høgst 6.' }),
        expect.objectContaining({ path: 'population', code: 'invalid_value', message: 'Innbyggjartal har ein verdi vi ikkje kjenner.' }),
      ]),
    );
  });
});

describe('GET /api/municipalities/{code}', () => {
  it('returns name forms, facts and neighbours by kind', async () => {
    const response = await app.inject({ url: '/api/municipalities/5610' });
    expect(response.statusCode).toBe(200);
    const m = response.json() as MunicipalityDetail;
    expect(m.nameForms).toEqual([
      { name: 'Kárášjohka', lang: 'sme' },
      { name: 'Karasjok', lang: 'nor' },
    ]);
    expect(m.populationHistory.map((p) => p.date)).toEqual(['2024-01-01', '2025-01-01', '2026-01-01']);
    expect(m.organisationId).toMatch(/^[0-9a-f-]{36}$/);
    const tydal = (await app.inject({ url: '/api/municipalities/5033' })).json() as MunicipalityDetail;
    // Tydal borders Røros, Holtålen, Selbu and Meråker on land (Kartverket boundaries).
    expect(
      tydal.neighbours
        .filter((n) => n.kind === 'land')
        .map((n) => n.code)
        .sort(),
    ).toEqual(['5025', '5026', '5032', '5034']);
    expect(tydal.neighbours.every((n) => ['land', 'touching', 'sea'].includes(n.kind))).toBe(true);
  });

  it('answers an unknown code with a clear 404 in the asked language', async () => {
    const nb = await app.inject({ url: '/api/municipalities/9999' });
    expect(nb.statusCode).toBe(404);
    expect(nb.json().error).toEqual({ code: 'not_found', message: 'Vi fant ingen kommune med nummer 9999.' });
    const en = await app.inject({ url: '/api/municipalities/9999', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json().error.message).toBe('We found no municipality with number 9999.');
  });

  it('rejects a malformed code', async () => {
    const response = await app.inject({ url: '/api/municipalities/abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ path: 'code', code: 'invalid_format' });
  });
});
