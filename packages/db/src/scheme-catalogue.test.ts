import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scheme } from '@varde/contracts/schemes';
import { readSchemeCatalogue, schemeCatalogueDir, SchemeCatalogueError } from './scheme-catalogue';

// Read lazily so that a broken catalogue fails each test with the validator's message. The domain's
// rules over this data are tested in packages/test-support.
let cached: Scheme[] | undefined;
const load = (): Scheme[] => (cached ??= readSchemeCatalogue());
const scheme = (id: string): Scheme => {
  const s = load().find((x) => x.id === id);
  if (!s) throw new Error(`scheme ${id} missing from the catalogue`);
  return s;
};

describe('scheme catalogue data', () => {
  it('validates every file and holds at least 15 schemes', () => {
    expect(load().length).toBeGreaterThanOrEqual(15);
  });

  it('gives every scheme at least one source, and every cited source exists', () => {
    for (const s of load()) {
      expect(s.sources.length, s.id).toBeGreaterThanOrEqual(1);
      const ids = new Set(s.sources.map((src) => src.id));
      const cited = [
        ...s.applicants.sourceIds,
        ...s.funding.sourceIds,
        ...s.criteria.sourceIds,
        ...s.requiredParts.sourceIds,
        ...s.reporting.sourceIds,
        ...s.cadence.sourceIds,
        ...s.calls.flatMap((c) => c.sourceIds),
        ...s.rounds.flatMap((r) => r.sourceIds),
        ...s.lifecycle.sourceIds,
      ];
      for (const id of cited) expect(ids.has(id), `${s.id} cites ${id}`).toBe(true);
    }
  });

  it('runs prosjektskjønn as one scheme with a round per State Administrator, each with its calls', () => {
    const s = scheme('prosjektskjonn');
    expect(s.rounds.map((r) => [r.id, r.counties, r.owner.id])).toEqual([
      ['trondelag', ['50'], 'statsforvalteren-trondelag'],
      ['innlandet', ['34'], 'statsforvalteren-innlandet'],
      ['vestland', ['46'], 'statsforvalteren-vestland'],
      ['oslo-og-viken', ['03', '31', '32', '33'], 'statsforvalteren-oslo-og-viken'],
      ['agder', ['42'], 'statsforvalteren-agder'],
    ]);
    expect(s.rounds[2]!.owner.name).toEqual({ nb: 'Statsforvalteren i Vestland', nn: 'Statsforvaltaren i Vestland', en: 'The County Governor of Vestland' });
    expect(s.calls.map((c) => c.roundId)).toEqual(['trondelag', 'innlandet', 'vestland', 'oslo-og-viken', 'agder']);
    // Innlandet 2021 asked for several municipalities or a plan to share the knowledge.
    expect(s.rounds[1]!.applicants!.conditions.map((c) => c.id)).toEqual(['several-municipalities-or-transfer-plan']);
    // In Agder (2023) regional councils could apply too.
    expect(s.rounds[4]!.applicants!.leadTypes).toEqual(['municipality', 'regional_council']);
  });

  it('asks for DigiFin membership as a membership condition', () => {
    expect(scheme('digifin').applicants.conditions).toEqual([expect.objectContaining({ kind: 'membership', membership: 'digifin' })]);
  });

  it('keeps the district housing grant apart, for centrality classes 5 and 6', () => {
    const s = scheme('husbanken-boligtiltak-distrikt');
    expect(s.applicants.centralityClasses).toEqual([5, 6]);
    expect(s.calls).toEqual([expect.objectContaining({ deadline: { date: '2024-04-01', time: null, timeSourceId: null }, budgetNok: 21_000_000 })]);
    expect(scheme('husbanken-boligtiltak').calls.map((c) => c.id)).toEqual(['boligsosiale-2023']);
  });

  it('marks the Nordland regional research fund as ended, citing the source', () => {
    const { lifecycle } = scheme('regionale-forskningsfond-nordland');
    expect(lifecycle.status).toBe('ended');
    expect(lifecycle.sourceIds.length).toBeGreaterThan(0);
  });

  it('records no check day that did not happen', () => {
    for (const s of load()) for (const src of s.sources) expect(src.checkedAt, `${s.id}/${src.id}`).toBeNull();
  });

  it("lets municipalities into Digdir's co-funding scheme only as partners", () => {
    const digdir = scheme('digdir-medfinansiering');
    expect(digdir.applicants.leadTypes).not.toContain('municipality');
    expect(digdir.applicants.leadTypes).toEqual(['state_agency']);
    expect(digdir.applicants.partnerTypes).toContain('municipality');
    expect(digdir.applicants.partnerTypes).toContain('county_council');
  });

  it('requires an R&D organisation in IPO', () => {
    expect(scheme('forskningsradet-ipo').applicants.requiredPartnerTypes).toContain('rd_organisation');
    expect(scheme('forskningsradet-ipo').funding.maxGrantShare).toBe(0.75);
    expect(scheme('forskningsradet-ipo').criteria.items.map((c) => c.scale)).toEqual(['1–7', '1–7', '1–7']);
  });

  it('binds the Nordland regional research fund to county 18', () => {
    expect(scheme('regionale-forskningsfond-nordland').applicants.counties).toEqual(['18']);
  });

  it('marks guidance programmes and prizes as no grant', () => {
    expect(scheme('leverandorutviklingsprogrammet').funding.isGrant).toBe(false);
    expect(scheme('innovasjonsprisen').funding.isGrant).toBe(false);
  });

  it('describes every scheme in the README', () => {
    const readme = readFileSync(join(schemeCatalogueDir, 'README.md'), 'utf8');
    for (const s of load()) expect(readme, s.id).toContain(`\`${s.id}\``);
  });
});

/** A scheme file's JSON, changed freely by the tests below (any shape, since they break it on purpose). */
// biome-ignore lint/suspicious/noExplicitAny: the tests write wrong values and shapes into the document on purpose
type Doc = Record<string, any>;

describe('scheme catalogue validation', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the real catalogue with `mutate` applied to one file. */
  function brokenCopy(file: string, mutate: (data: Doc) => unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'varde-schemes-'));
    dirs.push(dir);
    cpSync(schemeCatalogueDir, dir, { recursive: true });
    const path = join(dir, file);
    const data = JSON.parse(readFileSync(path, 'utf8')) as Doc;
    const replaced = mutate(data);
    writeFileSync(path, typeof replaced === 'string' ? replaced : JSON.stringify(data, null, 2));
    return dir;
  }

  function problemsOf(dir: string): string {
    try {
      readSchemeCatalogue(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(SchemeCatalogueError);
      return (error as Error).message;
    }
    throw new Error('the broken catalogue was accepted');
  }

  it('accepts an unchanged copy', () => {
    expect(readSchemeCatalogue(brokenCopy('klimasats.json', () => undefined))).toHaveLength(load().length);
  });

  it.each([
    ['a share above 1', 'klimasats.json', (d: Doc) => void (d.funding.maxGrantShare = 1.5), '/funding/maxGrantShare'],
    ['a missing required field', 'stimulab.json', (d: Doc) => void delete d.funding.description, '/funding'],
    [
      'an unknown source id',
      'forskningsradet-ipo.json',
      (d: Doc) => void d.applicants.sourceIds.push('nowhere'),
      '/applicants/sourceIds/3: unknown source "nowhere"',
    ],
    ['a grant without partner types', 'digdir-medfinansiering.json', (d: Doc) => void (d.applicants.partnerTypes = []), '/applicants/partnerTypes'],
    [
      'a deadline in the first model (a date-time)',
      'prosjektskjonn.json',
      (d: Doc) => void (d.calls[0].deadline = '2020-09-01T23:59:00+02:00'),
      '/calls/0/deadline',
    ],
    ['a deadline that is no date', 'klimasats.json', (d: Doc) => void (d.calls[0].deadline.date = '2021-02-30'), '/calls/0/deadline/date'],
    [
      'a deadline time without the source that states it',
      'klimasats.json',
      (d: Doc) => void (d.calls[0].deadline.time = '23:59'),
      '/calls/0/deadline/timeSourceId: a deadline time needs the source that states it',
    ],
    [
      'a call in a round the scheme does not have',
      'prosjektskjonn.json',
      (d: Doc) => void (d.calls[0].roundId = 'rogaland'),
      '/calls/0/roundId: unknown round "rogaland"',
    ],
    [
      'a county in two rounds',
      'prosjektskjonn.json',
      (d: Doc) => void d.rounds[3].counties.push('46'),
      '/rounds/3/counties/4: county "46" is also in round "vestland"',
    ],
    [
      'an ended scheme that cites no source',
      'regionale-forskningsfond-nordland.json',
      (d: Doc) => void (d.lifecycle.sourceIds = []),
      '/lifecycle/sourceIds: a scheme that is ended must cite the source that says so',
    ],
    [
      'a successor the catalogue does not have',
      'kompetansepiloter.json',
      (d: Doc) => void (d.lifecycle.successorId = 'kompetanseprogrammet'),
      '/lifecycle/successorId: unknown scheme "kompetanseprogrammet"',
    ],
    [
      'an owner id with another name than in the other files',
      'pes-horisont-europa.json',
      (d: Doc) => void (d.owner.name.en = 'Research Council'),
      '/owner/name/en: owner "forskningsradet" is called',
    ],
    [
      'a membership condition without its key',
      'digifin.json',
      (d: Doc) => void (d.applicants.conditions[0].membership = null),
      '/applicants/conditions/0/membership: a membership condition needs its membership key',
    ],
    ['an id that differs from the file name', 'husbanken-boligtiltak.json', (d: Doc) => void (d.id = 'husbanken'), '/id: id "husbanken" does not match'],
    ['a misspelt property', 'bygdevekstavtaler.json', (d: Doc) => void (d.funding.maxGrantNOK = 1), '/funding/maxGrantNOK: unknown property'],
    [
      'a script address as a source',
      'stimulab.json',
      (d: Doc) => void (d.sources[0].url = 'javascript:alert(1)'),
      '/sources/0/url: "javascript:alert(1)" is not an http: or https: address',
    ],
    [
      "a data address as the owner's page",
      'klimasats.json',
      (d: Doc) => void (d.owner.url = 'data:text/html,hi'),
      '/owner/url: "data:text/html,hi" is not an http: or https: address',
    ],
    ['an unknown property in a call', 'klimasats.json', (d: Doc) => void (d.calls[0].link = 'https://example.org'), '/calls/0/link: unknown property'],
    [
      'an http: source',
      'stimulab.json',
      (d: Doc) => void (d.sources[0].url = 'http://www.cw.no/artikkel'),
      '/sources/0/url: "http://www.cw.no/artikkel" is not an https: address',
    ],
    [
      'a source on a staging host',
      'stimulab.json',
      (d: Doc) => void (d.sources[0].url = 'https://helsedirektoratet-helsenett-xpqa.enonic.cloud/tilskudd'),
      '/sources/0/url: "helsedirektoratet-helsenett-xpqa.enonic.cloud" is a staging, test or local host',
    ],
    [
      'a source checked on a day still to come',
      'stimulab.json',
      (d: Doc) => void (d.sources[0].checkedAt = '2999-01-01'),
      '/sources/0/checkedAt: 2999-01-01 is after today',
    ],
    [
      'a county number that does not exist',
      'regionale-forskningsfond-nordland.json',
      (d: Doc) => void (d.applicants.counties = ['99']),
      '/applicants/counties/0',
    ],
    ['an uncertain group without a note', 'digifin.json', (d: Doc) => void delete d.criteria.note, '/criteria/note'],
    ['invalid JSON', 'pes-horisont-europa.json', () => '{ "id": ', 'not valid JSON'],
  ])('rejects %s, naming the file and the field', (_label, file, mutate, expected) => {
    const message = problemsOf(brokenCopy(file, mutate));
    expect(message).toContain(`${file}: `);
    expect(message).toContain(expected);
  });

  it('lists the problems of every file in one error', () => {
    const dir = brokenCopy('klimasats.json', (d) => void (d.funding.minGrantNok = -5));
    const second = join(dir, 'stimulab.json');
    const data = JSON.parse(readFileSync(second, 'utf8')) as Doc;
    data.sources[0].url = 'not a url';
    writeFileSync(second, JSON.stringify(data));
    const message = problemsOf(dir);
    expect(message).toContain('klimasats.json: /funding/minGrantNok');
    expect(message).toContain('stimulab.json: /sources/0/url');
  });

  it('rejects a second file with the same id', () => {
    const dir = brokenCopy('klimasats.json', () => undefined);
    cpSync(join(dir, 'klimasats.json'), join(dir, 'klimasats-copy.json'));
    const message = problemsOf(dir);
    expect(message).toContain('id "klimasats" is also used by klimasats-copy.json');
  });
});
