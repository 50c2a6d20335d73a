import type { FundingSize, NoMunicipality } from '@varde/contracts/pipeline';
import type { ApplicantType, Certainty, SchemeTheme } from '@varde/contracts/schemes';

// Copies of the contract lists: importing values from the schema modules would bring the schema
// library into the page chunks. `satisfies` keeps them in step with the contract's types.

export const schemeThemes = [
  'health_care',
  'education_childhood',
  'climate_environment',
  'digitalisation',
  'community_business',
  'planning',
  'civil_protection',
  'housing',
  'culture',
  'other',
] as const satisfies readonly SchemeTheme[];

/** The `municipality` value that asks for no municipality (a member otherwise gets their own). */
export const NO_MUNICIPALITY = 'none' satisfies NoMunicipality;

export const fundingSizes = ['small', 'medium', 'large'] as const satisfies readonly FundingSize[];

export const applicantTypes = [
  'municipality',
  'county_authority',
  'state_agency',
  'regional_council',
  'municipal_company',
  'rd_organisation',
  'business',
  'ngo',
  'health_trust',
  'ks',
] as const satisfies readonly ApplicantType[];

export const certainties = ['verified', 'partial', 'uncertain'] as const satisfies readonly Certainty[];

/** Deadline windows offered in the finder, in days. */
export const deadlineWindows = [30, 90, 180, 365] as const;

export function isApplicantType(value: string): value is ApplicantType {
  return (applicantTypes as readonly string[]).includes(value);
}
