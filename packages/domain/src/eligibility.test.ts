import { describe, expect, it } from 'vitest';
import type { Scheme } from '@varde/contracts/schemes';
import { bestEligibility, type ConfirmationFact, type EligibilityInput, type EligibilityResult, evaluateEligibility, schemeConditions } from './eligibility';
import { rulesFor } from './rounds';
import {
  applicantRules,
  bodo,
  bygdevekst,
  copyOf,
  digdirCoFunding,
  digifin,
  endedPilots,
  fixtureCatalogue,
  guidance,
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

const now = new Date('2026-11-28T12:00:00Z');
const evaluate = (input: Omit<EligibilityInput, 'now'>) => evaluateEligibility({ now, ...input });
const codes = (r: EligibilityResult) => r.reasons.map((x) => x.code);
const keyReason = (r: EligibilityResult) => r.reasons[0]!.code;
const check = (r: EligibilityResult, conditionId: string) => r.checklist.find((c) => c.conditionId === conditionId);

let confirmationCount = 0;
/** A confirmation made a month ago, valid for a year unless `expiresAt` says otherwise. */
function confirmed(schemeId: string | null, conditionId: string, more: Partial<ConfirmationFact> = {}): ConfirmationFact {
  return {
    id: `00000000-0000-4000-8000-${String(++confirmationCount).padStart(12, '0')}`,
    schemeId,
    conditionId,
    callId: null,
    confirmedAt: '2026-10-28T10:00:00.000Z',
    confirmedByName: 'Kari Nordmann',
    expiresAt: '2027-10-28T10:00:00.000Z',
    ...more,
  };
}

/** Confirmations of every condition a scheme's rules (for this municipality's round) set. */
function confirmAll(s: Scheme, municipality = tydal): ConfirmationFact[] {
  const result = evaluate({ municipality, scheme: s, role: 'lead' });
  const round = s.rounds.find((r) => r.id === result.roundId) ?? null;
  const { applicants, funding } = rulesFor(s, round);
  return schemeConditions(applicants, funding).map((c) => confirmed(c.membership ? null : s.id, c.membership ?? c.id));
}

// Forskningsrådet's innovation project for the public sector: an approved R&D organisation must take part.
const ipo = scheme('forskningsradet-ipo', 'Innovasjonsprosjekt i offentlig sektor', (s) => {
  s.applicants = applicantRules({
    leadTypes: ['municipality', 'county_council', 'state_agency'],
    partnerTypes: ['municipality', 'rd_organisation', 'company', 'ngo'],
    requiredPartnerTypes: ['rd_organisation'],
    collaboration: 'rewarded',
  });
});

describe('evaluateEligibility: register facts', () => {
  it('evaluates the county as a register fact: a Nordland municipality never sees "must be in Nordland" as open', () => {
    const result = evaluate({ municipality: traena, scheme: rffNordland, role: 'lead' });
    expect(check(result, 'register:county')).toMatchObject({ kind: 'register', state: 'met', code: 'county_in', params: { counties: ['18'], county: '18' } });
    expect(result.checklist.filter((c) => c.state === 'to_check').every((c) => c.kind !== 'register')).toBe(true);
    expect(codes(result)).not.toContain('county_excluded');
    expect(result.verdict).toBe('eligible_with_conditions');
    expect(result.checklist.filter((c) => c.state === 'to_check').map((c) => c.conditionId)).toEqual(['partner:rd_organisation', 'own_funding']);
  });

  it('never leaves a register fact open, for any fixture, municipality and role', () => {
    for (const s of fixtureCatalogue)
      for (const municipality of [tydal, bodo, traena, modalen, utsira, trondheim])
        for (const role of ['lead', 'partner'] as const) {
          const result = evaluate({ municipality, scheme: s, role });
          for (const c of result.checklist.filter((c) => c.kind === 'register')) expect(c.state, `${s.id} ${municipality.code} ${role}`).not.toBe('to_check');
        }
  });

  it('keeps municipalities outside the county out in either role', () => {
    const lead = evaluate({ municipality: tydal, scheme: rffNordland, role: 'lead', partners: [{ type: 'rd_organisation' }] });
    expect(lead.verdict).toBe('not_eligible');
    expect(lead.reasons[0]).toEqual({ kind: 'blocker', code: 'county_excluded', params: { counties: ['18'], county: '50' } });
    expect(check(lead, 'register:county')!.state).toBe('blocker');
    expect(bestEligibility({ municipality: tydal, scheme: rffNordland, now }).verdict).toBe('not_eligible');
  });

  it("shows a municipality as partner-only in Digdir's co-funding scheme, worded as a partner", () => {
    const lead = evaluate({ municipality: tydal, scheme: digdirCoFunding, role: 'lead' });
    expect(lead.verdict).toBe('not_eligible');
    expect(lead.reasons[0]).toEqual({ kind: 'blocker', code: 'partner_only', params: { leadTypes: ['state_agency'] } });
    expect(check(lead, 'register:applicant_type')).toMatchObject({ state: 'blocker', code: 'partner_only' });
    const partner = evaluate({ municipality: tydal, scheme: digdirCoFunding, role: 'partner' });
    expect(partner.verdict).toBe('eligible');
    expect(codes(partner)).toEqual(['can_be_partner', 'partner_only']);
    expect(partner.reasons[1]!.kind).toBe('info');
    expect(check(partner, 'register:applicant_type')).toMatchObject({ state: 'met', code: 'partner_allowed' });
    expect(bestEligibility({ municipality: tydal, scheme: digdirCoFunding, now }).role).toBe('partner');
  });

  it('checks centrality for every municipality taking part: Utsira may lead a scheme for classes 5–6, Trondheim may not even join as a partner', () => {
    const small = evaluate({ municipality: utsira, scheme: bygdevekst, role: 'lead' });
    expect(small.verdict).toBe('eligible');
    expect(codes(small)[0]).toBe('can_apply');
    expect(check(small, 'register:centrality')).toMatchObject({ state: 'met', code: 'centrality_in', params: { classes: [5, 6], actual: 6 } });
    const city = evaluate({ municipality: trondheim, scheme: bygdevekst, role: 'lead' });
    expect(city.reasons[0]).toEqual({ kind: 'blocker', code: 'centrality_excluded', params: { classes: [5, 6], actual: 2 } });
    const cityAsPartner = evaluate({ municipality: trondheim, scheme: bygdevekst, role: 'partner' });
    expect(cityAsPartner.verdict).toBe('not_eligible');
    expect(check(cityAsPartner, 'register:centrality')).toMatchObject({ state: 'blocker', code: 'centrality_excluded' });
  });

  it('checks population limits both ways, as one register line', () => {
    const limited = (change: Parameters<typeof applicantRules>[0]) => scheme('s', 'S', (s) => (s.applicants = applicantRules(change)));
    const above = evaluate({ municipality: bodo, scheme: limited({ maxPopulation: 20000 }), role: 'lead' });
    expect(above.reasons[0]).toEqual({ kind: 'blocker', code: 'population_above', params: { max: 20000, actual: 53638 } });
    const below = evaluate({ municipality: tydal, scheme: limited({ minPopulation: 1000 }), role: 'lead' });
    expect(below.reasons[0]).toEqual({ kind: 'blocker', code: 'population_below', params: { min: 1000, actual: 773 } });
    const within = evaluate({ municipality: tydal, scheme: limited({ maxPopulation: 773, minPopulation: 100 }), role: 'lead' });
    expect(within.verdict).toBe('eligible');
    expect(within.checklist.filter((c) => c.conditionId === 'register:population')).toEqual([
      expect.objectContaining({ state: 'met', code: 'population_between', params: { min: 100, max: 773, actual: 773 } }),
    ]);
  });

  it('refuses schemes that municipalities cannot take part in at all', () => {
    const s = scheme('s', 'S', (x) => (x.applicants = applicantRules({ leadTypes: ['company'], partnerTypes: ['rd_organisation'] })));
    expect(evaluate({ municipality: tydal, scheme: s, role: 'partner' }).reasons).toEqual([
      { kind: 'blocker', code: 'municipalities_cannot_take_part', params: {} },
    ]);
    expect(bestEligibility({ municipality: tydal, scheme: s, now }).verdict).toBe('not_eligible');
  });
});

describe('evaluateEligibility: conditions', () => {
  it('meets the R&D-partner condition by planning the partner, or by confirming it', () => {
    const alone = evaluate({ municipality: tydal, scheme: ipo, role: 'lead' });
    expect(alone.verdict).toBe('eligible_with_conditions');
    expect(alone.reasons[0]).toEqual({ kind: 'condition', code: 'needs_partner_type', params: { partnerType: 'rd_organisation' } });
    expect(check(alone, 'partner:rd_organisation')).toMatchObject({ kind: 'partner', state: 'to_check', code: 'partner_type', confirmation: null });

    const planned = evaluate({ municipality: tydal, scheme: ipo, role: 'lead', partners: [{ type: 'rd_organisation' }] });
    expect(planned.verdict).toBe('eligible');
    expect(codes(planned).slice(0, 2)).toEqual(['can_apply', 'has_partner_type']);
    expect(check(planned, 'partner:rd_organisation')).toMatchObject({ state: 'met', confirmation: null });

    const confirmation = confirmed(ipo.id, 'partner:rd_organisation');
    const byConfirmation = evaluate({ municipality: tydal, scheme: ipo, role: 'lead', confirmations: [confirmation] });
    expect(byConfirmation.verdict).toBe('eligible');
    expect(check(byConfirmation, 'partner:rd_organisation')).toMatchObject({ state: 'met', confirmation });
    expect(byConfirmation.reasons).toContainEqual({ kind: 'info', code: 'conditions_confirmed', params: { count: 1 } });
  });

  it('counts only unexpired confirmations made for this scheme', () => {
    const input = { municipality: tydal, scheme: klimasats, role: 'lead' as const };
    expect(evaluate({ ...input, confirmations: [confirmed('klimasats', 'political_anchoring')] }).verdict).toBe('eligible');
    const expired = confirmed('klimasats', 'political_anchoring', { expiresAt: '2026-11-28T11:59:59.000Z' });
    expect(evaluate({ ...input, confirmations: [expired] }).verdict).toBe('eligible_with_conditions');
    expect(evaluate({ ...input, confirmations: [confirmed('prosjektskjonn', 'political_anchoring')] }).verdict).toBe('eligible_with_conditions');
    // A confirmation made for a call ends with that call's deadline (the caller sets expiresAt).
    const forCall = confirmed('klimasats', 'political_anchoring', { callId: 'hovedfrist-2027', expiresAt: '2027-02-15T23:00:00.000Z' });
    expect(evaluateEligibility({ ...input, confirmations: [forCall], now }).verdict).toBe('eligible');
    expect(evaluateEligibility({ ...input, confirmations: [forCall], now: new Date('2027-02-15T23:00:00Z') }).verdict).toBe('eligible_with_conditions');
  });

  it('rests a condition on the newest of several confirmations', () => {
    const older = confirmed('klimasats', 'political_anchoring', { confirmedAt: '2026-01-01T10:00:00.000Z' });
    const newer = confirmed('klimasats', 'political_anchoring', { confirmedAt: '2026-11-01T10:00:00.000Z' });
    expect(check(evaluate({ municipality: tydal, scheme: klimasats, role: 'lead', confirmations: [older, newer] }), 'political_anchoring')!.confirmation).toBe(
      newer,
    );
  });

  it('shares a membership confirmation between every scheme that asks for that membership', () => {
    const result = evaluate({ municipality: tydal, scheme: digifin, role: 'lead' });
    expect(result.reasons[0]).toEqual({
      kind: 'condition',
      code: 'membership_required',
      params: { text: digifin.applicants.conditions[0]!.text, membership: 'membership:digifin' },
    });
    expect(check(result, 'digifin-medlem')).toMatchObject({ kind: 'membership', membership: 'membership:digifin', state: 'to_check', code: 'membership' });

    const membership = confirmed(null, 'membership:digifin');
    const other = copyOf(klimasats);
    other.applicants.conditions = [{ ...digifin.applicants.conditions[0]!, id: 'digifin' }];
    expect(evaluate({ municipality: tydal, scheme: digifin, role: 'lead', confirmations: [membership] }).verdict).toBe('eligible');
    expect(check(evaluate({ municipality: tydal, scheme: other, role: 'lead', confirmations: [membership] }), 'digifin')).toMatchObject({
      state: 'met',
      confirmation: membership,
    });
  });

  it('counts municipalities toward a minimum, asks for the missing ones, and accepts a confirmation', () => {
    const s = scheme('s', 'S', (x) => (x.applicants = applicantRules({ minMunicipalities: 3, collaboration: 'required' })));
    const alone = evaluate({ municipality: tydal, scheme: s, role: 'lead' });
    expect(alone.reasons[0]).toEqual({ kind: 'condition', code: 'needs_more_municipalities', params: { min: 3, missing: 2 } });
    expect(check(alone, 'municipalities')).toMatchObject({ state: 'to_check', code: 'min_municipalities', params: { min: 3, count: 1 } });
    const three = evaluate({
      municipality: tydal,
      scheme: s,
      role: 'lead',
      partners: [{ type: 'municipality' }, { type: 'municipality' }, { type: 'company' }],
    });
    expect(three.verdict).toBe('eligible');
    expect(three.reasons).toContainEqual({ kind: 'info', code: 'enough_municipalities', params: { min: 3, count: 3 } });
    const byConfirmation = evaluate({
      municipality: tydal,
      scheme: s,
      role: 'lead',
      confirmations: [confirmed('s', 'municipalities'), confirmed('s', 'collaboration')],
    });
    expect(byConfirmation.verdict).toBe('eligible');
  });

  it('does not count a partner municipality outside the scheme’s counties', () => {
    const s = scheme('s', 'S', (x) => (x.applicants = applicantRules({ minMunicipalities: 2, counties: ['18'] })));
    expect(evaluate({ municipality: traena, scheme: s, role: 'lead', partners: [{ type: 'municipality', municipality: tydal }] }).verdict).toBe(
      'eligible_with_conditions',
    );
    expect(evaluate({ municipality: traena, scheme: s, role: 'lead', partners: [{ type: 'municipality', municipality: bodo }] }).verdict).toBe('eligible');
  });

  it('asks the lead for collaboration when required, and finds it met for a partner', () => {
    const s = scheme('s', 'S', (x) => (x.applicants.collaboration = 'required'));
    expect(codes(evaluate({ municipality: tydal, scheme: s, role: 'lead' }))).toEqual(['collaboration_required']);
    expect(evaluate({ municipality: tydal, scheme: s, role: 'lead', partners: [{ type: 'municipality' }] }).verdict).toBe('eligible');
    const partner = evaluate({ municipality: tydal, scheme: s, role: 'partner' });
    expect(partner.verdict).toBe('eligible');
    expect(check(partner, 'collaboration')).toMatchObject({ state: 'met', params: { asPartner: true } });
  });

  it('shows text no answer can settle as "check this yourself", never deciding the verdict', () => {
    const result = evaluate({ municipality: tydal, scheme: klimasats, role: 'lead', confirmations: [confirmed('klimasats', 'political_anchoring')] });
    expect(result.verdict).toBe('eligible');
    expect(result.checkYourself).toEqual(klimasats.applicants.checkYourself);
    expect(codes(result)).toEqual(['can_apply', 'conditions_confirmed', 'check_yourself']);
    expect(result.reasons.find((r) => r.code === 'check_yourself')!.params).toEqual({ count: 1 });
  });

  it('lists own funding as a condition when the scheme asks for an own share', () => {
    const result = evaluate({ municipality: bodo, scheme: rffNordland, role: 'lead', partners: [{ type: 'rd_organisation' }] });
    expect(result.reasons[0]).toEqual({ kind: 'condition', code: 'own_funding_required', params: { minOwnShare: 0.2 } });
    expect(check(result, 'own_funding')).toMatchObject({ kind: 'own_funding', code: 'own_funding', params: { minOwnShare: 0.2 } });
  });
});

describe('evaluateEligibility: regional rounds', () => {
  it("gives a Vestland municipality Vestland's round rules and never Trøndelag's", () => {
    const result = evaluate({ municipality: modalen, scheme: prosjektskjonn, role: 'lead' });
    expect(result).toMatchObject({ roundId: 'vestland', roundUnknown: false, verdict: 'eligible_with_conditions' });
    expect(result.checklist.map((c) => c.conditionId)).toEqual(['register:applicant_type', 'own_funding']);
    expect(result.reasons).toContainEqual({
      kind: 'info',
      code: 'round_rules',
      params: { round: prosjektskjonn.rounds[1]!.name, owner: prosjektskjonn.rounds[1]!.owner.name },
    });
    const trondelag = evaluate({ municipality: tydal, scheme: prosjektskjonn, role: 'lead' });
    expect(trondelag.roundId).toBe('trondelag');
    expect(trondelag.checklist.map((c) => c.conditionId)).toEqual(['register:applicant_type', 'political_anchoring']);
  });

  it('answers "no known round" for a county without one: an unknown, not a blocker, under the general rules', () => {
    const result = evaluate({ municipality: traena, scheme: prosjektskjonn, role: 'lead' });
    expect(result).toMatchObject({ roundId: null, roundUnknown: true, verdict: 'eligible' });
    expect(codes(result)).toEqual(['can_apply', 'round_unknown', 'collaboration_rewarded']);
    expect(result.reasons[1]).toEqual({ kind: 'info', code: 'round_unknown', params: { county: '18' } });
  });

  it('knows nothing is unknown about a national scheme', () => {
    expect(evaluate({ municipality: traena, scheme: klimasats, role: 'lead' })).toMatchObject({ roundId: null, roundUnknown: false });
  });
});

describe('evaluateEligibility: every verdict is explained', () => {
  const municipalities = [tydal, bodo, traena, modalen, utsira, trondheim];

  it('gives at least one reason, the key reason first', () => {
    for (const s of fixtureCatalogue)
      for (const municipality of municipalities)
        for (const role of ['lead', 'partner'] as const) {
          const result = evaluate({ municipality, scheme: s, role });
          const label = `${s.id} ${municipality.code} ${role}`;
          expect(result.reasons.length, label).toBeGreaterThan(0);
          if (result.verdict === 'eligible') expect(keyReason(result), label).toBe(role === 'lead' ? 'can_apply' : 'can_be_partner');
          if (result.verdict === 'eligible_with_conditions') {
            expect(result.reasons[0]!.kind, label).toBe('condition');
            const firstOpen = result.checklist.find((c) => c.state === 'to_check')!;
            expect(firstOpen, label).toBeDefined();
          }
          if (result.verdict === 'not_eligible') expect(result.reasons[0]!.kind, label).toBe('blocker');
          if (role === 'partner') expect(codes(result), label).not.toContain('can_apply');
        }
  });

  it('reaches "eligible" for every fixture scheme a municipality may apply to, once its conditions are confirmed', () => {
    let reached = 0;
    for (const s of fixtureCatalogue) {
      for (const municipality of municipalities) {
        const before = evaluate({ municipality, scheme: s, role: 'lead' });
        if (before.verdict === 'not_eligible') continue;
        const after = evaluate({ municipality, scheme: s, role: 'lead', confirmations: confirmAll(s, municipality) });
        expect(after.verdict, `${s.id} ${municipality.code}`).toBe('eligible');
        expect(after.checklist.filter((c) => c.state === 'met' && c.kind !== 'register').every((c) => c.confirmation !== null)).toBe(true);
        reached++;
      }
      if (s.applicants.leadTypes.includes('municipality')) {
        expect(
          municipalities.some((m) => evaluate({ municipality: m, scheme: s, role: 'lead', confirmations: confirmAll(s, m) }).verdict === 'eligible'),
          s.id,
        ).toBe(true);
      }
    }
    expect(reached).toBeGreaterThan(20);
  });

  it('says when a municipality could also lead, when no grant is given, and when a scheme has ended', () => {
    const partner = evaluate({ municipality: tydal, scheme: guidance, role: 'partner' });
    expect(codes(partner)).toEqual(['can_be_partner', 'lead_role_possible', 'no_grant']);
    expect(codes(evaluate({ municipality: tydal, scheme: rffNordland, role: 'partner' }))).not.toContain('lead_role_possible');
    const uncertain = copyOf(bygdevekst);
    uncertain.applicants.certainty = 'uncertain';
    uncertain.applicants.note = { nb: 'Usikkert.', nn: 'Usikkert.', en: 'Uncertain.' };
    expect(codes(evaluate({ municipality: utsira, scheme: uncertain, role: 'lead' }))).toContain('rules_uncertain');
    expect(evaluate({ municipality: tydal, scheme: endedPilots, role: 'lead' }).reasons).toContainEqual({
      kind: 'info',
      code: 'scheme_ended',
      params: { endedOn: null },
    });
  });
});
