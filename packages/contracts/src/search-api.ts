/**
 * Norwegian search over published solutions (issue 17, ADR 014).
 *
 * Routes (under /api):
 *   GET /search/solutions    public: SolutionSearchQuery → SolutionSearchResult
 *
 * A query finds a solution whatever the form of its words in bokmål or nynorsk (løysing/løsning,
 * kommunane/kommunene, tenesta/tjenesten) and inside compound words (teknologi → velferdsteknologi).
 * Every query word must match; when none does together, any may. A query of one or two words with
 * fewer than three hits also matches words spelt alike (trigram similarity ≥ 0.4), named in
 * `similarWords`. Titles and snippets come as pieces, the matched words marked `hit` (text only,
 * never HTML).
 */
import { Type, type Static } from 'typebox';
import { exampleFilters } from './participation-vocabulary';
import { solutionMaturities } from './solutions-vocabulary';
import { literalUnion, Nullable } from './typebox-helpers';
import { languages, schemeThemes } from './vocabulary';

/** Order of search results. */
export const solutionSearchSorts = ['relevance', 'newest', 'adopted'] as const;
export type SolutionSearchSort = (typeof solutionSearchSorts)[number];

export const searchApiLimits = { queryMax: 200, pageSize: 20, pageMax: 50 } as const;

export const SolutionSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: searchApiLimits.queryMax, description: 'The search words (bokmål, nynorsk or English)' }),
  theme: Type.Optional(literalUnion(schemeThemes)),
  maturity: Type.Optional(literalUnion(solutionMaturities)),
  county: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'An owner, or a municipality using or testing it, in this county' })),
  centrality: Type.Optional(Type.Integer({ minimum: 1, maximum: 6, description: "An owner's centrality class (SSB, 1 most central)" })),
  adopted: Type.Optional(Type.Boolean({ description: 'Only solutions some municipality uses or tests' })),
  sort: Type.Optional(literalUnion(solutionSearchSorts)),
  example: Type.Optional(literalUnion(exampleFilters)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: searchApiLimits.pageMax })),
});
export type SolutionSearchQuery = Static<typeof SolutionSearchQuery>;

/** A piece of text; `hit`: these words match the query. */
export const TextSegment = Type.Object({ text: Type.String(), hit: Type.Boolean() });
export type TextSegment = Static<typeof TextSegment>;

export const SolutionSearchHit = Type.Object({
  id: Type.String({ format: 'uuid' }),
  language: literalUnion(languages),
  title: Type.Array(TextSegment),
  snippet: Type.Array(TextSegment, { description: 'About 30 words around the first match in the summary and texts' }),
  themes: Type.Array(literalUnion(schemeThemes)),
  maturity: Nullable(literalUnion(solutionMaturities)),
  owners: Type.Array(Type.String(), { description: 'Names of the current owners' }),
  adopters: Type.Integer({ description: 'Municipalities using or testing it now' }),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  isExample: Type.Boolean(),
});
export type SolutionSearchHit = Static<typeof SolutionSearchHit>;

export const SolutionSearchResult = Type.Object({
  items: Type.Array(SolutionSearchHit),
  total: Type.Integer({ description: 'How many match, counted up to 1,000' }),
  totalCapped: Type.Boolean({ description: 'More than `total` match (counting stopped there)' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** How the words were matched: all of them, any of them (all together found nothing), or with similar words. */
  matched: literalUnion(['all', 'any', 'similar'] as const),
  /** Words of the index spelt like a query word that found too little (typo fallback). */
  similarWords: Type.Array(Type.String()),
  includesExamples: Type.Boolean(),
  exampleDataOn: Type.Boolean(),
});
export type SolutionSearchResult = Static<typeof SolutionSearchResult>;
