import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { Scheme } from '@varde/contracts/schemes';
import { checkCatalogueIntegrity, checkSchemeIntegrity } from './scheme-integrity';
import {
  copyOf,
  countyCodes as counties,
  digifin,
  endedPilots,
  fixtureCatalogue,
  klimasats,
  prosjektskjonn,
  rffNordland,
  stimulab,
} from './test-fixtures/schemes';

// Small fixtures (test-fixtures/schemes.ts); packages/test-support checks the real catalogue.
// The clock: 10:00 in Oslo on 2 March 2027 (09:00 UTC).
const now = new Date('2027-03-02T09:00:00Z');
const coded = (scheme: Scheme, at: Date = now) =>
  checkSchemeIntegrity(scheme, counties, at).map(({ path, code, limit }) => ({ path, code, ...(limit !== undefined ? { limit } : {}) }));

describe('checkSchemeIntegrity', () => {
  it('finds nothing wrong with a valid scheme', () => {
    for (const scheme of fixtureCatalogue) {
      expect(Value.Check(Scheme, scheme), scheme.id).toBe(true);
      expect(checkSchemeIntegrity(scheme, counties, now), scheme.id).toEqual([]);
    }
  });

  it('codes every problem with the path of the field, for edits in the app', () => {
    const scheme = copyOf(klimasats);
    scheme.funding.minGrantNok = 200_000;
    scheme.funding.maxGrantNok = 100_000;
    scheme.calls[0]!.sourceIds = ['nowhere'];
    scheme.calls[0]!.opensOn = '2021-03-01';
    scheme.calls[0]!.deadline = { date: '2021-02-01', time: null, timeSourceId: null };
    scheme.calls[1]!.id = scheme.calls[0]!.id;
    scheme.name.nn = ' ';
    expect(coded(scheme)).toEqual(
      expect.arrayContaining([
        { path: 'calls.0.sourceIds.0', code: 'unknown_source' },
        { path: 'funding.maxGrantNok', code: 'too_small', limit: 200_000 },
        { path: 'calls.0.deadline.date', code: 'before_opening' },
        { path: 'calls.1.id', code: 'duplicate' },
        { path: 'name.nn', code: 'required' },
      ]),
    );
  });

  it('asks for real days, a note on uncertain facts, and every source cited', () => {
    const scheme = copyOf(prosjektskjonn);
    scheme.calls[0]!.deadline = { date: '2020-02-30', time: null, timeSourceId: null };
    scheme.calls[1]!.opensOn = '2021-13-01';
    scheme.criteria.certainty = 'uncertain';
    delete scheme.criteria.note;
    scheme.sources.push({ ...scheme.sources[0]!, id: 'extra' });
    expect(coded(scheme)).toEqual([
      { path: 'criteria.note', code: 'required' },
      { path: `sources.${scheme.sources.length - 1}.id`, code: 'unused_source' },
      { path: 'calls.0.deadline.date', code: 'invalid_format' },
      { path: 'calls.1.opensOn', code: 'invalid_format' },
    ]);
  });

  it('takes a deadline time only with the cited source that states it, and no source without a time', () => {
    const scheme = copyOf(klimasats);
    scheme.calls[0]!.deadline = { date: '2021-02-15', time: '13:00', timeSourceId: null };
    scheme.calls[1]!.deadline = { date: '2022-02-15', time: null, timeSourceId: 'soknad' };
    scheme.calls[2]!.deadline = { date: '2023-03-01', time: '12:00', timeSourceId: 'nowhere' };
    expect(coded(scheme)).toEqual([
      { path: 'calls.0.deadline.timeSourceId', code: 'required' },
      { path: 'calls.1.deadline.timeSourceId', code: 'invalid_value' },
      { path: 'calls.2.deadline.timeSourceId', code: 'unknown_source' },
    ]);
    // A source cited only for a deadline's time counts as cited.
    const timed = copyOf(stimulab);
    timed.sources.push({ id: 'klokkeslett', url: 'https://example.org/tid', title: 'Tid', checkedAt: null });
    timed.calls[0]!.deadline = { date: '2027-01-15', time: '12:00', timeSourceId: 'klokkeslett' };
    expect(coded(timed)).toEqual([]);
  });

  it('keeps calls in rounds that exist, and rounds in real counties that no other round has', () => {
    const scheme = copyOf(prosjektskjonn);
    scheme.calls[0]!.roundId = 'agder';
    scheme.rounds[1]!.counties = ['46', '50'];
    scheme.rounds[3]!.counties = ['03', '99'];
    scheme.rounds[2]!.id = scheme.rounds[0]!.id;
    scheme.rounds[0]!.sourceIds = ['nowhere'];
    expect(coded(scheme)).toEqual(
      expect.arrayContaining([
        { path: 'rounds.0.sourceIds.0', code: 'unknown_source' },
        { path: 'rounds.1.counties.1', code: 'overlap' },
        { path: 'rounds.2.id', code: 'duplicate' },
        { path: 'rounds.3.counties.1', code: 'invalid_value' },
        { path: 'calls.0.roundId', code: 'unknown_round' },
      ]),
    );
    // A round's own rules and money are checked like the scheme's.
    const own = copyOf(prosjektskjonn);
    own.rounds[0]!.applicants!.requiredPartnerTypes = ['rd_organisation'];
    own.rounds[0]!.funding!.maxGrantNok = 100_000;
    expect(coded(own)).toEqual([
      { path: 'rounds.0.applicants.requiredPartnerTypes.0', code: 'invalid_value' },
      { path: 'rounds.0.funding.maxGrantNok', code: 'too_small', limit: 150_000 },
    ]);
  });

  it('asks a paused or ended scheme for its source, and only an ended one for an end day or a successor', () => {
    const paused = copyOf(klimasats);
    paused.lifecycle = { status: 'paused', endedOn: '2024-01-01', successorId: 'stimulab', sourceIds: [] };
    expect(coded(paused)).toEqual([
      { path: 'lifecycle.sourceIds', code: 'required' },
      { path: 'lifecycle.endedOn', code: 'invalid_value' },
      { path: 'lifecycle.successorId', code: 'invalid_value' },
    ]);
    const ended = copyOf(endedPilots);
    ended.lifecycle = { ...ended.lifecycle, endedOn: '2022-12-31', successorId: ended.id, sourceIds: ['nowhere'] };
    expect(coded(ended)).toEqual([
      { path: 'lifecycle.sourceIds.0', code: 'unknown_source' },
      { path: 'lifecycle.successorId', code: 'invalid_value' },
    ]);
  });

  it('gives a membership condition its key, and each condition its own id', () => {
    const scheme = copyOf(digifin);
    const [member] = scheme.applicants.conditions;
    scheme.applicants.conditions = [
      { ...member!, membership: null },
      { ...member!, kind: 'other' },
      { id: 'collaboration', kind: 'other', membership: null, text: member!.text },
    ];
    expect(coded(scheme)).toEqual([
      { path: 'applicants.conditions.0.membership', code: 'required' },
      { path: 'applicants.conditions.1.id', code: 'duplicate' },
      { path: 'applicants.conditions.1.membership', code: 'invalid_value' },
      { path: 'applicants.conditions.2.id', code: 'invalid_value' },
    ]);
  });

  it('refuses web addresses that are not http: or https:, on the field that holds them', () => {
    const scheme = copyOf(klimasats);
    scheme.url = 'javascript:alert(document.cookie)';
    scheme.owner.url = 'data:text/html,<script>alert(1)</script>';
    scheme.sources[0]!.url = 'vbscript:msgbox(1)';
    scheme.sources[1]!.url = 'JavaScript:alert(1)';
    expect(coded(scheme)).toEqual([
      { path: 'owner.url', code: 'invalid_url' },
      { path: 'url', code: 'invalid_url' },
      { path: 'sources.0.url', code: 'invalid_url' },
      { path: 'sources.1.url', code: 'invalid_url' },
    ]);
    // https: passes, and an owner without a page is fine.
    scheme.url = 'https://example.org/ordning';
    scheme.owner.url = null;
    scheme.sources[0]!.url = 'HTTPS://example.org/a';
    scheme.sources[1]!.url = 'https://example.org/b?x=1#y';
    expect(coded(scheme)).toEqual([]);
  });

  it('takes https: only, for the scheme, its owner, its rounds and its sources', () => {
    const scheme = copyOf(prosjektskjonn);
    scheme.url = 'http://example.org/ordning';
    scheme.owner.url = 'HTTP://example.org';
    scheme.rounds[0]!.url = 'http://example.org/runde';
    scheme.rounds[1]!.owner.url = 'http://example.org/eier';
    scheme.sources[0]!.url = 'http://www.regjeringen.no/no/side/id1/';
    const problems = checkSchemeIntegrity(scheme, counties, now);
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'owner.url', code: 'https_required' },
      { path: 'url', code: 'https_required' },
      { path: 'rounds.0.url', code: 'https_required' },
      { path: 'rounds.1.owner.url', code: 'https_required' },
      { path: 'sources.0.url', code: 'https_required' },
    ]);
    expect(problems.at(-1)!.detail).toBe('"http://www.regjeringen.no/no/side/id1/" is not an https: address (only https: is accepted)');
  });

  it('refuses staging, test and local hosts, wherever the address is', () => {
    const denied = [
      'https://helsedirektoratet-helsenett-xpqa.enonic.cloud/tilskudd/kommunalt-kompetanse-og-innovasjonstilskudd',
      'https://www.enonic.cloud/side',
      'https://fors02mstr2we64iprod.dxcloud.episerver.net/finansiering/hva/offentlig-sektor-phd',
      'https://helsedirektoratet-xpqa.example.no/side',
      'https://staging.regjeringen.no/side',
      'https://TEST.husbanken.no/side',
      'https://localhost/side',
      'https://localhost.:8443/side',
      'https://app.localhost/side',
      'https://127.0.0.1/side',
      'https://10.0.0.7:8080/side',
      // The URL parser turns these into 127.0.0.1.
      'https://0x7f000001/side',
      'https://127.1/side',
      'https://[::1]/side',
      'https://[2001:db8::1]/side',
      'https://intranett/side',
      'https://kommune.local/side',
      'https://ordning.test/side',
    ];
    const scheme = copyOf(klimasats);
    scheme.sources = denied.map((url, i) => ({ id: `s${i}`, url, title: url, checkedAt: null }));
    scheme.calls.forEach((c) => {
      c.sourceIds = scheme.sources.map((s) => s.id);
    });
    for (const group of ['applicants', 'funding', 'criteria', 'requiredParts', 'reporting', 'cadence'] as const) scheme[group].sourceIds = ['s0'];
    scheme.lifecycle.sourceIds = [];
    scheme.owner.url = 'https://staging.miljodirektoratet.no';
    scheme.url = 'https://192.168.1.10/klimasats';
    const problems = checkSchemeIntegrity(scheme, counties, now);
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'owner.url', code: 'denied_host' },
      { path: 'url', code: 'denied_host' },
      ...denied.map((_, i) => ({ path: `sources.${i}.url`, code: 'denied_host' })),
    ]);
    expect(problems[2]!.detail).toBe(
      '"helsedirektoratet-helsenett-xpqa.enonic.cloud" is a staging, test or local host, not the public site (use the public page)',
    );

    // Public hosts that only look alike pass: "test" or "staging" inside a name, not as its first label.
    const allowed = copyOf(klimasats);
    allowed.url = 'https://www.testfakta.no/klimasats';
    allowed.owner.url = 'https://www.miljodirektoratet.no';
    allowed.sources[0]!.url = 'https://contest.example.org/a';
    allowed.sources[1]!.url = 'https://www.nrk.no/staging/side';
    expect(coded(allowed)).toEqual([]);
  });

  it('refuses a source checked on a day still to come, by the Oslo calendar of the given clock', () => {
    const scheme = copyOf(klimasats);
    scheme.sources[0]!.checkedAt = '2027-03-03';
    scheme.sources[1]!.checkedAt = '2027-02-30';
    const problems = checkSchemeIntegrity(scheme, counties, now);
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'sources.0.checkedAt', code: 'in_future' },
      { path: 'sources.1.checkedAt', code: 'invalid_format' },
    ]);
    expect(problems[0]!.detail).toBe('2027-03-03 is after today (2027-03-02 in Oslo): a check is recorded on the day it was made');
    // Today passes; so does tomorrow once the clock has moved on.
    scheme.sources[1]!.checkedAt = '2027-03-02';
    expect(coded(scheme, new Date('2027-03-03T12:00:00Z'))).toEqual([]);
    // 23:30 UTC on 2 March is already 3 March in Oslo.
    expect(coded(scheme, new Date('2027-03-02T23:30:00Z'))).toEqual([]);
    expect(coded(scheme, new Date('2027-03-02T22:59:00Z'))).toEqual([{ path: 'sources.0.checkedAt', code: 'in_future' }]);
  });

  it('reports properties the schema does not know, wherever they are', () => {
    const scheme = copyOf(klimasats) as Scheme & Record<string, unknown>;
    scheme.extra = 1;
    (scheme.funding as unknown as Record<string, unknown>).maxGrantNOK = 5;
    (scheme.calls[0] as unknown as Record<string, unknown>).link = 'https://example.org';
    (scheme.name as unknown as Record<string, unknown>).se = 'Klimasats';
    const problems = checkSchemeIntegrity(scheme, counties, now);
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'name.se', code: 'unknown_property' },
      { path: 'funding.maxGrantNOK', code: 'unknown_property' },
      { path: 'calls.0.link', code: 'unknown_property' },
      { path: 'extra', code: 'unknown_property' },
    ]);
    expect(problems[0]!.detail).toBe('unknown property (not in the Scheme schema; misspelt?)');
  });

  it('keeps a county-bound scheme and its rounds inside real counties', () => {
    const scheme = copyOf(rffNordland);
    scheme.applicants.counties = ['99'];
    expect(coded(scheme)).toContainEqual({ path: 'applicants.counties.0', code: 'invalid_value' });
    const regional = copyOf(prosjektskjonn);
    regional.applicants.counties = ['50', '46', '34'];
    expect(coded(regional)).toEqual([
      { path: 'rounds.3.counties.0', code: 'invalid_value' },
      { path: 'rounds.3.counties.1', code: 'invalid_value' },
      { path: 'rounds.3.counties.2', code: 'invalid_value' },
      { path: 'rounds.3.counties.3', code: 'invalid_value' },
    ]);
  });
});

describe('checkCatalogueIntegrity', () => {
  it('finds nothing wrong with the fixture catalogue', () => {
    expect(checkCatalogueIntegrity(fixtureCatalogue)).toEqual([]);
  });

  it('keeps one name per owner id across documents and rounds, and successors in the catalogue', () => {
    const renamed = copyOf(stimulab);
    renamed.owner = { ...renamed.owner, name: { ...renamed.owner.name, en: 'Digitalisation Agency' } };
    const regional = copyOf(prosjektskjonn);
    regional.rounds[2]!.owner = { ...klimasats.owner };
    regional.rounds[2]!.owner.url = null;
    const ended = copyOf(endedPilots);
    ended.lifecycle = { ...ended.lifecycle, successorId: 'kompetanseprogrammet' };
    const catalogue = fixtureCatalogue.map((s) => [renamed, regional, ended].find((c) => c.id === s.id) ?? s);
    expect(checkCatalogueIntegrity(catalogue).map(({ schemeId, path, code }) => ({ schemeId, path, code }))).toEqual([
      { schemeId: 'kompetansepiloter', path: 'lifecycle.successorId', code: 'unknown_scheme' },
      { schemeId: 'prosjektskjonn', path: 'rounds.2.owner.url', code: 'owner_mismatch' },
      { schemeId: 'stimulab', path: 'owner.name.en', code: 'owner_mismatch' },
    ]);
    ended.lifecycle.successorId = 'stimulab';
    expect(checkCatalogueIntegrity(fixtureCatalogue.map((s) => (s.id === ended.id ? ended : s)))).toEqual([]);
  });
});
