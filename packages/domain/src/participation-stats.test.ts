import { describe, expect, it } from 'vitest';
import { mappingBandOf } from '@varde/contracts/mapping-vocabulary';
import {
  aggregateRecords,
  bandGroup,
  bandGroups,
  classGroup,
  classGroups,
  countyGroup,
  gaps,
  groupRates,
  overallRate,
  peerGroups,
  roleSharesByClass,
  schemeDistribution,
  schemeRates,
  topMunicipalities,
  type StatsMunicipality,
  type StatsRecord,
} from './participation-stats';

/**
 * Nine municipalities and eleven records, every table below worked out by hand.
 *
 *   name code  class population band        county
 *   A    1801  6     1500       lt2000      18
 *   B    1802  6     1800       lt2000      18
 *   C    1803  6     1999       lt2000      18
 *   D    1804  6     2000       2000to4999  18
 *   E    1501  5     4999       2000to4999  15
 *   F    1502  5     5000       5000to9999  15
 *   G    0301  1     50000      gte50000    03
 *   H    1805  6     1000       lt2000      18
 *   I    1503  6     1200       lt2000      15
 */
const m = (code: string, centralityClass: number, population: number, countyCode: string): StatsMunicipality => ({
  code,
  centralityClass,
  population,
  countyCode,
});
const A = m('1801', 6, 1500, '18');
const B = m('1802', 6, 1800, '18');
const C = m('1803', 6, 1999, '18');
const D = m('1804', 6, 2000, '18');
const E = m('1501', 5, 4999, '15');
const F = m('1502', 5, 5000, '15');
const G = m('0301', 1, 50_000, '03');
const H = m('1805', 6, 1000, '18');
const I = m('1503', 6, 1200, '15');
const all = [A, B, C, D, E, F, G, H, I];

const r = (
  municipalityCode: string,
  schemeKey: string,
  year: number,
  projectTitle: string | null,
  role: StatsRecord['role'],
  status: StatsRecord['status'],
) => ({
  municipalityCode,
  schemeKey,
  year,
  projectTitle,
  role,
  status,
});
const records: StatsRecord[] = [
  r(A.code, 's1', 2020, 'P1', 'lead', 'granted'),
  r(A.code, 's1', 2020, ' p1 ', 'partner', 'completed'), // the same participation (project names compare without case or spacing): lead wins
  r(A.code, 's1', 2021, 'P1', 'partner', 'selected'), // another year: another participation
  r(A.code, 's2', 2020, null, 'recipient', 'granted'), // a recipient counts as lead
  r(B.code, 's1', 2020, 'P1', 'partner', 'granted'),
  r(B.code, 's2', 2022, null, 'pilot', 'completed'), // other
  r(C.code, 's1', 2020, 'X', 'lead', 'applied'), // not counted
  r(C.code, 's2', 2020, 'X', 'lead', 'rejected'), // not counted
  r(E.code, 's1', 2019, 'Y', 'winner', 'selected'), // other
  r(G.code, 's3', 2020, 'Z', 'lead', 'granted'),
  r(D.code, 's3', 2020, 'Z', 'partner', 'granted'),
];
const aggregates = aggregateRecords(records);
const byKey = (rows: { municipalityCode: string; schemeKey: string }[]) =>
  Object.fromEntries(rows.map((row) => [`${row.municipalityCode}/${row.schemeKey}`, row]));

describe('participation statistics', () => {
  it('bands are half-open', () => {
    expect([1999, 2000, 4999, 5000, 9999, 10_000, 19_999, 20_000, 49_999, 50_000].map(mappingBandOf)).toEqual([
      'lt2000',
      '2000to4999',
      '2000to4999',
      '5000to9999',
      '5000to9999',
      '10000to19999',
      '10000to19999',
      '20000to49999',
      '20000to49999',
      'gte50000',
    ]);
  });

  it('counts each municipality × scheme × year × project once, only selected, granted and completed', () => {
    expect(aggregates).toHaveLength(7);
    expect(byKey(aggregates)).toEqual({
      '1801/s1': { municipalityCode: '1801', schemeKey: 's1', participations: 2, years: [2020, 2021], lead: 1, partner: 1, other: 0 },
      '1801/s2': { municipalityCode: '1801', schemeKey: 's2', participations: 1, years: [2020], lead: 1, partner: 0, other: 0 },
      '1802/s1': { municipalityCode: '1802', schemeKey: 's1', participations: 1, years: [2020], lead: 0, partner: 1, other: 0 },
      '1802/s2': { municipalityCode: '1802', schemeKey: 's2', participations: 1, years: [2022], lead: 0, partner: 0, other: 1 },
      '1501/s1': { municipalityCode: '1501', schemeKey: 's1', participations: 1, years: [2019], lead: 0, partner: 0, other: 1 },
      '0301/s3': { municipalityCode: '0301', schemeKey: 's3', participations: 1, years: [2020], lead: 1, partner: 0, other: 0 },
      '1804/s3': { municipalityCode: '1804', schemeKey: 's3', participations: 1, years: [2020], lead: 0, partner: 1, other: 0 },
    });
  });

  it('overall rate is over every municipality given', () => {
    expect(overallRate(all, aggregates)).toEqual({ municipalities: 9, participants: 5, rate: 5 / 9, participations: 8, meanSchemes: 7 / 9 });
    expect(overallRate([], aggregates)).toEqual({ municipalities: 0, participants: 0, rate: null, participations: 0, meanSchemes: 0 });
  });

  it('a scheme’s rate is over the municipalities its rules admit, widened by those that took part anyway', () => {
    const rows = schemeRates(all, aggregates, [
      { key: 's1', admitted: new Set([A.code, B.code, C.code, D.code, H.code]) },
      { key: 's2', admitted: null },
      { key: 's3', admitted: new Set([G.code]) },
    ]);
    const classes = (cells: [number, number][]) =>
      cells.map(([municipalities, participants], i) => ({
        centralityClass: i + 1,
        municipalities,
        participants,
        rate: municipalities === 0 ? null : participants / municipalities,
      }));
    expect(rows).toEqual([
      // A B C D H admitted, E took part: 6; A B E take part.
      {
        key: 's1',
        municipalities: 6,
        participants: 3,
        rate: 0.5,
        participations: 4,
        byClass: classes([
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
          [1, 1],
          [5, 2],
        ]),
      },
      {
        key: 's2',
        municipalities: 9,
        participants: 2,
        rate: 2 / 9,
        participations: 2,
        byClass: classes([
          [1, 0],
          [0, 0],
          [0, 0],
          [0, 0],
          [2, 0],
          [6, 2],
        ]),
      },
      {
        key: 's3',
        municipalities: 2,
        participants: 2,
        rate: 1,
        participations: 2,
        byClass: classes([
          [1, 1],
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
          [1, 1],
        ]),
      },
    ]);
    // A filter to class 6 only: s1 over A B C D H.
    expect(schemeRates([A, B, C, D, H, I], aggregates, [{ key: 's1', admitted: new Set([A.code, B.code, C.code, D.code, H.code]) }])[0]).toMatchObject({
      municipalities: 5,
      participants: 2,
      rate: 0.4,
      participations: 3,
    });
  });

  it('breaks down by class, band and county', () => {
    const row = (group: string, municipalities: number, participants: number, participations: number, meanSchemes: number) => ({
      group,
      municipalities,
      participants,
      rate: municipalities === 0 ? null : participants / municipalities,
      participations,
      meanSchemes,
    });
    expect(groupRates(all, aggregates, classGroup, classGroups)).toEqual([
      row('1', 1, 1, 1, 1),
      row('2', 0, 0, 0, 0),
      row('3', 0, 0, 0, 0),
      row('4', 0, 0, 0, 0),
      row('5', 2, 1, 1, 0.5),
      row('6', 6, 3, 6, 5 / 6),
    ]);
    expect(groupRates(all, aggregates, bandGroup, bandGroups)).toEqual([
      row('lt2000', 5, 2, 5, 4 / 5),
      row('2000to4999', 2, 2, 2, 1),
      row('5000to9999', 1, 0, 0, 0),
      row('10000to19999', 0, 0, 0, 0),
      row('20000to49999', 0, 0, 0, 0),
      row('gte50000', 1, 1, 1, 1),
    ]);
    expect(groupRates(all, aggregates, countyGroup, ['03', '15', '18'])).toEqual([row('03', 1, 1, 1, 1), row('15', 3, 1, 1, 1 / 3), row('18', 5, 3, 6, 1)]);
  });

  it('distribution of distinct schemes, without gaps', () => {
    expect(schemeDistribution(all, aggregates)).toEqual([
      { schemes: 0, municipalities: 4 },
      { schemes: 1, municipalities: 3 },
      { schemes: 2, municipalities: 2 },
    ]);
    expect(schemeDistribution([C, F], aggregates)).toEqual([{ schemes: 0, municipalities: 2 }]);
  });

  it('top municipalities: most schemes, then participations, then the order given', () => {
    const top = topMunicipalities(all, aggregates, 4);
    expect(top.map((t) => [t.municipality.code, t.schemes, t.participations])).toEqual([
      ['1801', ['s1', 's2'], 3],
      ['1802', ['s1', 's2'], 2],
      ['0301', ['s3'], 1],
      ['1501', ['s1'], 1],
    ]);
  });

  it('lead vs partner per class (recipient as lead; pilots and prizes apart)', () => {
    const rows = roleSharesByClass(all, aggregates);
    expect(rows[0]).toEqual({ centralityClass: 1, lead: 1, partner: 0, other: 0, leadShare: 1 });
    expect(rows[4]).toEqual({ centralityClass: 5, lead: 0, partner: 0, other: 1, leadShare: null });
    expect(rows[5]).toEqual({ centralityClass: 6, lead: 2, partner: 3, other: 1, leadShare: 0.4 });
  });

  it('peers: same class and band, widened to the class when fewer than 5; the gap is actual − expected', () => {
    const peers = peerGroups(all, aggregates);
    expect(peers.get(A.code)).toEqual({
      basis: 'class_and_band',
      centralityClass: 6,
      band: 'lt2000',
      size: 5,
      expected: 0.8,
      members: [A.code, B.code, C.code, H.code, I.code],
    });
    expect(peers.get(D.code)).toMatchObject({ basis: 'class', band: null, size: 6, expected: 5 / 6 });
    expect(peers.get(E.code)).toMatchObject({ basis: 'class', size: 2, expected: 0.5 });
    expect(peers.get(G.code)).toMatchObject({ basis: 'class', size: 1, expected: 1 });
    const lines = Object.fromEntries(gaps(all, aggregates).map((g) => [g.code, g.gap]));
    expect(lines[A.code]).toBeCloseTo(1.2);
    expect(lines[C.code]).toBeCloseTo(-0.8);
    expect(lines[D.code]).toBeCloseTo(1 / 6);
    expect(lines[E.code]).toBeCloseTo(0.5);
    expect(lines[F.code]).toBeCloseTo(-0.5);
    expect(lines[G.code]).toBe(0);
    // A subset is compared with peers among all.
    expect(gaps(all, aggregates, [C])).toEqual([{ code: C.code, schemes: 0, participations: 0, peers: peers.get(A.code), gap: -0.8 }]);
  });
});
