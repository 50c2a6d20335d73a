import { describe, expect, it } from 'vitest';
import type { Scheme } from '@varde/contracts/schemes';
import type { ConfirmationFact } from './eligibility';
import { callsFor, type FinderContext, findSchemes, nextCallOf } from './finder';
import {
  bygdevekst,
  call,
  copyOf,
  fixtureCatalogue as catalogue,
  klimasats,
  modalen,
  prosjektskjonn,
  rffNordland,
  scheme,
  traena,
  trondheim,
  tydal,
  utsira,
} from './test-fixtures/schemes';

// A small catalogue (test-fixtures/schemes.ts); packages/test-support runs the finder over the real one.
const now = new Date('2026-11-28T12:00:00Z');
const context = (overrides: Partial<FinderContext> = {}): FinderContext => ({
  municipality: tydal,
  needs: [],
  pipeline: new Map(),
  confirmations: [],
  now,
  ...overrides,
});
const ids = (result: ReturnType<typeof findSchemes>) => result.hits.map((h) => h.scheme.id);
const sortedIds = (result: ReturnType<typeof findSchemes>) => ids(result).sort();
const hit = (result: ReturnType<typeof findSchemes>, id: string) => result.hits.find((h) => h.scheme.id === id)!;
const live = catalogue.filter((s) => s.lifecycle.status !== 'ended');

const confirmation = (schemeId: string | null, conditionId: string): ConfirmationFact => ({
  id: '00000000-0000-4000-8000-000000000001',
  schemeId,
  conditionId,
  callId: null,
  confirmedAt: '2026-11-01T10:00:00.000Z',
  confirmedByName: 'Kari Nordmann',
  expiresAt: '2027-11-01T10:00:00.000Z',
});

describe('findSchemes: ranking', () => {
  it('ranks by verdict, grants before guidance, then calls and certainty, with a reason for each place', () => {
    const result = findSchemes(catalogue, {}, context());
    expect(ids(result)).toEqual([
      // Tydal can lead these without conditions: the scheme for centrality 5–6 first, then the one open at any time.
      'bygdevekstavtaler',
      'innovasjonspartnerskap',
      'husbanken-boligtiltak',
      // With conditions: an open call before uncertain forecasts, before no known call.
      'stimulab',
      'klimasats',
      'prosjektskjonn',
      'digifin',
      // Guidance without money after the grants; partner only; shut out.
      'leverandorutviklingsprogrammet',
      'digdir-medfinansiering',
      'regionale-forskningsfond-nordland',
    ]);
    expect(result.hits.map((h) => [h.scheme.id, h.rankReason])).toEqual([
      ['bygdevekstavtaler', { code: 'targeted', params: {} }],
      ['innovasjonspartnerskap', { code: 'rolling', params: {} }],
      ['husbanken-boligtiltak', { code: 'forecast_uncertain', params: { deadline: '2027-06-01' } }],
      ['stimulab', { code: 'open_call', params: { deadline: '2027-01-15' } }],
      ['klimasats', { code: 'forecast_uncertain', params: { deadline: '2027-03-01' } }],
      ['prosjektskjonn', { code: 'forecast_uncertain', params: { deadline: '2027-09-01' } }],
      ['digifin', { code: 'no_known_call', params: {} }],
      ['leverandorutviklingsprogrammet', { code: 'no_grant', params: {} }],
      ['digdir-medfinansiering', { code: 'partner_only', params: {} }],
      ['regionale-forskningsfond-nordland', { code: 'not_eligible', params: {} }],
    ]);
    expect(hit(result, 'digdir-medfinansiering').eligibility).toMatchObject({ role: 'partner', verdict: 'eligible' });
    expect(hit(result, 'regionale-forskningsfond-nordland').eligibility!.verdict).toBe('not_eligible');
  });

  it('lifts a scheme when the municipality confirms its conditions', () => {
    const before = ids(findSchemes(catalogue, {}, context()));
    const after = ids(findSchemes(catalogue, {}, context({ confirmations: [confirmation('klimasats', 'political_anchoring')] })));
    expect(after.indexOf('klimasats')).toBeLessThan(before.indexOf('klimasats'));
    expect(after.indexOf('klimasats')).toBeLessThan(after.indexOf('stimulab'));
    // Another municipality's confirmations are never passed in: without them, the register-only verdict.
    expect(hit(findSchemes(catalogue, {}, context()), 'klimasats').eligibility!.verdict).toBe('eligible_with_conditions');
  });

  it('ranks unknown data below comparable known data: no known round for the county', () => {
    const withRogaland = copyOf(prosjektskjonn);
    withRogaland.rounds.push({ ...withRogaland.rounds[3]!, id: 'rogaland', name: { nb: 'Rogaland', nn: 'Rogaland', en: 'Rogaland' }, counties: ['11'] });
    const unknown = hit(findSchemes([prosjektskjonn], {}, context({ municipality: utsira })), 'prosjektskjonn');
    const known = hit(findSchemes([withRogaland], {}, context({ municipality: utsira })), 'prosjektskjonn');
    expect(unknown.eligibility).toMatchObject({ roundUnknown: true, verdict: 'eligible' });
    expect(known.eligibility).toMatchObject({ roundId: 'rogaland', verdict: 'eligible' });
    expect(known.score).toBeGreaterThan(unknown.score);
  });

  it('gives small and large municipalities different top lists: schemes for centrality 5–6 for Utsira, none shut to Trondheim', () => {
    const top = (municipality: typeof utsira) => findSchemes(catalogue, {}, context({ municipality })).hits.slice(0, 5);
    const small = top(utsira);
    const city = top(trondheim);
    expect(small[0]!.scheme.id).toBe(bygdevekst.id);
    expect(small[0]!.scheme.funding.isGrant).toBe(true);
    for (const h of city) expect(h.eligibility).toMatchObject({ role: 'lead' });
    expect(city.map((h) => h.scheme.id)).not.toContain(bygdevekst.id);
    expect(small.filter((h, i) => city[i]!.scheme.id !== h.scheme.id).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the input order for equal scores', () => {
    const twin = (id: string) => scheme(id, `Tvilling ${id}`);
    const schemes = [twin('b-tvilling'), twin('a-tvilling'), twin('c-tvilling')];
    expect(ids(findSchemes(schemes, {}, context()))).toEqual(['b-tvilling', 'a-tvilling', 'c-tvilling']);
  });

  it('lifts schemes matching the needs profile and hides what the municipality marked not relevant', () => {
    const result = findSchemes(catalogue, {}, context({ pipeline: new Map([['klimasats', 'not_relevant']]), needs: ['housing'] }));
    expect(ids(result)).not.toContain('klimasats');
    expect(result.hiddenAsNotRelevant).toBe(1);
    const husbanken = hit(result, 'husbanken-boligtiltak');
    expect(husbanken.matchedNeeds).toEqual(['housing']);
    expect(husbanken.score).toBeGreaterThan(hit(findSchemes(catalogue, {}, context()), 'husbanken-boligtiltak').score);
    // Among schemes without a known call, a needs match is what places it.
    const noCall = findSchemes(catalogue, {}, context({ needs: ['digitalisation'] }));
    expect(hit(noCall, 'digifin').rankReason).toEqual({ code: 'needs_match', params: { count: 1 } });
  });

  it('shows the pipeline status of each scheme', () => {
    const result = findSchemes(catalogue, {}, context({ pipeline: new Map([['klimasats', 'preparing']]) }));
    expect(hit(result, 'klimasats').pipelineStatus).toBe('preparing');
    expect(hit(result, 'stimulab').pipelineStatus).toBeNull();
  });

  it('names a likely forecast and an announced call in the rank reason', () => {
    const regular = scheme('regular', 'Regelmessig', (s) => {
      s.calls = [call('r-2024', '2024-10-01'), call('r-2025', '2025-10-01'), call('r-2026', '2026-10-01')];
    });
    const announced = scheme('announced', 'Kunngjort', (s) => {
      s.calls = [call('a-2027', '2027-04-01', { opensOn: '2027-01-05' })];
    });
    const result = findSchemes([regular, announced], {}, context());
    expect(ids(result)).toEqual(['announced', 'regular']);
    expect(hit(result, 'regular').rankReason).toEqual({ code: 'forecast_call', params: { deadline: '2027-10-01' } });
    expect(hit(result, 'announced').rankReason).toEqual({ code: 'upcoming_call', params: { deadline: '2027-04-01' } });
  });

  it('gives no verdicts when no municipality is chosen, and ranks what municipalities may lead first', () => {
    const result = findSchemes(catalogue, {}, context({ municipality: null }));
    expect(sortedIds(result)).toEqual(live.map((s) => s.id).sort());
    expect(result.hits.every((h) => h.eligibility === null)).toBe(true);
    expect(ids(result).at(-1)).toBe('digdir-medfinansiering');
    expect(hit(result, 'digdir-medfinansiering').rankReason.code).toBe('partner_only');
  });
});

describe('findSchemes: filters', () => {
  it('keeps only schemes where the municipality can take the chosen role', () => {
    const asLead = ids(findSchemes(catalogue, { role: 'lead' }, context()));
    expect(asLead).not.toContain('digdir-medfinansiering');
    expect(asLead).not.toContain(rffNordland.id);
    expect(asLead).toHaveLength(live.length - 2);
    const asPartner = findSchemes(catalogue, { role: 'partner' }, context());
    expect(ids(asPartner)).toContain('digdir-medfinansiering');
    expect(ids(asPartner)).not.toContain(rffNordland.id);
    expect(asPartner.hits.every((h) => h.eligibility!.role === 'partner')).toBe(true);
    expect(ids(findSchemes(catalogue, { role: 'lead' }, context({ municipality: traena })))).toContain(rffNordland.id);
    expect(ids(findSchemes(catalogue, { role: 'lead' }, context({ municipality: trondheim })))).not.toContain(bygdevekst.id);
    expect(ids(findSchemes(catalogue, { role: 'lead' }, context({ municipality: null })))).not.toContain('digdir-medfinansiering');
  });

  it('filters by theme, text, collaboration, owner id and funding size', () => {
    expect(ids(findSchemes(catalogue, { theme: ['health_care'] }, context()))).toEqual(['prosjektskjonn']);
    expect(sortedIds(findSchemes(catalogue, { theme: ['housing', 'climate_environment'] }, context()))).toEqual(['husbanken-boligtiltak', 'klimasats']);
    expect(ids(findSchemes(catalogue, { q: 'KLIMASATS' }, context()))).toEqual(['klimasats']);
    expect(ids(findSchemes(catalogue, { q: 'about stimulab' }, context()))).toEqual(['stimulab']);
    expect(ids(findSchemes(catalogue, { q: 'Statsforvalteren i Vestland' }, context()))).toEqual(['prosjektskjonn']);
    expect(ids(findSchemes(catalogue, { collaboration: 'required' }, context()))).toEqual(['stimulab']);
    // Innlandet's round of prosjektskjønn requires collaboration.
    const innlandet = { code: '3430', countyCode: '34', population: 1871, centralityClass: 6 };
    expect(sortedIds(findSchemes(catalogue, { collaboration: 'required' }, context({ municipality: innlandet })))).toEqual(['prosjektskjonn', 'stimulab']);
    expect(ids(findSchemes(catalogue, { owner: 'miljodirektoratet' }, context()))).toEqual(['klimasats']);
    expect(ids(findSchemes(catalogue, { owner: 'statsforvalteren-vestland' }, context()))).toEqual(['prosjektskjonn']);
    expect(sortedIds(findSchemes(catalogue, { owner: 'digitaliseringsdirektoratet' }, context()))).toEqual(['digdir-medfinansiering', 'stimulab']);
    expect(sortedIds(findSchemes(catalogue, { funding: 'large' }, context()))).toEqual(['digdir-medfinansiering', 'klimasats']);
    expect(sortedIds(findSchemes(catalogue, { funding: 'medium' }, context()))).toEqual(['bygdevekstavtaler', 'stimulab']);
    expect(ids(findSchemes(catalogue, { funding: 'small' }, context()))).toEqual(['husbanken-boligtiltak']);
  });

  it('lists only schemes without money on funding=guidance, ranked among themselves', () => {
    const result = findSchemes(catalogue, { funding: 'guidance' }, context());
    expect(ids(result)).toEqual(['leverandorutviklingsprogrammet']);
    expect(result.hits[0]!.rankReason).toEqual({ code: 'rolling', params: {} });
  });

  it('leaves ended schemes out unless asked for by status or named in the search', () => {
    expect(ids(findSchemes(catalogue, {}, context()))).not.toContain('kompetansepiloter');
    expect(ids(findSchemes(catalogue, { status: 'ended' }, context()))).toEqual(['kompetansepiloter']);
    expect(ids(findSchemes(catalogue, { q: 'kompetansepilot' }, context()))).toEqual(['kompetansepiloter']);
    expect(ids(findSchemes(catalogue, { status: 'active' }, context()))).toHaveLength(live.length);
    expect(ids(findSchemes(catalogue, { status: 'paused' }, context()))).toEqual([]);
  });

  it('ranks an ended scheme named in the search below every live one, saying it has ended', () => {
    // Klimasats ended, beside the live one: a better fit on every other key (earlier in the input, same rules).
    const endedKlimasats = {
      ...klimasats,
      id: 'klimasats-ended',
      lifecycle: { status: 'ended' as const, endedOn: null, successorId: null, sourceIds: ['main'] },
    };
    for (const municipality of [tydal, traena, null]) {
      const result = findSchemes([endedKlimasats, ...catalogue], { q: 'klimasats' }, context({ municipality }));
      expect(ids(result)).toEqual(['klimasats', 'klimasats-ended']);
      expect(hit(result, 'klimasats-ended').rankReason).toEqual({ code: 'ended', params: {} });
      expect(hit(result, 'klimasats').rankReason.code).not.toBe('ended');
    }
    // Asked for by status: ended among themselves.
    expect(sortedIds(findSchemes([endedKlimasats, ...catalogue], { status: 'ended' }, context()))).toEqual(['klimasats-ended', 'kompetansepiloter']);
  });

  it('treats active rolling schemes as open now', () => {
    expect(sortedIds(findSchemes(catalogue, { openNow: true }, context()))).toEqual(['innovasjonspartnerskap', 'leverandorutviklingsprogrammet', 'stimulab']);
    const paused = copyOf(catalogue.find((s) => s.id === 'innovasjonspartnerskap')!);
    paused.lifecycle = { status: 'paused', endedOn: null, successorId: null, sourceIds: ['main'] };
    expect(ids(findSchemes([paused], { openNow: true, status: 'paused' }, context()))).toEqual([]);
  });

  it('finds deadlines within a number of days by Oslo date, with or without a stated time, and never a call without one', () => {
    // StimuLab's open call ends 15 January 2027 at 12:00, 48 days ahead; Klimasats's next deadline is forecast for 1 March.
    expect(ids(findSchemes(catalogue, { deadlineWithin: 47 }, context()))).toEqual([]);
    expect(ids(findSchemes(catalogue, { deadlineWithin: 48 }, context()))).toEqual(['stimulab']);
    expect(sortedIds(findSchemes(catalogue, { deadlineWithin: 93 }, context()))).toEqual(['klimasats', 'stimulab']);
    const dateOnly = scheme('dato', 'Dato', (s) => (s.calls = [call('d', '2027-01-15')]));
    const undated = scheme('udatert', 'Udatert', (s) => (s.calls = [call('u', null)]));
    expect(ids(findSchemes([dateOnly, undated], { deadlineWithin: 48 }, context()))).toEqual(['dato']);
    expect(ids(findSchemes([dateOnly, undated], { deadlineWithin: 730 }, context()))).toEqual(['dato']);
    expect(sortedIds(findSchemes([dateOnly, undated], { openNow: true }, context()))).toEqual(['dato', 'udatert']);

    const within = findSchemes(catalogue, { deadlineWithin: 365 }, context()).hits;
    // Everything with a call or forecast ahead in Tydal's view (Trøndelag's round of prosjektskjønn).
    expect(within.map((h) => h.scheme.id).sort()).toEqual(['digdir-medfinansiering', 'husbanken-boligtiltak', 'klimasats', 'prosjektskjonn', 'stimulab']);
  });
});

describe('calls for a municipality', () => {
  it("shows a county-run scheme's national calls and its own round's only, with that round's forecast", () => {
    const calls = callsFor(prosjektskjonn, tydal, now);
    expect(calls.map((c) => c.id)).toEqual(['trondelag-forecast-2027', 'trondelag-2021', 'trondelag-2020']);
    expect(nextCallOf(calls)).toMatchObject({ predicted: true, roundId: 'trondelag', status: 'forecast', deadline: { date: '2027-09-01', time: null } });
    expect(callsFor(prosjektskjonn, modalen, now).every((c) => c.roundId === 'vestland')).toBe(true);
    // No known round for Nordland: none of the other counties' calls.
    expect(callsFor(prosjektskjonn, traena, now)).toEqual([]);
    // Without a municipality: every round's calls and one forecast per round.
    const all = callsFor(prosjektskjonn, null, now);
    expect(all.filter((c) => c.predicted)).toHaveLength(4);
    expect(all.filter((c) => !c.predicted)).toHaveLength(prosjektskjonn.calls.length);
  });

  it("forecasts a national scheme's next call, and picks the nearest open call before upcoming ones", () => {
    expect(nextCallOf(callsFor(klimasats, tydal, now))).toMatchObject({ id: 'hovedfrist-forecast-2027', deadline: { date: '2027-03-01' }, predicted: true });
    const several: Scheme = scheme('flere', 'Flere', (s) => {
      s.calls = [call('later', '2027-05-01'), call('sooner', '2027-02-01'), call('undated', null), call('upcoming', '2027-03-01', { opensOn: '2027-01-10' })];
    });
    expect(nextCallOf(callsFor(several, null, now))!.id).toBe('sooner');
  });
});
