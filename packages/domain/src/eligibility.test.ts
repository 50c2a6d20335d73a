import { describe, expect, it } from 'vitest';
import type { ApplicantRules } from '@varde/contracts/schemes';
import { bestEligibility, evaluateEligibility, type MunicipalityProfile } from './eligibility';

// Register profiles from data/reference/municipalities.json (SSB 2026).
const tydal: MunicipalityProfile = { code: '5033', countyCode: '50', population: 773, centralityClass: 6 };
const vaeroy: MunicipalityProfile = { code: '1857', countyCode: '18', population: 656, centralityClass: 6 };
const bodo: MunicipalityProfile = { code: '1804', countyCode: '18', population: 53638, centralityClass: 3 };
const os: MunicipalityProfile = { code: '3430', countyCode: '34', population: 1871, centralityClass: 6 };
const kongsvinger: MunicipalityProfile = { code: '3401', countyCode: '34', population: 18191, centralityClass: 3 };

const base: ApplicantRules = {
  leadTypes: ['municipality'],
  partnerTypes: ['municipality', 'business', 'ngo'],
  minMunicipalities: 1,
  requiredPartnerTypes: [],
  counties: null,
  centralityClasses: null,
  maxPopulation: null,
  minPopulation: null,
  politicalAnchoringRequired: false,
  collaboration: 'neutral',
  conditions: [],
  sourceIds: ['s'],
  certainty: 'verified',
};
const rules = (over: Partial<ApplicantRules>): ApplicantRules => ({ ...base, ...over });
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

// Digdir's co-funding scheme: only state agencies apply; municipalities join as partners.
const digdirCoFunding = rules({ leadTypes: ['state_agency'], partnerTypes: ['municipality', 'county_authority', 'ks'] });
// Forskningsrådet's innovation project for the public sector: an approved R&D organisation must take part.
const ipo = rules({
  leadTypes: ['municipality', 'county_authority', 'state_agency'],
  partnerTypes: ['municipality', 'rd_organisation', 'business', 'ngo'],
  requiredPartnerTypes: ['rd_organisation'],
  collaboration: 'rewarded',
});
// Regional research fund Nordland: applicants based in Nordland.
const rffNordland = rules({
  leadTypes: ['municipality', 'county_authority', 'state_agency'],
  partnerTypes: ['rd_organisation'],
  counties: ['18'],
  requiredPartnerTypes: ['rd_organisation'],
});
// Innlandet's local development grant: centrality 4–6 in Innlandet, cooperation ranked higher.
const innlandet = rules({ counties: ['34'], centralityClasses: [4, 5, 6], collaboration: 'rewarded' });
// Klimasats: politically anchored; the support must trigger the measure.
const klimasats = rules({
  politicalAnchoringRequired: true,
  conditions: [{ nb: 'Støtten må utløse tiltaket.', nn: 'Støtta må utløyse tiltaket.', en: 'The grant must trigger the measure.' }],
});

describe('evaluateEligibility', () => {
  it("shows a municipality as partner-only in Digdir's co-funding scheme", () => {
    const lead = evaluateEligibility({ municipality: tydal, rules: digdirCoFunding, role: 'lead' });
    expect(lead.verdict).toBe('not_eligible');
    expect(lead.reasons).toContainEqual({ kind: 'blocker', code: 'partner_only', leadTypes: ['state_agency'] });
    const partner = evaluateEligibility({ municipality: tydal, rules: digdirCoFunding, role: 'partner' });
    expect(partner.verdict).toBe('eligible');
    expect(bestEligibility({ municipality: tydal, rules: digdirCoFunding }).role).toBe('partner');
  });

  it("shows the R&D-partner condition for Forskningsrådet's innovation project until one is planned", () => {
    const alone = evaluateEligibility({ municipality: tydal, rules: ipo, role: 'lead' });
    expect(alone.verdict).toBe('eligible_with_conditions');
    expect(alone.reasons).toContainEqual({ kind: 'condition', code: 'needs_partner_type', partnerType: 'rd_organisation' });
    const withRd = evaluateEligibility({ municipality: tydal, rules: ipo, role: 'lead', partners: [{ type: 'rd_organisation' }] });
    expect(withRd.reasons).toContainEqual({ kind: 'info', code: 'has_partner_type', partnerType: 'rd_organisation' });
    expect(withRd.verdict).toBe('eligible');
  });

  it('does not offer a county-bound regional scheme to municipalities in another county', () => {
    expect(evaluateEligibility({ municipality: tydal, rules: rffNordland, role: 'lead', partners: [{ type: 'rd_organisation' }] })).toMatchObject({
      verdict: 'not_eligible',
      reasons: expect.arrayContaining([{ kind: 'blocker', code: 'county_excluded', counties: ['18'] }]),
    });
    expect(bestEligibility({ municipality: tydal, rules: rffNordland, partners: [{ type: 'rd_organisation' }] }).verdict).toBe('not_eligible');
    expect(evaluateEligibility({ municipality: vaeroy, rules: rffNordland, role: 'lead', partners: [{ type: 'rd_organisation' }] }).verdict).toBe('eligible');
  });

  it('checks centrality limits and rewards cooperation', () => {
    const central = evaluateEligibility({ municipality: kongsvinger, rules: innlandet, role: 'lead' });
    expect(central.reasons).toContainEqual({ kind: 'blocker', code: 'centrality_excluded', classes: [4, 5, 6], actual: 3 });
    const small = evaluateEligibility({ municipality: os, rules: innlandet, role: 'lead' });
    expect(small.verdict).toBe('eligible');
    expect(small.reasons).toContainEqual({ kind: 'advantage', code: 'collaboration_rewarded', partnering: false });
    const together = evaluateEligibility({ municipality: os, rules: innlandet, role: 'lead', partners: [{ type: 'municipality', municipality: tydal }] });
    expect(together.reasons).toContainEqual({ kind: 'advantage', code: 'collaboration_rewarded', partnering: true });
  });

  it('keeps municipalities outside the county out in either role, and lets central ones be partners', () => {
    const outside = evaluateEligibility({ municipality: tydal, rules: innlandet, role: 'partner' });
    expect(outside.verdict).toBe('not_eligible');
    expect(outside.reasons).toContainEqual({ kind: 'blocker', code: 'county_excluded', counties: ['34'] });
    const central = evaluateEligibility({ municipality: kongsvinger, rules: innlandet, role: 'partner' });
    expect(central.verdict).toBe('eligible');
    expect(bestEligibility({ municipality: kongsvinger, rules: innlandet }).role).toBe('partner');
  });

  it('checks population limits both ways', () => {
    expect(codes(evaluateEligibility({ municipality: bodo, rules: rules({ maxPopulation: 20000 }), role: 'lead' }))).toContain('population_above');
    expect(codes(evaluateEligibility({ municipality: tydal, rules: rules({ minPopulation: 1000 }), role: 'lead' }))).toContain('population_below');
    expect(evaluateEligibility({ municipality: tydal, rules: rules({ maxPopulation: 773 }), role: 'lead' }).verdict).toBe('eligible');
  });

  it('counts municipalities toward a minimum and asks for the missing ones', () => {
    const r = rules({ minMunicipalities: 3, collaboration: 'required' });
    expect(evaluateEligibility({ municipality: tydal, rules: r, role: 'lead' }).reasons).toContainEqual({
      kind: 'condition',
      code: 'needs_more_municipalities',
      min: 3,
      missing: 2,
    });
    const three = evaluateEligibility({
      municipality: tydal,
      rules: r,
      role: 'lead',
      partners: [{ type: 'municipality' }, { type: 'municipality' }, { type: 'business' }],
    });
    expect(three.verdict).toBe('eligible');
    expect(three.reasons).toContainEqual({ kind: 'info', code: 'enough_municipalities', min: 3, count: 3 });
  });

  it('asks for collaboration when required without a set minimum', () => {
    const r = rules({ collaboration: 'required' });
    expect(codes(evaluateEligibility({ municipality: tydal, rules: r, role: 'lead' }))).toContain('collaboration_required');
    expect(evaluateEligibility({ municipality: tydal, rules: r, role: 'lead', partners: [{ type: 'municipality' }] }).verdict).toBe('eligible');
  });

  it('lists political anchoring and the scheme’s own conditions', () => {
    const result = evaluateEligibility({ municipality: tydal, rules: klimasats, role: 'lead' });
    expect(result.verdict).toBe('eligible_with_conditions');
    expect(codes(result)).toEqual(['political_anchoring_required', 'scheme_condition']);
  });

  it('refuses schemes that municipalities cannot take part in at all', () => {
    const r = rules({ leadTypes: ['business'], partnerTypes: ['rd_organisation'] });
    expect(evaluateEligibility({ municipality: tydal, rules: r, role: 'partner' }).reasons).toEqual([
      { kind: 'blocker', code: 'municipalities_cannot_take_part' },
    ]);
    expect(bestEligibility({ municipality: tydal, rules: r }).verdict).toBe('not_eligible');
  });

  it('says when a municipality could also lead, when no grant is given and when rules are uncertain', () => {
    const r = rules({ certainty: 'uncertain' });
    const result = evaluateEligibility({ municipality: tydal, rules: r, role: 'partner', isGrant: false });
    expect(codes(result)).toEqual(['lead_role_possible', 'no_grant', 'rules_uncertain']);
    expect(result.verdict).toBe('eligible');
  });
});
