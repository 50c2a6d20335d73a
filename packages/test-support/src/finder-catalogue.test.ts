import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '@varde/domain/eligibility';
import { callsFor, findSchemes, nextCallOf, type FinderContext } from '@varde/domain/finder';
import { realCatalogue, realScheme, registerProfile } from './catalogue';

// The finder over the real catalogue (data/schemes) and register profiles (data/reference):
// Tydal is in Trøndelag, centrality class 6; Bodø in Nordland, class 3.
const catalogue = realCatalogue();
const tydal = registerProfile('5033');
const bodo = registerProfile('1804');
const now = new Date('2026-11-28T12:00:00Z');
const context = (overrides: Partial<FinderContext> = {}): FinderContext => ({ municipality: tydal, needs: [], pipeline: new Map(), now, ...overrides });
const ids = (result: ReturnType<typeof findSchemes>) => result.hits.map((h) => h.scheme.id);

describe('findSchemes over the real catalogue', () => {
  it('ranks what the municipality can apply for above what it cannot', () => {
    const { hits } = findSchemes(catalogue, {}, context());
    expect(hits).toHaveLength(catalogue.length);
    const firstBlocked = hits.findIndex((h) => h.eligibility!.verdict === 'not_eligible');
    expect(hits.slice(firstBlocked).every((h) => h.eligibility!.verdict === 'not_eligible')).toBe(true);
    expect(hits.find((h) => h.scheme.id === 'regionale-forskningsfond-nordland')!.eligibility!.verdict).toBe('not_eligible');
  });

  it('keeps only schemes where the municipality can take the chosen role', () => {
    const asLead = ids(findSchemes(catalogue, { role: 'lead' }, context()));
    expect(asLead).not.toContain('digdir-medfinansiering');
    expect(asLead).not.toContain('regionale-forskningsfond-nordland');
    const asPartner = ids(findSchemes(catalogue, { role: 'partner' }, context()));
    expect(asPartner).toContain('digdir-medfinansiering');
    expect(ids(findSchemes(catalogue, { role: 'lead' }, context({ municipality: bodo })))).toContain('regionale-forskningsfond-nordland');
  });

  it('filters by theme, text, collaboration, owner and funding size', () => {
    expect(findSchemes(catalogue, { theme: ['health_care'] }, context()).hits.every((h) => h.scheme.themes.includes('health_care'))).toBe(true);
    expect(ids(findSchemes(catalogue, { q: 'KLIMASATS' }, context()))).toEqual(['klimasats']);
    expect(findSchemes(catalogue, { collaboration: 'required' }, context()).hits.every((h) => h.scheme.applicants.collaboration === 'required')).toBe(true);
    expect(findSchemes(catalogue, { owner: 'Miljødirektoratet' }, context()).hits.map((h) => h.scheme.owner.name)).toEqual(['Miljødirektoratet']);
    for (const hit of findSchemes(catalogue, { funding: 'large' }, context()).hits) expect(hit.scheme.funding.maxGrantNok!).toBeGreaterThan(5_000_000);
  });

  it('treats rolling schemes as open now, and finds forecast deadlines within a horizon', () => {
    const open = findSchemes(catalogue, { openNow: true }, context()).hits;
    expect(open.every((h) => h.scheme.cadence.kind === 'rolling' || h.calls.some((c) => c.status === 'open'))).toBe(true);
    const within = findSchemes(catalogue, { deadlineWithin: 365 }, context()).hits;
    expect(within.length).toBeGreaterThan(0);
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
  });

  it('never suggests leading a scheme the municipality is shut out of', () => {
    const fund = realScheme('regionale-forskningsfond-nordland');
    const codes = (municipality: typeof tydal) =>
      evaluateEligibility({ municipality, rules: fund.applicants, role: 'partner', isGrant: fund.funding.isGrant }).reasons.map((r) => r.code);
    expect(codes(tydal)).not.toContain('lead_role_possible');
    expect(codes(bodo)).toContain('lead_role_possible');
  });

  it('gives no verdicts when no municipality is chosen', () => {
    expect(findSchemes(catalogue, {}, context({ municipality: null })).hits.every((h) => h.eligibility === null)).toBe(true);
  });
});

describe('calls for a municipality in the real catalogue', () => {
  it("shows a county-run scheme's calls for the municipality's own county only, with a forecast", () => {
    const prosjektskjonn = realScheme('prosjektskjonn');
    const calls = callsFor(prosjektskjonn, tydal, now);
    expect(calls.every((c) => !c.counties || c.counties.includes('50'))).toBe(true);
    expect(nextCallOf(calls)).toMatchObject({ predicted: true, counties: ['50'], status: 'forecast' });
  });
});
