/** `/min-kommune`: which of the member's municipalities their home shows, and the others to switch to. */
import { Type, type Static } from 'typebox';
import { MembershipRoleSchema, MunicipalityCode, Nullable, Uuid } from './schemas';

export const HomeQuery = Type.Object({
  organisation: Type.Optional(Uuid),
});
export type HomeQuery = Static<typeof HomeQuery>;

export const HomeMunicipality = Type.Object({
  organisationId: Uuid,
  name: Type.String(),
  municipalityCode: MunicipalityCode,
  role: MembershipRoleSchema,
});
export type HomeMunicipality = Static<typeof HomeMunicipality>;

export const Home = Type.Object({
  /** The municipality shown: the one asked for, else the one chosen last, else the first by name; null for a user in no municipality. */
  organisationId: Nullable(Uuid),
  municipalities: Type.Array(HomeMunicipality, { description: 'Every municipality the user is a member of, in Norwegian alphabetical order' }),
});
export type Home = Static<typeof Home>;
