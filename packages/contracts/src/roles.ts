/** Kinds of organisation Varde knows. A municipality organisation exists for each kommune. */
export const organisationTypes = [
  'municipality',
  'county_authority',
  'state_administrator',
  'regional_council',
  'scheme_owner',
  'partner',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Organisation types whose members act as regional advisers for the organisation's county. */
export const regionalOrganisationTypes: readonly OrganisationType[] = [
  'county_authority',
  'state_administrator',
  'regional_council',
];

/** A user's role inside one organisation. */
export const membershipRoles = ['member', 'admin'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

export const languages = ['nb', 'nn', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nb';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export const limits = {
  passwordMin: 12,
  passwordMax: 200,
  nameMax: 120,
  emailMax: 254,
  organisationNameMax: 160,
  searchMax: 100,
  /** Saved finder searches per user: each one is run by the notification check. */
  savedSearchesPerUser: 20,
} as const;
