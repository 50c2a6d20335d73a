import { describe, expect, it } from 'vitest';
import { compareNorwegian, filterMunicipalities, populationBandOf, searchKey, sortMunicipalities } from './municipalities';

const countyNames: Record<string, string> = {
  '50': 'Trøndelag',
  '56': 'Finnmark',
  '42': 'Agder',
  '15': 'Møre og Romsdal',
  '31': 'Østfold',
  '11': 'Rogaland',
  '46': 'Vestland',
};
const m = (code: string, name: string, population: number, centralityClass = 6, countyCode = '50') => ({
  code,
  name,
  nameNorwegian: name.split(' - ').at(-1)!,
  population,
  centralityClass,
  centralityIndex: 1000 - centralityClass * 100,
  countyCode,
  countyName: countyNames[countyCode]!,
});

const rows = [
  m('5033', 'Tydal', 773),
  m('5610', 'Kárášjohka - Karasjok', 2600, 6, '56'),
  m('4201', 'Risør', 6800, 5, '42'),
  m('1505', 'Kristiansund', 24000, 3, '15'),
  m('3101', 'Halden', 32000, 3, '31'),
  m('1121', 'Time', 19000, 2, '11'),
  m('4601', 'Bergen', 291000, 1, '46'),
  m('1834', 'Åfjord', 4300, 5, '50'),
];

describe('Norwegian order and search', () => {
  it('puts Æ, Ø and Å after Z', () => {
    expect(['Åfjord', 'Ørland', 'Zeta', 'Ærø'].sort(compareNorwegian)).toEqual(['Zeta', 'Ærø', 'Ørland', 'Åfjord']);
  });
  it('folds case and Sami accents but keeps æ, ø and å apart', () => {
    expect(searchKey('Kárášjohka')).toBe('karasjohka');
    expect(searchKey('ÅFJORD')).toBe('åfjord');
    expect(searchKey('Ørland')).toBe('ørland');
    expect(searchKey('afjord')).not.toBe(searchKey('Åfjord'));
  });
});

describe('filterMunicipalities', () => {
  it('matches name forms and number prefixes', () => {
    expect(filterMunicipalities(rows, { q: 'karasjok' }).map((r) => r.code)).toEqual(['5610']);
    expect(filterMunicipalities(rows, { q: 'kárášjohka' }).map((r) => r.code)).toEqual(['5610']);
    expect(filterMunicipalities(rows, { q: '50' }).map((r) => r.code)).toEqual(['5033']);
    expect(filterMunicipalities(rows, { q: '  ' })).toHaveLength(rows.length);
  });
  it('combines county, centrality and population band', () => {
    expect(filterMunicipalities(rows, { county: '50', centrality: 6, population: 'lt2000' }).map((r) => r.code)).toEqual(['5033']);
    expect(filterMunicipalities(rows, { population: 'gte50000' }).map((r) => r.code)).toEqual(['4601']);
  });
});

describe('populationBandOf', () => {
  it('uses inclusive lower and exclusive upper bounds', () => {
    expect(populationBandOf(1999)).toBe('lt2000');
    expect(populationBandOf(2000)).toBe('2000to4999');
    expect(populationBandOf(49999)).toBe('10000to49999');
    expect(populationBandOf(50000)).toBe('gte50000');
  });
});

describe('sortMunicipalities', () => {
  it('sorts by name, population and centrality in both directions', () => {
    expect(
      sortMunicipalities(rows, 'name')
        .map((r) => r.nameNorwegian)
        .slice(-1),
    ).toEqual(['Åfjord']);
    expect(sortMunicipalities(rows, '-population')[0]!.code).toBe('4601');
    expect(sortMunicipalities(rows, 'population')[0]!.code).toBe('5033');
    expect(sortMunicipalities(rows, 'centrality')[0]!.code).toBe('4601');
  });

  it('sorts by county name the Norwegian way, and by name within each county', () => {
    const byCounty = sortMunicipalities(rows, 'county').map((r) => `${r.countyName}/${r.nameNorwegian}`);
    expect(byCounty).toEqual([
      'Agder/Risør',
      'Finnmark/Karasjok',
      'Møre og Romsdal/Kristiansund',
      'Rogaland/Time',
      'Trøndelag/Tydal',
      'Trøndelag/Åfjord',
      'Vestland/Bergen',
      'Østfold/Halden',
    ]);
    expect(sortMunicipalities(rows, '-county').map((r) => r.code)).toEqual(['3101', '4601', '5033', '1834', '1121', '1505', '5610', '4201']);
  });
});
