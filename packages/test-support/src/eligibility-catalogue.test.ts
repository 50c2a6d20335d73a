import { describe, expect, it } from 'vitest';
import type { Scheme } from '@varde/contracts/schemes';
import {
  type ConfirmationFact,
  type EligibilityResult,
  evaluateEligibility,
  type MunicipalityProfile,
  type Role,
  schemeConditions,
} from '@varde/domain/eligibility';
import { roundFor, rulesFor } from '@varde/domain/rounds';
import { type MunicipalityRecord, readReferenceJson } from '@varde/db/reference-data';
import { realCatalogue, realScheme, registerProfile } from './catalogue';

// The eligibility engine over the real catalogue (data/schemes) and register profiles (data/reference).
const now = new Date('2026-11-28T12:00:00Z');
const codes = (r: EligibilityResult) => r.reasons.map((x) => x.code);
const verdict = (municipality: MunicipalityProfile, id: string, role: Role = 'lead', confirmations: ConfirmationFact[] = []) =>
  evaluateEligibility({ municipality, scheme: realScheme(id), role, confirmations, now });

/** Confirmations of every condition the scheme sets for this municipality (its round's rules where it has one). */
function confirmAll(scheme: Scheme, municipality: MunicipalityProfile): ConfirmationFact[] {
  const { applicants, funding } = rulesFor(scheme, roundFor(scheme, municipality.countyCode).round);
  return schemeConditions(applicants, funding).map((c, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    schemeId: c.membership ? null : scheme.id,
    conditionId: c.membership ?? c.id,
    callId: null,
    confirmedAt: '2026-11-01T10:00:00.000Z',
    confirmedByName: 'Test',
    expiresAt: '2027-11-01T10:00:00.000Z',
  }));
}

describe('the eligibility engine over the real catalogue', () => {
  // Træna (1835): Nordland, centrality class 6, about 440 inhabitants.
  const traena = registerProfile('1835');

  it('gives the verdicts the rules support', () => {
    expect(traena).toMatchObject({ countyCode: '18', centralityClass: 6 });
    const digdirLead = verdict(traena, 'digdir-medfinansiering');
    expect(digdirLead.verdict).toBe('not_eligible');
    expect(digdirLead.reasons[0]!.code).toBe('partner_only');
    const digdirPartner = verdict(traena, 'digdir-medfinansiering', 'partner');
    expect(digdirPartner.verdict).not.toBe('not_eligible');
    expect(codes(digdirPartner)).not.toContain('can_apply');

    const rff = verdict(traena, 'regionale-forskningsfond-nordland');
    expect(rff.verdict).toBe('eligible_with_conditions');
    expect(rff.reasons).toContainEqual({ kind: 'condition', code: 'needs_partner_type', params: { partnerType: 'rd_organisation' } });
    // Træna is in Nordland: the county is a register fact, met, never a condition to check.
    expect(rff.checklist.find((c) => c.conditionId === 'register:county')).toMatchObject({ state: 'met' });

    expect(codes(verdict(traena, 'innlandet-lokal-samfunnsutvikling'))).toContain('county_excluded');
    expect(verdict(traena, 'bygdevekstavtaler').verdict).not.toBe('not_eligible');
    expect(codes(verdict(traena, 'klimasats'))).toContain('political_anchoring_required');
  });

  it('meets the R&D-partner condition of the innovation project when the partner is planned or confirmed', () => {
    const alone = verdict(traena, 'forskningsradet-ipo');
    expect(alone.checklist.find((c) => c.conditionId === 'partner:rd_organisation')!.state).toBe('to_check');
    const withPartner = evaluateEligibility({
      municipality: traena,
      scheme: realScheme('forskningsradet-ipo'),
      role: 'lead',
      partners: [{ type: 'rd_organisation' }],
      now,
    });
    expect(withPartner.checklist.find((c) => c.conditionId === 'partner:rd_organisation')!.state).toBe('met');
    const confirmed = verdict(traena, 'forskningsradet-ipo', 'lead', confirmAll(realScheme('forskningsradet-ipo'), traena));
    expect(confirmed.verdict).toBe('eligible');
  });

  it("uses the municipality's round of prosjektskjønn, and says when none is known for its county", () => {
    const scheme = realScheme('prosjektskjonn');
    const vestland = scheme.rounds.find((r) => r.counties.includes('46'));
    expect(vestland).toBeDefined();
    expect(verdict(registerProfile('4629'), 'prosjektskjonn')).toMatchObject({ roundId: vestland!.id, roundUnknown: false });
    const withoutRound = registerProfile('1151'); // Utsira, Rogaland
    expect(scheme.rounds.some((r) => r.counties.includes(withoutRound.countyCode))).toBe(false);
    const unknown = verdict(withoutRound, 'prosjektskjonn');
    expect(unknown).toMatchObject({ roundId: null, roundUnknown: true });
    expect(unknown.verdict).not.toBe('not_eligible');
    expect(codes(unknown)).toContain('round_unknown');
  });

  it('explains every verdict and never leaves a register fact open', () => {
    const sample = ['1835', '1151', '5001', '4629', '5033', '0301', '3430', '5616'].map(registerProfile);
    for (const scheme of realCatalogue())
      for (const municipality of sample)
        for (const role of ['lead', 'partner'] as const) {
          const result = evaluateEligibility({ municipality, scheme, role, now });
          const label = `${scheme.id} ${municipality.code} ${role}`;
          expect(result.reasons.length, label).toBeGreaterThan(0);
          expect(
            result.checklist.filter((c) => c.kind === 'register' && c.state === 'to_check'),
            label,
          ).toEqual([]);
          if (result.verdict === 'eligible') expect(result.reasons[0]!.code, label).toBe(role === 'lead' ? 'can_apply' : 'can_be_partner');
          if (result.verdict === 'not_eligible') expect(result.reasons[0]!.kind, label).toBe('blocker');
          if (result.verdict === 'eligible_with_conditions') expect(result.reasons[0]!.kind, label).toBe('condition');
        }
  });

  it('reaches "eligible" for every scheme that admits municipalities as lead, for some municipality, once its conditions are confirmed', () => {
    const municipalities = readReferenceJson<MunicipalityRecord[]>('municipalities.json').map((m) => registerProfile(m.code));
    for (const scheme of realCatalogue()) {
      const rules = [scheme.applicants, ...scheme.rounds.flatMap((r) => (r.applicants ? [r.applicants] : []))];
      if (!rules.some((r) => r.leadTypes.includes('municipality'))) continue;
      const reached = municipalities.some(
        (municipality) =>
          evaluateEligibility({ municipality, scheme, role: 'lead', confirmations: confirmAll(scheme, municipality), now }).verdict === 'eligible',
      );
      expect(reached, scheme.id).toBe(true);
    }
  });
});
