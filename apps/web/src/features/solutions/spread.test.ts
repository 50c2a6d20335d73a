import { describe, expect, test } from 'vitest';
import type { SolutionSpread, SpreadPlace } from '@varde/contracts/solutions-api';
import { placesIn } from './components/spread-map';

const place = (code: string, kind: SpreadPlace['kind'], fromYear: number, untilYear: number | null = null): SpreadPlace => ({
  municipalityCode: code,
  municipalityName: code,
  countyCode: '11',
  centralityClass: 5,
  kind,
  fromYear,
  untilYear,
});

const spread: SolutionSpread = {
  id: '00000000-0000-4000-8000-000000000000',
  places: [place('1134', 'owner', 2022), place('5033', 'uses', 2023), place('1120', 'testing', 2024), place('1121', 'stopped', 2022, 2023)],
  years: [
    { year: 2022, adopterCodes: ['1121'], adopters: 1, countiesReached: 1, shareLeastCentral: 1 },
    { year: 2023, adopterCodes: ['1121', '5033'], adopters: 2, countiesReached: 2, shareLeastCentral: 1 },
    { year: 2024, adopterCodes: ['5033', '1120'], adopters: 2, countiesReached: 2, shareLeastCentral: 1 },
  ],
  figures: { adopters: 2, using: 1, testing: 1, stopped: 1, countiesReached: 2, shareLeastCentral: 1 },
};

const marks = (year: number) => Object.fromEntries(placesIn(spread, year).map(({ place: p, mark }) => [p.municipalityCode, mark]));

describe('the spread map in a year', () => {
  test('owners from their first year; adopters while they use or test it; one that stopped shows as used while it did, then as stopped', () => {
    expect(marks(2022)).toEqual({ '1134': 'owner', '1121': 'uses' });
    expect(marks(2023)).toEqual({ '1134': 'owner', '5033': 'uses', '1121': 'uses' });
    expect(marks(2024)).toEqual({ '1134': 'owner', '5033': 'uses', '1120': 'testing', '1121': 'stopped' });
  });

  test('nothing before the first year', () => {
    expect(marks(2021)).toEqual({});
  });
});
