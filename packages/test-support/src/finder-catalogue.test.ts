import { describe, expect, it } from 'vitest';
import type { Scheme } from '@varde/contracts/schemes';
import { evaluateEligibility } from '@varde/domain/eligibility';
import { callsFor, type FinderContext, type FinderHit, findSchemes, nextCallOf } from '@varde/domain/finder';
import { realCatalogue, realScheme, registerProfile } from './catalogue';

// The finder over the real catalogue (data/schemes) and register profiles (data/reference):
// Tydal is in Trøndelag, centrality class 6; Bodø in Nordland, class 3; Utsira in Rogaland, class 6,
// the smallest municipality; Trondheim in Trøndelag, class 2.
const catalogue = realCatalogue();
const tydal = registerProfile('5033');
const bodo = registerProfile('1804');
const utsira = registerProfile('1151');
const trondheim = registerProfile('5001');
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
const live = catalogue.filter((s) => s.lifecycle.status !== 'ended');
const verdictOrder = (h: FinderHit) => (h.eligibility!.verdict === 'not_eligible' ? 0 : h.eligibility!.role === 'lead' ? 2 : 1);
/** Limited to centrality classes 5–6 (and no other classes), by the scheme's rules or its rounds'. */
const forClasses5and6 = (s: Scheme) =>
  [s.applicants, ...s.rounds.flatMap((r) => (r.applicants ? [r.applicants] : []))].some(
    (r) => r.centralityClasses !== null && r.centralityClasses.length > 0 && r.centralityClasses.every((c) => c >= 5),
  );

describe('findSchemes over the real catalogue', () => {
  it('ranks what the municipality can lead above what it can only join, above what it cannot take part in', () => {
    const { hits } = findSchemes(catalogue, {}, context());
    expect(hits).toHaveLength(live.length);
    const order = hits.map(verdictOrder);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    const elsewhere = live.filter((s) => s.applicants.counties !== null && !s.applicants.counties.includes(tydal.countyCode) && s.rounds.length === 0);
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const s of elsewhere) expect(hits.find((h) => h.scheme.id === s.id)!.eligibility!.verdict, s.id).toBe('not_eligible');
    for (const hit of hits) expect(hit.rankReason.code, hit.scheme.id).toMatch(/^[a-z_]+$/);
  });

  it("puts schemes for centrality 5–6 in Utsira's top five, and never a scheme without money first", () => {
    const top = findSchemes(catalogue, {}, context({ municipality: utsira })).hits.slice(0, 5);
    expect(top.filter((h) => forClasses5and6(h.scheme)).length, top.map((h) => h.scheme.id).join(', ')).toBeGreaterThanOrEqual(2);
    expect(top[0]!.scheme.funding.isGrant).toBe(true);
  });

  it("keeps schemes whose rules exclude Trondheim as lead out of its top five, and differs from Utsira's in at least three places", () => {
    const city = findSchemes(catalogue, {}, context({ municipality: trondheim })).hits.slice(0, 5);
    for (const hit of city) {
      const asLead = evaluateEligibility({ municipality: trondheim, scheme: hit.scheme, role: 'lead', now });
      expect(asLead.verdict, hit.scheme.id).not.toBe('not_eligible');
    }
    const small = findSchemes(catalogue, {}, context({ municipality: utsira })).hits.slice(0, 5);
    const differences = small.filter((h, i) => city[i]!.scheme.id !== h.scheme.id).length;
    expect(differences, `${ids({ hits: small, hiddenAsNotRelevant: 0 })} / ${ids({ hits: city, hiddenAsNotRelevant: 0 })}`).toBeGreaterThanOrEqual(3);
  });

  it('keeps only schemes where the municipality can take the chosen role', () => {
    const asLead = ids(findSchemes(catalogue, { role: 'lead' }, context()));
    expect(asLead).not.toContain('digdir-medfinansiering');
    expect(asLead).not.toContain('interreg-aurora');
    const asPartner = ids(findSchemes(catalogue, { role: 'partner' }, context()));
    expect(asPartner).toContain('digdir-medfinansiering');
    expect(ids(findSchemes(catalogue, { role: 'lead' }, context({ municipality: bodo })))).toContain('interreg-aurora');
  });

  it('leaves ended schemes out unless asked for or named', () => {
    const ended = catalogue.filter((s) => s.lifecycle.status === 'ended');
    expect(ended.length).toBeGreaterThan(0);
    expect(ids(findSchemes(catalogue, {}, context())).some((id) => ended.some((s) => s.id === id))).toBe(false);
    expect(ids(findSchemes(catalogue, { status: 'ended' }, context())).sort()).toEqual(ended.map((s) => s.id).sort());
    expect(ids(findSchemes(catalogue, { q: ended[0]!.name.nb }, context()))).toContain(ended[0]!.id);
  });

  it('filters by theme, text, collaboration, owner id and funding', () => {
    expect(findSchemes(catalogue, { theme: ['health_care'] }, context()).hits.every((h) => h.scheme.themes.includes('health_care'))).toBe(true);
    expect(ids(findSchemes(catalogue, { q: 'KLIMASATS' }, context()))).toEqual(['klimasats']);
    expect(findSchemes(catalogue, { collaboration: 'required' }, context()).hits.every((h) => h.scheme.applicants.collaboration === 'required')).toBe(true);
    const klimasatsOwner = realScheme('klimasats').owner.id;
    expect(
      findSchemes(catalogue, { owner: klimasatsOwner }, context()).hits.every(
        (h) => h.scheme.owner.id === klimasatsOwner || h.scheme.rounds.some((r) => r.owner.id === klimasatsOwner),
      ),
    ).toBe(true);
    expect(ids(findSchemes(catalogue, { owner: klimasatsOwner }, context()))).toContain('klimasats');
    for (const hit of findSchemes(catalogue, { funding: 'large' }, context()).hits) expect(hit.scheme.funding.maxGrantNok!).toBeGreaterThan(5_000_000);
    const guidance = findSchemes(catalogue, { funding: 'guidance' }, context()).hits;
    expect(guidance.length).toBeGreaterThan(0);
    expect(guidance.every((h) => !h.scheme.funding.isGrant)).toBe(true);
  });

  it('treats rolling schemes as open now, and finds deadlines within a horizon', () => {
    const open = findSchemes(catalogue, { openNow: true }, context()).hits;
    expect(open.every((h) => h.scheme.cadence.kind === 'rolling' || h.calls.some((c) => c.status === 'open'))).toBe(true);
    const within = findSchemes(catalogue, { deadlineWithin: 365 }, context()).hits;
    expect(within.length).toBeGreaterThan(0);
    // 365 days after 28 November 2026 (Oslo dates).
    for (const hit of within) expect(hit.calls.some((c) => c.status !== 'closed' && c.deadline !== null && c.deadline.date <= '2027-11-28')).toBe(true);
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

  it('gives no verdicts when no municipality is chosen', () => {
    expect(findSchemes(catalogue, {}, context({ municipality: null })).hits.every((h) => h.eligibility === null)).toBe(true);
  });
});

describe('calls for a municipality in the real catalogue', () => {
  it("shows a county-run scheme's calls for the municipality's own round only, with a forecast", () => {
    const prosjektskjonn = realScheme('prosjektskjonn');
    const round = prosjektskjonn.rounds.find((r) => r.counties.includes(tydal.countyCode))!;
    const calls = callsFor(prosjektskjonn, tydal, now);
    expect(calls.every((c) => c.roundId === null || c.roundId === round.id)).toBe(true);
    expect(nextCallOf(calls)).toMatchObject({ predicted: true, roundId: round.id, status: 'forecast', region: round.name });
    expect(nextCallOf(calls)!.forecast).not.toBeNull();
  });
});
