/**
 * The scheme catalogue (ordninger): facts about national and regional innovation schemes, with the
 * applicant rules as data so the eligibility engine can explain each verdict.
 */
import { Type, type Static } from 'typebox';
import { literalUnion } from './typebox-helpers';
import { applicantTypes, cadences, certainties, collaborationModes, schemeThemes } from './vocabulary';

export {
  applicantTypes,
  cadences,
  callStatuses,
  certainties,
  collaborationModes,
  schemeThemes,
  type ApplicantType,
  type Cadence,
  type CallStatus,
  type Certainty,
  type CollaborationMode,
  type SchemeTheme,
} from './vocabulary';

export const LocalizedText = Type.Object({ nb: Type.String(), nn: Type.String(), en: Type.String() });
export type LocalizedText = Static<typeof LocalizedText>;

export const SchemeThemeSchema = literalUnion(schemeThemes);

export const ApplicantTypeSchema = literalUnion(applicantTypes);

export const CertaintySchema = literalUnion(certainties);

const Evidence = {
  /** Ids of entries in the scheme's `sources`. */
  sourceIds: Type.Array(Type.String(), { minItems: 1 }),
  certainty: CertaintySchema,
  /** What is uncertain or varies by year/region, in plain words. */
  note: Type.Optional(LocalizedText),
};

export const SchemeSource = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  url: Type.String({ format: 'uri' }),
  title: Type.String(),
  /** When the page was last read for this catalogue. */
  checkedAt: Type.String({ format: 'date' }),
});
export type SchemeSource = Static<typeof SchemeSource>;

export const ApplicantRules = Type.Object({
  /** Who may apply and own the project. */
  leadTypes: Type.Array(ApplicantTypeSchema),
  /** Who may take part as a partner (not own the application). */
  partnerTypes: Type.Array(ApplicantTypeSchema),
  /** Minimum number of municipalities in one application, the lead included (1 = may apply alone). */
  minMunicipalities: Type.Integer({ minimum: 1 }),
  /** Partner types at least one of which must take part for each entry, e.g. ['rd_organisation']. */
  requiredPartnerTypes: Type.Array(ApplicantTypeSchema),
  /** Only applicants in these counties (2-digit codes); null = the whole country. */
  counties: Type.Union([Type.Array(Type.String({ pattern: '^[0-9]{2}$' })), Type.Null()]),
  /** Only municipalities in these centrality classes (1–6); null = any. */
  centralityClasses: Type.Union([Type.Array(Type.Integer({ minimum: 1, maximum: 6 })), Type.Null()]),
  maxPopulation: Type.Union([Type.Integer(), Type.Null()]),
  minPopulation: Type.Union([Type.Integer(), Type.Null()]),
  politicalAnchoringRequired: Type.Boolean(),
  collaboration: literalUnion(collaborationModes),
  /** Conditions the engine cannot check from data (membership, own effort …), shown with the verdict. */
  conditions: Type.Array(LocalizedText),
  ...Evidence,
});
export type ApplicantRules = Static<typeof ApplicantRules>;

export const Funding = Type.Object({
  /** False for guidance programmes and prizes that give no project grant. */
  isGrant: Type.Boolean(),
  minGrantNok: Type.Union([Type.Integer(), Type.Null()]),
  maxGrantNok: Type.Union([Type.Integer(), Type.Null()]),
  /** Largest share of approved costs the grant may cover (0–1). */
  maxGrantShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  /** Smallest own funding share required (0–1). */
  minOwnShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  description: LocalizedText,
  ...Evidence,
});
export type Funding = Static<typeof Funding>;

export const Criterion = Type.Object({
  name: LocalizedText,
  description: LocalizedText,
  /** E.g. "1–7"; null when not published. */
  scale: Type.Union([Type.String(), Type.Null()]),
  /** Relative weight when published. */
  weight: Type.Union([Type.Number(), Type.Null()]),
});

export const SchemeCall = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  title: LocalizedText,
  /** ISO date-time with offset (Europe/Oslo), null when not published. */
  opensAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  deadline: Type.String({ format: 'date-time' }),
  budgetNok: Type.Union([Type.Integer(), Type.Null()]),
  /** Calls limited to some counties (e.g. one Statsforvalter's round); null = national. */
  counties: Type.Union([Type.Array(Type.String({ pattern: '^[0-9]{2}$' })), Type.Null()]),
  sourceIds: Type.Array(Type.String(), { minItems: 1 }),
});
export type SchemeCall = Static<typeof SchemeCall>;

export const Scheme = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  name: LocalizedText,
  summary: LocalizedText,
  purpose: LocalizedText,
  owner: Type.Object({ name: Type.String(), url: Type.Union([Type.String({ format: 'uri' }), Type.Null()]) }),
  themes: Type.Array(SchemeThemeSchema, { minItems: 1 }),
  applicants: ApplicantRules,
  funding: Funding,
  criteria: Type.Object({ items: Type.Array(Criterion), ...Evidence }),
  requiredParts: Type.Object({ items: Type.Array(LocalizedText), ...Evidence }),
  reporting: Type.Object({ items: Type.Array(LocalizedText), ...Evidence }),
  cadence: Type.Object({ kind: literalUnion(cadences), ...Evidence }),
  /** Past and announced calls with their real dates. Forecasts are computed, never stored. */
  calls: Type.Array(SchemeCall),
  url: Type.String({ format: 'uri' }),
  sources: Type.Array(SchemeSource, { minItems: 1 }),
});
export type Scheme = Static<typeof Scheme>;
