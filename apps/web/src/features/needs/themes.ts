import type { SchemeTheme } from '@varde/contracts/schemes';

/** A copy of the contract's theme list (importing it would bring the schema library into the chunk). */
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
