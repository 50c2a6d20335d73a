/** Example records: made from a seed, hidden unless EXAMPLE_DATA=on, then always marked and removable by a filter. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipationList } from '@varde/contracts/participation-api';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp, getOk } from '../../test/factories';
import { EXAMPLE_SOURCE, exampleRecords } from './example-data';

let database: TestDatabase;
let shown: FastifyInstance;
let hidden: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  shown = await createTestApp(database, { exampleData: true });
  hidden = await createTestApp(database);
  expect(await shown.services.participationService.replaceExamples(7, 300)).toBe(300);
});
afterAll(async () => {
  await shown?.close();
  await hidden?.close();
  await database?.close();
});

describe('example data', () => {
  it('is the same set for the same seed, flagged and sourced as invented', () => {
    const options = { seed: 7, count: 50, municipalities: ['5033', '1804'], schemes: [{ key: 'klimasats', catalogueId: 'klimasats', name: 'Klimasats' }] };
    expect(exampleRecords(options)).toEqual(exampleRecords(options));
    expect(exampleRecords({ ...options, seed: 8 })).not.toEqual(exampleRecords(options));
    expect(exampleRecords(options).every((r) => r.isExample && r.sourceDocument === EXAMPLE_SOURCE && r.dedupeKey.startsWith('example|'))).toBe(true);
  });

  it('is left out everywhere by default', async () => {
    const list = await getOk<ParticipationList>(hidden, '/api/participation');
    expect(list).toMatchObject({ total: 767, includesExamples: false, exampleDataOn: false });
  });

  it('is shown with EXAMPLE_DATA=on, said to be there, and removed by the filter', async () => {
    const list = await getOk<ParticipationList>(shown, '/api/participation');
    expect(list).toMatchObject({ total: 1067, includesExamples: true, exampleDataOn: true });
    const real = await getOk<ParticipationList>(shown, '/api/participation?example=exclude');
    expect(real).toMatchObject({ total: 767, includesExamples: false, exampleDataOn: true });
    const example = list.items.find((r) => r.isExample) ?? (await getOk<ParticipationList>(shown, '/api/participation?page=2')).items.find((r) => r.isExample);
    if (example) {
      expect((await hidden.inject({ url: `/api/participation/${example.id}` })).statusCode).toBe(404);
      expect(example.can).toEqual({ edit: false, remove: false, verify: false, flag: false });
    }
  });

  it('is replaced by a new seed, or removed with a count of 0', async () => {
    await shown.services.participationService.replaceExamples(8, 10);
    expect((await getOk<ParticipationList>(shown, '/api/participation')).total).toBe(777);
    await shown.services.participationService.replaceExamples(8, 0);
    expect((await getOk<ParticipationList>(shown, '/api/participation')).includesExamples).toBe(false);
  });
});
