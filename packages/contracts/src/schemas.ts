/** Request and response schemas shared by the server (validation, OpenAPI) and the web app (types). */
import { Type, type Static } from 'typebox';
import { ErrorCode, FieldErrorCode } from './errors';
import { literalUnion, Nullable } from './typebox-helpers';
import { languageForms, languages, limits, membershipRoles, municipalitySorts, neighbourKinds, organisationTypes, populationBands } from './vocabulary';

export { Nullable } from './typebox-helpers';
export {
  municipalitySorts,
  neighbourKinds,
  populationBands,
  type MunicipalitySort,
  type NeighbourKind,
  type PopulationBand,
} from './vocabulary';

export const LanguageSchema = literalUnion(languages);
export const OrganisationTypeSchema = literalUnion(organisationTypes);
export const MembershipRoleSchema = literalUnion(membershipRoles);

export const MunicipalityCode = Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunenummer, 4 digits' });
export const CountyCode = Type.String({ pattern: '^[0-9]{2}$', description: 'Fylkesnummer, 2 digits' });
export const Uuid = Type.String({ format: 'uuid' });

export const NameForm = Type.Object({
  name: Type.String(),
  lang: Type.String({ description: 'nor, sme (North Sami), sma (South Sami), smj (Lule Sami), fkv (Kven)' }),
});

export const NeighbourKindSchema = literalUnion(neighbourKinds);

export const MunicipalitySummary = Type.Object({
  code: MunicipalityCode,
  name: Type.String({ description: 'Official name with all language forms' }),
  nameNorwegian: Type.String(),
  countyCode: CountyCode,
  countyName: Type.String(),
  population: Type.Integer(),
  populationDate: Type.String({ format: 'date' }),
  areaKm2: Type.Number(),
  centralityClass: Type.Integer({ minimum: 1, maximum: 6 }),
  centralityIndex: Type.Integer({ minimum: 0, maximum: 1000 }),
  languageForm: literalUnion(languageForms),
});
export type MunicipalitySummary = Static<typeof MunicipalitySummary>;

export const MunicipalityDetail = Type.Object({
  ...MunicipalitySummary.properties,
  nameForms: Type.Array(NameForm),
  ssbLabel: Type.String(),
  populationHistory: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), population: Type.Integer() })),
  adminCentre: Type.String(),
  website: Nullable(Type.String()),
  neighbours: Type.Array(Type.Object({ code: MunicipalityCode, name: Type.String(), kind: NeighbourKindSchema })),
  organisationId: Nullable(Uuid),
});
export type MunicipalityDetail = Static<typeof MunicipalityDetail>;

export const MunicipalityListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: limits.searchMax, description: 'Name or number' })),
  county: Type.Optional(CountyCode),
  centrality: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
  population: Type.Optional(literalUnion(populationBands)),
  sort: Type.Optional(literalUnion(municipalitySorts)),
});
export type MunicipalityListQuery = Static<typeof MunicipalityListQuery>;

export const MunicipalityList = Type.Object({
  total: Type.Integer({ description: 'All municipalities before filtering' }),
  items: Type.Array(MunicipalitySummary),
});
export type MunicipalityList = Static<typeof MunicipalityList>;

export const County = Type.Object({
  code: CountyCode,
  name: Type.String(),
  nameNorwegian: Type.String(),
  municipalityCount: Type.Integer(),
  population: Type.Integer(),
  samiAdministrativeArea: Type.Boolean(),
});
export type County = Static<typeof County>;

export const Organisation = Type.Object({
  id: Uuid,
  type: OrganisationTypeSchema,
  name: Type.String(),
  municipalityCode: Nullable(MunicipalityCode),
  countyCode: Nullable(CountyCode),
  memberCount: Type.Integer(),
});
export type Organisation = Static<typeof Organisation>;

export const CreateOrganisationBody = Type.Object({
  type: OrganisationTypeSchema,
  name: Type.String({ minLength: 2, maxLength: limits.organisationNameMax }),
  countyCode: Type.Optional(Nullable(CountyCode)),
});
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;

export const Email = Type.String({ format: 'email', maxLength: limits.emailMax });
export const Password = Type.String({ minLength: limits.passwordMin, maxLength: limits.passwordMax });

export const Membership = Type.Object({
  organisationId: Uuid,
  organisationName: Type.String(),
  organisationType: OrganisationTypeSchema,
  municipalityCode: Nullable(MunicipalityCode),
  countyCode: Nullable(CountyCode),
  /** The municipality's målform (for municipality organisations), used to pick nynorsk by default. */
  languageForm: Nullable(literalUnion(languageForms)),
  role: MembershipRoleSchema,
});
export type Membership = Static<typeof Membership>;

export const CurrentUser = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  language: Nullable(LanguageSchema),
  isPlatformAdmin: Type.Boolean(),
  memberships: Type.Array(Membership),
});
export type CurrentUser = Static<typeof CurrentUser>;

export const Session = Type.Object({
  user: Nullable(CurrentUser),
  csrfToken: Nullable(Type.String()),
});
export type Session = Static<typeof Session>;

export const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: limits.passwordMax }) });
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: limits.passwordMax }),
  newPassword: Password,
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const PreferencesBody = Type.Object({ language: LanguageSchema });
export type PreferencesBody = Static<typeof PreferencesBody>;

export const Member = Type.Object({
  userId: Uuid,
  name: Type.String(),
  email: Type.String(),
  role: MembershipRoleSchema,
  joinedAt: Type.String({ format: 'date-time' }),
});
export type Member = Static<typeof Member>;

export const Invitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: MembershipRoleSchema,
  invitedBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type Invitation = Static<typeof Invitation>;

export const CreateInvitationBody = Type.Object({
  email: Email,
  role: MembershipRoleSchema,
  /** The language of the invitation e-mail; left out, the organisation's målform (nynorsk municipalities get nynorsk), else bokmål. */
  language: Type.Optional(LanguageSchema),
});
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

export const CreatedInvitation = Type.Object({
  ...Invitation.properties,
  /** `email`: the link went by e-mail to the invitee only; `link`: no mail server is set up, so the link is given here to pass on. */
  delivery: literalUnion(['email', 'link'] as const),
  /** With `delivery: link`, the link to send to the invitee (shown once: only a hash of the token is stored); otherwise null. */
  acceptUrl: Nullable(Type.String()),
});
export type CreatedInvitation = Static<typeof CreatedInvitation>;

export const InvitationPreview = Type.Object({
  email: Type.String(),
  organisationName: Type.String(),
  role: MembershipRoleSchema,
  accountExists: Type.Boolean(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type InvitationPreview = Static<typeof InvitationPreview>;

export const AcceptInvitationBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: limits.nameMax })),
  password: Password,
});
export type AcceptInvitationBody = Static<typeof AcceptInvitationBody>;

export const UpdateMemberBody = Type.Object({ role: MembershipRoleSchema });
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  organisationId: Nullable(Uuid),
  targetType: Type.String(),
  targetId: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const UserSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  isPlatformAdmin: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  memberships: Type.Array(Membership),
});
export type UserSummary = Static<typeof UserSummary>;

/**
 * The body of every error the API answers (`ApiErrorBody`): `code` is one of `ErrorCode`, and with
 * `validation` the fields list each field's problem as one of `FieldErrorCode`. The server documents it
 * once, as the OpenAPI component `ApiError`. The enums are typed as strings with a list of values, so
 * the response serializer writes them as the plain strings they are.
 */
export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.Unsafe<ErrorCode>({
      type: 'string',
      enum: Object.values(ErrorCode),
      description:
        'What went wrong, for programs to act on: validation (400), bad_request (400; 408 when the request was too slow), ' +
        'unauthenticated and invalid_credentials (401), forbidden and csrf (403), not_found (404), conflict (409), ' +
        'invitation_invalid and link_invalid (410), payload_too_large (413), uri_too_long (414), unsupported_media_type (415), ' +
        'rate_limited (429), header_too_large (431), internal (500).',
    }),
    message: Type.String({ description: "For people: in the request's language (`lang`)." }),
    fields: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'Dotted path of the field, e.g. `email` or `scheme.sources.0.url`; `body` for the whole body.' }),
          code: Type.Unsafe<FieldErrorCode>({ type: 'string', enum: Object.values(FieldErrorCode), description: 'Why the field failed.' }),
          message: Type.String({ description: "The problem in the request's language." }),
          limit: Type.Optional(Type.Number({ description: 'The limit that applies (length, minimum, depth), when there is one.' })),
        }),
        { description: 'With `validation`: each field that failed, in the order of the input.' },
      ),
    ),
  }),
});
