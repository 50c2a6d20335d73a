import { describe, expect, it } from 'vitest';
import { dedupeKey, predecessorName } from '@varde/contracts/participation-vocabulary';
import {
  readAmount,
  readDate,
  readImportRow,
  readRole,
  readStatus,
  resolveMunicipality,
  schemeLookup,
  suggestMapping,
  takesPart,
  type MunicipalityRegisters,
  type RowContext,
} from './participation';

const registers: MunicipalityRegisters = {
  current: new Map([
    ['0301', { name: 'Oslo', countyCode: '03' }],
    ['5033', { name: 'Tydal', countyCode: '50' }],
    ['1508', { name: 'Ålesund', countyCode: '15' }],
    ['1580', { name: 'Haram', countyCode: '15' }],
    ['4626', { name: 'Øygarden', countyCode: '46' }],
  ]),
  from2020: new Map([
    ['1507', { name: 'Ålesund', codes2024: ['1508', '1580'] }],
    ['0301', { name: 'Oslo', codes2024: ['0301'] }],
    ['3001', { name: 'Halden', codes2024: ['3101'] }],
  ]),
};

const context: RowContext = {
  registers,
  schemes: schemeLookup([
    {
      key: 'klimasats',
      catalogueId: 'klimasats',
      name: 'Klimasats – støtte til klimatiltak i kommunene',
      names: ['Klimasats – støtte til klimasatsing i kommunene'],
    },
    { key: 'doga-gnist', catalogueId: null, name: 'Gnist – innovasjonsprogram for stedsutvikling i distriktskommuner', names: [] },
  ]),
  counties: null,
  currentYear: 2026,
};

describe('municipality numbers in a file', () => {
  it('takes 2024 numbers, restores a dropped leading zero and maps 2020–2023 numbers to their successor', () => {
    expect(resolveMunicipality('5033', registers)).toEqual({ ok: true, code: '5033', codeAtTime: null });
    expect(resolveMunicipality(' 301 ', registers)).toEqual({ ok: true, code: '0301', codeAtTime: null });
    expect(resolveMunicipality('3001', registers)).toEqual({ ok: true, code: '3101', codeAtTime: '3001' });
  });

  it('asks for a choice for 1507 Ålesund, and the 2024 number for older numbers', () => {
    expect(resolveMunicipality('1507', registers)).toEqual({ ok: false, code: 'split_municipality', choices: ['1508', '1580'] });
    expect(resolveMunicipality('1246', registers)).toEqual({ ok: false, code: 'pre_2020_number' });
    expect(resolveMunicipality('9999', registers)).toEqual({ ok: false, code: 'unknown_municipality' });
    expect(resolveMunicipality('Oslo', registers)).toEqual({ ok: false, code: 'unknown_municipality' });
    expect(resolveMunicipality('', registers)).toEqual({ ok: false, code: 'required' });
  });
});

describe('cells as people write them', () => {
  it('reads Norwegian amounts', () => {
    expect(readAmount('1 500 000')).toBe(1_500_000);
    expect(readAmount('1\u00a0500\u00a0000 kr')).toBe(1_500_000);
    expect(readAmount('kr 350 000,-')).toBe(350_000);
    expect(readAmount('1.500.000')).toBe(1_500_000);
    expect(readAmount('1500000,50')).toBe(1_500_001);
    expect(readAmount('ca. 1 mill')).toBeNull();
  });

  it('reads dates in Norwegian and ISO form, and refuses impossible ones', () => {
    expect(readDate('15.03.2024')).toBe('2024-03-15');
    expect(readDate('5.3.2024')).toBe('2024-03-05');
    expect(readDate('2024-03-15')).toBe('2024-03-15');
    expect(readDate('31.02.2024')).toBeNull();
    expect(readDate('2024/03/15')).toBeNull();
  });

  it('reads roles and statuses in bokmål, nynorsk and English', () => {
    expect(readRole('Hovedsøker')).toBe('lead');
    expect(readRole('deltakar')).toBe('partner');
    expect(readRole('Recipient')).toBe('recipient');
    expect(readStatus('Innvilget')).toBe('granted');
    expect(readStatus('innvilga')).toBe('granted');
    expect(readStatus('valgt ut')).toBe('selected');
    expect(readStatus('kanskje')).toBeNull();
  });

  it('counts selected, granted and completed records as taking part, not applied or rejected ones', () => {
    expect(['applied', 'selected', 'granted', 'rejected', 'completed'].filter((s) => takesPart(s as never))).toEqual(['selected', 'granted', 'completed']);
  });
});

describe('an import row', () => {
  it('becomes a record when every cell reads', () => {
    const { record, problems } = readImportRow(
      {
        municipality: '3001',
        municipalityName: 'Halden',
        scheme: 'klimasats – støtte til klimasatsing i kommunene',
        year: '2021',
        role: 'mottaker',
        status: 'innvilget',
        amountNok: '250 000',
      },
      { ...context, registers: { ...registers, current: new Map([...registers.current, ['3101', { name: 'Halden', countyCode: '31' }]]) } },
    );
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      municipalityCode: '3101',
      codeAtTime: '3001',
      scheme: { key: 'klimasats' },
      year: 2021,
      role: 'recipient',
      status: 'granted',
      amountNok: 250_000,
    });
  });

  it('reports every problem of a row, each on its field', () => {
    const { record, problems } = readImportRow(
      {
        municipality: '1507',
        scheme: 'Ukjent ordning',
        year: '20x1',
        decidedOn: '31.02.2021',
        role: 'sjef',
        status: '',
        amountNok: 'mye',
        sourceUrl: 'javascript:alert(1)',
      },
      context,
    );
    expect(record).toBeNull();
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['municipality', 'split_municipality'],
      ['scheme', 'unknown_scheme'],
      ['decidedOn', 'bad_date'],
      ['year', 'bad_year'],
      ['role', 'bad_role'],
      ['status', 'required'],
      ['amountNok', 'bad_amount'],
      ['sourceUrl', 'bad_url'],
    ]);
  });

  it('takes the year from the decision date, and refuses municipalities outside the importer’s counties', () => {
    const row = {
      municipality: '5033',
      scheme: 'Gnist – innovasjonsprogram for stedsutvikling i distriktskommuner',
      decidedOn: '2.6.2022',
      role: 'pilot',
      status: 'valgt ut',
    };
    expect(readImportRow(row, context).record).toMatchObject({ year: 2022, decidedOn: '2022-06-02', scheme: { key: 'doga-gnist', catalogueId: null } });
    expect(readImportRow(row, { ...context, counties: new Set(['18']) }).problems).toEqual([{ field: 'municipality', code: 'outside_region' }]);
    expect(readImportRow({ ...row, year: '2099' }, context).problems).toEqual([{ field: 'year', code: 'bad_year' }]);
  });
});

describe('the same participation', () => {
  it('is one key whoever recorded it; merged predecessors on one project stay apart', () => {
    const base = { municipalityCode: '4626', schemeKey: 'stimulab', year: 2018, round: null, projectTitle: 'Samordna teneste' };
    const current = ['Øygarden'];
    expect(dedupeKey({ ...base, predecessor: predecessorName('Øygarden', current) })).toBe(dedupeKey({ ...base, predecessor: null }));
    expect(dedupeKey({ ...base, predecessor: predecessorName('Fjell', current) })).not.toBe(
      dedupeKey({ ...base, predecessor: predecessorName('Sund', current) }),
    );
    expect(dedupeKey({ ...base, predecessor: null }, true)).not.toBe(dedupeKey({ ...base, predecessor: null }));
  });
});

describe('column mapping', () => {
  it('guesses the columns from Norwegian and English headers', () => {
    expect(suggestMapping(['Kommune nummer', 'Kommune navn', 'Ordning', 'År', 'Rolle', 'Status', 'Beløp (kr)', 'Kilde'])).toEqual({
      municipality: 0,
      municipalityName: 1,
      scheme: 2,
      year: 3,
      role: 4,
      status: 5,
      amountNok: 6,
      sourceUrl: 7,
    });
  });
});
