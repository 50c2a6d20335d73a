import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './eligibility';
import { callsFor, findSchemes, nextCallOf, type FinderContext } from './finder';
import { bodo, fixtureCatalogue as catalogue, klimasats, prosjektskjonn, rffNordland, tydal } from './test-fixtures/schemes';

// A small catalogue (test-fixtures/schemes.ts); packages/test-support runs the finder over the real one.
const now = new Date('2026-11-28T12:00:00Z');
const context = (overrides: Partial<FinderContext> = {}): FinderContext => ({ municipality: tydal, needs: [], pipeline: new Map(), now, ...overrides });
const ids = (result: ReturnType<typeof findSchemes>) => result.hits.map((h) => h.scheme.id);
const sortedIds = (result: ReturnType<typeof findSchemes>) => ids(result).sort();

describe('findSchemes', () => {
  it('ranks what the municipality can apply for above what it cannot', () => {
    const { hits } = findSchemes(catalogue, {}, context());
    expect(hits).toHaveLength(catalogue.length);
    // Tydal is in Trøndelag: the Nordland fund is the only scheme it cannot take part in, so it comes last.
    expect(hits.at(-1)!.scheme.id).toBe(rffNordland.id);
    expect(hits.at(-1)!.eligibility!.verdict).toBe('not_eligible');
    expect(hits.slice(0, -1).every((h) => h.eligibility!.verdict !== 'not_eligible')).toBe(true);
    // Digdir's scheme is open to municipalities as partners: the best verdict is the partner's.
    expect(hits.find((h) => h.scheme.id === 'digdir-medfinansiering')!.eligibility).toMatchObject({ role: 'partner', verdict: 'eligible' });
  });

  it('keeps only schemes where the municipality can take the chosen role', () => {
    const asLead = ids(findSchemes(catalogue, { role: 'lead' }, context()));
    expect(asLead).not.toContain('digdir-medfinansiering');
    expect(asLead).not.toContain(rffNordland.id);
    expect(asLead).toHaveLength(catalogue.length - 2);
    const asPartner = ids(findSchemes(catalogue, { role: 'partner' }, context()));
    expect(asPartner).toContain('digdir-medfinansiering');
    expect(asPartner).not.toContain(rffNordland.id);
    expect(ids(findSchemes(catalogue, { role: 'lead' }, context({ municipality: bodo })))).toContain(rffNordland.id);
  });

  it('filters by theme, text, collaboration, owner and funding size', () => {
    expect(ids(findSchemes(catalogue, { theme: ['health_care'] }, context()))).toEqual(['prosjektskjonn']);
    expect(sortedIds(findSchemes(catalogue, { theme: ['housing', 'climate_environment'] }, context()))).toEqual(['husbanken-boligtiltak', 'klimasats']);
    expect(ids(findSchemes(catalogue, { q: 'KLIMASATS' }, context()))).toEqual(['klimasats']);
    expect(ids(findSchemes(catalogue, { q: 'about stimulab' }, context()))).toEqual(['stimulab']);
    expect(ids(findSchemes(catalogue, { collaboration: 'required' }, context()))).toEqual(['stimulab']);
    expect(ids(findSchemes(catalogue, { owner: 'Miljødirektoratet' }, context()))).toEqual(['klimasats']);
    expect(sortedIds(findSchemes(catalogue, { funding: 'large' }, context()))).toEqual(['digdir-medfinansiering', 'klimasats']);
    expect(ids(findSchemes(catalogue, { funding: 'medium' }, context()))).toEqual(['stimulab']);
    expect(ids(findSchemes(catalogue, { funding: 'small' }, context()))).toEqual(['husbanken-boligtiltak']);
  });

  it('treats rolling schemes as open now, and finds forecast deadlines within a horizon', () => {
    expect(sortedIds(findSchemes(catalogue, { openNow: true }, context()))).toEqual(['innovasjonspartnerskap', 'stimulab']);
    // StimuLab's open call ends 15 January; Klimasats's next main deadline is forecast for 1 March.
    expect(ids(findSchemes(catalogue, { deadlineWithin: 60 }, context()))).toEqual(['stimulab']);
    expect(sortedIds(findSchemes(catalogue, { deadlineWithin: 100 }, context()))).toEqual(['klimasats', 'stimulab']);
    const within = findSchemes(catalogue, { deadlineWithin: 365 }, context()).hits;
    // Everything but the irregular Nordland fund (no forecast) and the rolling scheme (no deadlines).
    expect(within.map((h) => h.scheme.id).sort()).toEqual(['digdir-medfinansiering', 'husbanken-boligtiltak', 'klimasats', 'prosjektskjonn', 'stimulab']);
    for (const hit of within) expect(hit.calls.some((c) => c.status !== 'closed' && Date.parse(c.deadline) - now.getTime() <= 365 * 86_400_000)).toBe(true);
  });

  it('hides what the municipality marked not relevant and lifts schemes matching its needs', () => {
    const result = findSchemes(catalogue, {}, context({ pipeline: new Map([['klimasats', 'not_relevant']]), needs: ['housing'] }));
    expect(ids(result)).not.toContain('klimasats');
    expect(result.hiddenAsNotRelevant).toBe(1);
    const husbanken = result.hits.find((h) => h.scheme.id === 'husbanken-boligtiltak')!;
    expect(husbanken.matchedNeeds).toEqual(['housing']);
    const without = findSchemes(catalogue, {}, context()).hits.find((h) => h.scheme.id === 'husbanken-boligtiltak')!;
    expect(husbanken.score).toBeGreaterThan(without.score);
    expect(result.hits[0]!.scheme.id).toBe('husbanken-boligtiltak');
  });

  it('shows the pipeline status of each scheme', () => {
    const result = findSchemes(catalogue, {}, context({ pipeline: new Map([['klimasats', 'preparing']]) }));
    expect(result.hits.find((h) => h.scheme.id === 'klimasats')!.pipelineStatus).toBe('preparing');
    expect(result.hits.find((h) => h.scheme.id === 'stimulab')!.pipelineStatus).toBeNull();
  });

  it('never suggests leading a scheme the municipality is shut out of', () => {
    const codes = (municipality: typeof tydal) =>
      evaluateEligibility({ municipality, rules: rffNordland.applicants, role: 'partner', isGrant: rffNordland.funding.isGrant }).reasons.map((r) => r.code);
    expect(codes(tydal)).not.toContain('lead_role_possible');
    expect(codes(bodo)).toContain('lead_role_possible');
  });

  it('gives no verdicts when no municipality is chosen', () => {
    const { hits } = findSchemes(catalogue, {}, context({ municipality: null }));
    expect(hits).toHaveLength(catalogue.length);
    expect(hits.every((h) => h.eligibility === null)).toBe(true);
  });
});

describe('calls for a municipality', () => {
  it("shows a county-run scheme's calls for the municipality's own county only, with a forecast", () => {
    const calls = callsFor(prosjektskjonn, tydal, now);
    expect(calls.map((c) => c.id)).toEqual(['trondelag-forecast-2027', 'trondelag-2021']);
    expect(nextCallOf(calls)).toMatchObject({ predicted: true, counties: ['50'], status: 'forecast', deadline: '2027-09-01T23:59:00+02:00' });
    // Without a municipality: every county group's calls and one forecast per group.
    expect(callsFor(prosjektskjonn, null, now).filter((c) => c.predicted)).toHaveLength(3);
  });

  it("forecasts a national scheme's next call on the same day and time", () => {
    expect(nextCallOf(callsFor(klimasats, tydal, now))).toMatchObject({
      id: 'hovedfrist-forecast-2027',
      deadline: '2027-03-01T23:59:00+01:00',
      predicted: true,
    });
  });
});
