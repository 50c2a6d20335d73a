import { describe, expect, it } from 'vitest';
import { translate, type Language } from '@varde/contracts';
import { describeSchemeChange, type ChangeFormat } from '@varde/contracts/scheme-change-text';
import { compactChanges, STORED_CHANGES_MAX, schemeChanges } from './scheme-changes';
import { call, copyOf, klimasats } from './test-fixtures/schemes';

/** A plain formatter for the tests: ISO dates as they are, amounts with no grouping. */
const format = (lang: Language): ChangeFormat => ({
  t: (key, params) => translate(lang, key, params),
  text: (value) => value[lang],
  date: (iso) => iso,
  deadline: (d) => (d.time ? `${d.date} ${d.time}` : d.date),
  nok: (n) => `${n} kr`,
  percent: (share) => `${share * 100} %`,
});
const say = (before = klimasats, after = klimasats, lang: Language = 'nb') => schemeChanges(before, after).map((c) => describeSchemeChange(c, format(lang)));

describe('schemeChanges', () => {
  it('finds nothing in the same facts, whatever the order of keys', () => {
    const reordered = JSON.parse(JSON.stringify(klimasats, Object.keys(klimasats).reverse()));
    expect(schemeChanges(klimasats, copyOf(klimasats))).toEqual([]);
    expect(schemeChanges(klimasats, { ...reordered, ...klimasats })).toEqual([]);
  });

  it('names a moved deadline, a new and a removed call with their titles and dates', () => {
    const after = copyOf(klimasats);
    after.calls[2]!.deadline = { date: '2023-03-15', time: null, timeSourceId: null };
    after.calls.splice(0, 1);
    after.calls.push(call('hovedfrist-2027', '2027-03-01 13:00'));
    expect(schemeChanges(klimasats, after)).toEqual([
      { code: 'call_added', subject: after.calls[2]!.title, to: { date: '2027-03-01', time: '13:00', timeSourceId: 'main' } },
      { code: 'call_removed', subject: klimasats.calls[0]!.title, from: klimasats.calls[0]!.deadline },
      { code: 'call_deadline', subject: after.calls[1]!.title, from: klimasats.calls[2]!.deadline, to: after.calls[1]!.deadline },
    ]);
    expect(say(klimasats, after)).toEqual([
      'Ny utlysning: «Utlysning hovedfrist-2027», frist 2027-03-01 13:00',
      'Utlysning fjernet: «Utlysning hovedfrist-2021»',
      'Frist for «Utlysning hovedfrist-2023» flyttet fra 2023-03-01 til 2023-03-15',
    ]);
    expect(say(klimasats, after, 'en')[2]).toBe('Deadline for “Utlysning hovedfrist-2023” moved from 2023-03-01 to 2023-03-15');
    expect(say(klimasats, after, 'nn')[2]).toBe('Frist for «Utlysning hovedfrist-2023» flytta frå 2023-03-01 til 2023-03-15');
  });

  it('gives old and new values of names, status, amounts and shares, and "changed" for long texts', () => {
    const after = copyOf(klimasats);
    after.name = { nb: 'Klimasats 2', nn: 'Klimasats 2', en: 'Climate sats 2' };
    after.lifecycle = { ...after.lifecycle, status: 'paused', sourceIds: ['main'] };
    after.funding.maxGrantNok = 10_000_000;
    after.funding.minGrantNok = null;
    after.funding.maxGrantShare = 0.6;
    after.summary = { ...after.summary, nb: 'Ny tekst.' };
    after.cadence.kind = 'rolling';
    expect(say(klimasats, after)).toEqual([
      'Status: fra aktiv til på pause',
      'Minste tilskudd: fra 150000 kr til ikke oppgitt',
      'Største tilskudd: fra 12000000 kr til 10000000 kr',
      'Tilskuddet dekker høyst: fra 50 % til 60 %',
      'Navn: fra Klimasats – støtte til klimatiltak i kommunene til Klimasats 2',
      'Sammendrag er endret',
      'Hvor ofte den lyses ut: fra hvert år til løpende (søk når som helst)',
    ]);
    expect(say(klimasats, after, 'en')[4]).toBe('Name: from Klimasats – støtte til klimatiltak i kommunene to Climate sats 2');
    const summary = schemeChanges(klimasats, after).find((c) => c.code === 'summary');
    expect(summary).toEqual({ code: 'summary', from: klimasats.summary, to: after.summary });
    const noteOnly = copyOf(klimasats);
    noteOnly.lifecycle.note = { nb: 'Merk', nn: 'Merk', en: 'Note' };
    expect(say(klimasats, noteOnly)).toEqual(['Status er endret']);
  });

  it('names applicant types, conditions and sources added and removed', () => {
    const after = copyOf(klimasats);
    after.applicants.leadTypes = ['municipality', 'county_council', 'ks'];
    after.applicants.partnerTypes = after.applicants.partnerTypes.filter((t) => t !== 'ngo');
    after.applicants.conditions = [{ id: 'egen', kind: 'other', membership: null, text: { nb: 'Egeninnsats', nn: 'Eigeninnsats', en: 'Own effort' } }];
    after.sources.push({ id: 'ny', url: 'https://example.org/ny', title: 'Ny side', checkedAt: null });
    after.themes = ['climate_environment', 'housing'];
    expect(say(klimasats, after)).toEqual([
      'Kan være søker: lagt til KS',
      'Kan være søker: fjernet kommunalt foretak (KF)',
      'Kan være partner: fjernet frivillig organisasjon',
      'Andre vilkår: lagt til «Egeninnsats»',
      'Tema: lagt til bolig',
      'Kilder: lagt til «Ny side»',
    ]);
    expect(say(klimasats, after, 'en')[3]).toBe('Other conditions: added “Own effort”');
  });

  it('names every other part that differs, so no change goes unmentioned', () => {
    const after = copyOf(klimasats);
    after.criteria.items.push({ name: { nb: 'A', nn: 'A', en: 'A' }, description: { nb: 'B', nn: 'B', en: 'B' }, scale: null, weight: null });
    after.applicants.minMunicipalities = 2;
    after.funding.certainty = 'uncertain';
    after.calls[0]!.budgetNok = 5_000_000;
    after.calls[1]!.sourceIds = ['main'];
    expect(schemeChanges(klimasats, after).map((c) => c.field ?? c.code)).toEqual(['call_budget', 'call_changed', 'funding', 'applicants', 'criteria']);
    expect(say(klimasats, after)).toContain('Vurderingskriterier er endret');
    expect(say(klimasats, after)).toContain('Ramme for «Utlysning hovedfrist-2021»: fra ikke oppgitt til 5000000 kr');
  });
});

describe('compactChanges', () => {
  it('keeps a bounded list: no long texts, short subjects, the rest counted', () => {
    const after = copyOf(klimasats);
    after.summary = { nb: 'x'.repeat(3000), nn: 'y', en: 'z' };
    for (let i = 0; i < 12; i += 1) after.calls.push(call(`ny-${i}`, null, { title: { nb: 'T'.repeat(500), nn: 'T', en: 'T' } }));
    const all = schemeChanges(klimasats, after);
    const { changes, more } = compactChanges(all);
    expect(changes).toHaveLength(STORED_CHANGES_MAX);
    expect(more).toBe(all.length - STORED_CHANGES_MAX);
    expect(changes.every((c) => (c.subject?.nb.length ?? 0) <= 120)).toBe(true);
    const summary = compactChanges(schemeChanges(klimasats, { ...klimasats, summary: after.summary })).changes;
    expect(summary).toEqual([{ code: 'summary' }]);
    expect(describeSchemeChange(summary[0]!, format('nb'))).toBe('Sammendrag er endret');
    expect(JSON.stringify(compactChanges(all)).length).toBeLessThan(6000);
  });
});
