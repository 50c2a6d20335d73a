import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '@varde/domain/eligibility';
import { realScheme, registerProfile } from './catalogue';

describe('the eligibility engine over the real catalogue', () => {
  it('gives the verdicts the notes support', () => {
    // Træna (1835): Nordland, centrality class 6, about 440 inhabitants.
    const traena = registerProfile('1835');
    expect(traena).toMatchObject({ countyCode: '18', centralityClass: 6 });
    const verdict = (id: string, role: 'lead' | 'partner' = 'lead') =>
      evaluateEligibility({ municipality: traena, rules: realScheme(id).applicants, role, isGrant: realScheme(id).funding.isGrant });

    const digdirLead = verdict('digdir-medfinansiering');
    expect(digdirLead.verdict).toBe('not_eligible');
    expect(digdirLead.reasons.map((r) => r.code)).toContain('partner_only');
    expect(verdict('digdir-medfinansiering', 'partner').verdict).not.toBe('not_eligible');

    const rff = verdict('regionale-forskningsfond-nordland');
    expect(rff.verdict).toBe('eligible_with_conditions');
    expect(rff.reasons).toContainEqual({ kind: 'condition', code: 'needs_partner_type', partnerType: 'rd_organisation' });

    expect(verdict('innlandet-lokal-samfunnsutvikling').reasons.map((r) => r.code)).toContain('county_excluded');
    expect(verdict('bygdevekstavtaler').verdict).not.toBe('not_eligible');
    expect(verdict('klimasats').reasons.map((r) => r.code)).toContain('political_anchoring_required');
  });
});
