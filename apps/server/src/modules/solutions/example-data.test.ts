/** Example solutions: the same seed makes the same set; flagged, and shown only with EXAMPLE_DATA=on. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolutionList, SolutionSpread } from '@varde/contracts/solutions-api';
import { readDatasetSolutions } from '@varde/db';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp, getOk } from '../../test/factories';
import { EXAMPLE_NOTE, exampleSolutions } from './example-data';

let database: TestDatabase;
let on: FastifyInstance;
let off: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  on = await createTestApp(database, { exampleData: true });
  off = await createTestApp(database, { exampleData: false });
});
afterAll(async () => {
  await on?.close();
  await off?.close();
  await database?.close();
});

describe('example solutions', () => {
  it('are the same for the same seed, each saying it is invented', () => {
    const options = { seed: 7, count: 50, municipalities: ['0301', '5033', '4601', '1804'], thisYear: 2026 };
    expect(exampleSolutions(options)).toEqual(exampleSolutions(options));
    expect(exampleSolutions(options).every((s) => s.content.summary?.startsWith(EXAMPLE_NOTE[s.content.language as 'nb' | 'nn']))).toBe(true);
  });

  it('are shown, flagged, only when the server shows example data', async () => {
    expect(await on.services.solutionService.replaceExamples(7, 220)).toBe(220);
    const real = readDatasetSolutions().length;
    const shown = await getOk<SolutionList>(on, '/api/solutions');
    expect(shown).toMatchObject({ total: real + 220, includesExamples: true, exampleDataOn: true });
    expect((await getOk<SolutionList>(on, '/api/solutions?example=exclude')).total).toBe(real);
    const hidden = await getOk<SolutionList>(off, '/api/solutions');
    expect(hidden).toMatchObject({ total: real, includesExamples: false, exampleDataOn: false });
    const example = shown.items.find((s) => s.isExample)!;
    expect((await off.inject({ url: `/api/solutions/${example.id}` })).statusCode).toBe(404);
    const spread = await getOk<SolutionSpread>(on, `/api/solutions/${example.id}/spread`);
    expect(spread.places.some((p) => p.kind === 'owner')).toBe(true);
    expect(await on.services.solutionService.replaceExamples(7, 0)).toBe(0);
    expect((await getOk<SolutionList>(on, '/api/solutions')).total).toBe(real);
  });
});
