/**
 * The first scheme model → the second (migration 0004): a pure function over one document.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { Scheme } from '@varde/contracts/schemes';
import { countyNamesFromReference, upgradeSavedQuery } from './data-upgrades';
import { readSchemeCatalogue } from './scheme-catalogue';
import { isUpgradedScheme, osloParts, upgradeDeadline, upgradeSchemeDocument } from './scheme-upgrade';
import { regionalV1, schemeV1 } from './test-fixtures/scheme-v1';

const countyNames = countyNamesFromReference();

describe('upgradeSchemeDocument', () => {
  it('gives valid schemes of the new model that pass the checks of the catalogue files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'varde-upgrade-'));
    try {
      for (const old of [schemeV1('forskningsradet-ipo'), regionalV1]) {
        expect(isUpgradedScheme(old)).toBe(false);
        const scheme = upgradeSchemeDocument(old, countyNames);
        expect([...Value.Errors(Scheme, scheme)]).toEqual([]);
        expect(isUpgradedScheme(scheme)).toBe(true);
        writeFileSync(join(dir, `${scheme.id}.json`), JSON.stringify(scheme));
      }
      // The same integrity check as the shipped files and edits in the app, across both documents.
      expect(readSchemeCatalogue(dir).map((s) => s.id)).toEqual(['forskningsradet-ipo', 'prosjektskjonn']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps a known owner name to its id and names, and an unknown one to a slug with the same name in every language', () => {
    const ipo = upgradeSchemeDocument(schemeV1('ipo'), countyNames);
    expect(ipo.owner).toEqual({
      id: 'forskningsradet',
      name: { nb: 'Norges forskningsråd', nn: 'Noregs forskingsråd', en: 'The Research Council of Norway' },
      url: 'https://www.forskningsradet.no',
    });
    const unknown = upgradeSchemeDocument(
      schemeV1('x', (s) => {
        s.owner = { name: 'Sørfold Næringsråd (ÆØÅ)', url: null };
      }),
      countyNames,
    );
    expect(unknown.owner).toEqual({
      id: 'sorfold-naeringsrad-aeoa',
      name: { nb: 'Sørfold Næringsråd (ÆØÅ)', nn: 'Sørfold Næringsråd (ÆØÅ)', en: 'Sørfold Næringsråd (ÆØÅ)' },
      url: null,
    });
  });

  it('keeps a time only where it was not the 23:59 default, citing the call’s first source, and dates in Oslo', () => {
    const scheme = upgradeSchemeDocument(schemeV1('ipo'), countyNames);
    expect(scheme.calls.map((c) => ({ id: c.id, opensOn: c.opensOn, deadline: c.deadline, roundId: c.roundId }))).toEqual([
      { id: 'winter-2021', opensOn: '2020-12-01', deadline: { date: '2021-01-20', time: null, timeSourceId: null }, roundId: null },
      { id: 'autumn-2020', opensOn: null, deadline: { date: '2020-09-16', time: '13:00', timeSourceId: 'call' }, roundId: null },
    ]);
    // An instant written in UTC late in the evening is the next day in Oslo.
    expect(osloParts('2022-06-30T22:30:00Z')).toEqual({ date: '2022-07-01', time: '00:30' });
    expect(upgradeDeadline('2024-02-15T23:59:00+01:00', 'main')).toEqual({ date: '2024-02-15', time: null, timeSourceId: null });
    expect(upgradeDeadline(null, 'main')).toBeNull();
  });

  it('maps old applicant types, drops duplicates, and turns free-text conditions into "check this yourself"', () => {
    const scheme = upgradeSchemeDocument(schemeV1('ipo'), countyNames);
    expect(scheme.applicants.leadTypes).toEqual(['municipality', 'county_council', 'municipal_limited_company']);
    expect(scheme.applicants.partnerTypes).toEqual(['rd_organisation', 'company', 'ngo', 'municipal_limited_company']);
    expect(scheme.applicants.requiredPartnerTypes).toEqual(['rd_organisation']);
    expect(scheme.applicants.conditions).toEqual([]);
    expect(scheme.applicants.checkYourself).toEqual([
      { nb: 'Pengene kan ikke gå til drift.', nn: 'Pengane kan ikkje gå til drift.', en: 'The money cannot fund operations.' },
    ]);
    expect(scheme.lifecycle).toEqual({ status: 'active', endedOn: null, successorId: null, sourceIds: [] });
    expect(scheme.rounds).toEqual([]);
    // Sources keep their recorded check day; the document keeps its order, lifecycle after the owner.
    expect(scheme.sources[0]!.checkedAt).toBe('2026-11-01');
    expect(Object.keys(scheme).slice(0, 7)).toEqual(['id', 'name', 'summary', 'purpose', 'owner', 'lifecycle', 'url']);
  });

  it('makes one round per distinct county set, named by its counties, owned by the scheme’s owner', () => {
    const scheme = upgradeSchemeDocument(regionalV1, countyNames);
    expect(scheme.owner.id).toBe('kommunal-og-distriktsdepartementet');
    expect(scheme.rounds.map((r) => ({ id: r.id, name: r.name.nb, en: r.name.en, counties: r.counties, sources: r.sourceIds, owner: r.owner.id }))).toEqual([
      { id: 'trondelag', name: 'Trøndelag', en: 'Trøndelag', counties: ['50'], sources: ['main'], owner: 'kommunal-og-distriktsdepartementet' },
      { id: 'vestland', name: 'Vestland', en: 'Vestland', counties: ['46'], sources: ['call'], owner: 'kommunal-og-distriktsdepartementet' },
      {
        id: 'oslo-og-viken',
        name: 'Oslo og Viken',
        en: 'Oslo and Viken',
        counties: ['03', '31', '32', '33'],
        sources: ['main'],
        owner: 'kommunal-og-distriktsdepartementet',
      },
    ]);
    expect(scheme.calls.map((c) => c.roundId)).toEqual(['trondelag', 'vestland', 'vestland', 'oslo-og-viken']);
    expect(scheme.rounds.every((r) => r.applicants === null && r.funding === null && r.url === null)).toBe(true);

    // Counties without a name of their own are joined in each language.
    const two = upgradeSchemeDocument(
      schemeV1('nord', (s) => {
        s.calls = [{ ...s.calls[0]!, counties: ['55', '18'] }];
      }),
      countyNames,
    );
    expect(two.rounds[0]).toMatchObject({ id: 'nordland-og-troms', name: { nb: 'Nordland og Troms', en: 'Nordland and Troms' }, counties: ['18', '55'] });
  });

  it('leaves a document in the new shape as it is', () => {
    const once = upgradeSchemeDocument(regionalV1, countyNames);
    expect(upgradeSchemeDocument(once, countyNames)).toBe(once);
    expect(upgradeSchemeDocument(structuredClone(once), countyNames)).toEqual(once);
  });
});

describe('upgradeSavedQuery', () => {
  it('turns an owner name into its id, keeps ids and other filters, and drops an unknown name', () => {
    expect(upgradeSavedQuery({ q: 'digital', owner: 'Norges forskningsråd' })).toEqual({ q: 'digital', owner: 'forskningsradet' });
    expect(upgradeSavedQuery({ owner: 'KS', funding: 'small' })).toEqual({ owner: 'ks', funding: 'small' });
    expect(upgradeSavedQuery({ owner: 'Ukjent eier AS', theme: ['housing'] })).toEqual({ theme: ['housing'] });
    const query = { owner: 'husbanken', municipality: '1151' };
    expect(upgradeSavedQuery(query)).toBe(query);
    const none = { q: 'x' };
    expect(upgradeSavedQuery(none)).toBe(none);
  });
});
