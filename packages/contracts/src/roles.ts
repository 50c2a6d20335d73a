/** Organisation types, membership roles, languages and input limits; they live in `vocabulary.ts`. */
export {
  defaultLanguage,
  isLanguage,
  languages,
  limits,
  membershipRoles,
  organisationTypes,
  regionalOrganisationTypes,
  type Language,
  type MembershipRole,
  type OrganisationType,
} from './vocabulary';
