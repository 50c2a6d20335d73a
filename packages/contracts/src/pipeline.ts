/** Finder queries, the pipeline (where a municipality stands with a scheme) and alerts. */
import { Type, type Static } from 'typebox';
import { SchemeThemeSchema } from './schemes';

const literalUnion = <T extends readonly [string, ...string[]]>(values: T) => Type.Enum<[...T]>([...values] as [...T]);

export const pipelineStatuses = ['interested', 'preparing', 'applied', 'granted', 'rejected', 'not_relevant'] as const;
export type PipelineStatus = (typeof pipelineStatuses)[number];
export const PipelineStatusSchema = literalUnion(pipelineStatuses);

export const roleFilters = ['lead', 'partner'] as const;
export const fundingSizes = ['small', 'medium', 'large'] as const;
export type FundingSize = (typeof fundingSizes)[number];

/**
 * Which municipality a finder answer or scheme page is for: a municipality number, or `none` for no
 * municipality. Left out, a signed-in member of a municipality gets their own.
 */
export const NO_MUNICIPALITY = 'none';
export type NoMunicipality = typeof NO_MUNICIPALITY;
export const MunicipalityChoice = Type.String({ pattern: '^([0-9]{4}|none)$' });

/** Query of the scheme finder; also what a saved search stores. All parameters are optional. */
export const SchemeQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  /** The municipality the results are ranked and explained for (see `MunicipalityChoice`). */
  municipality: Type.Optional(MunicipalityChoice),
  theme: Type.Optional(Type.Array(SchemeThemeSchema, { maxItems: 10 })),
  /** Only schemes where the municipality can take this role. */
  role: Type.Optional(literalUnion(roleFilters)),
  openNow: Type.Optional(Type.Boolean()),
  /** Only schemes with a deadline (open or forecast) within this many days. */
  deadlineWithin: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  /** small: grants up to 500 000 kr, medium: up to 5 000 000 kr, large: above. */
  funding: Type.Optional(literalUnion(fundingSizes)),
  collaboration: Type.Optional(literalUnion(['required', 'rewarded'] as const)),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
});
export type SchemeQuery = Static<typeof SchemeQuery>;
