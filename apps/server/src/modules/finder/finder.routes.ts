import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SchemeId } from '@varde/contracts/catalogue-api';
import { EligibilityAnswer, EligibilityQuery, MunicipalityChoice, SchemeDetail, SchemeList, SchemeListQuery } from '@varde/contracts/finder-api';
import { apiError, ok } from '../../core/api-responses';
import { viewerOf } from '../../core/auth-context';
import { publicAccess } from '../../core/route-permissions';
import type { FinderService } from './finder.service';

const SchemeParams = Type.Object({ schemeId: SchemeId });
const tags = ['schemes'];
const noScheme = apiError('No scheme has this id, or no municipality has the number in `municipality` (`not_found`)');

/** The finder, a scheme's page and eligibility: public. */
export async function finderRoutes(app: FastifyInstance, deps: { finder: FinderService }) {
  const { finder } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/schemes',
    {
      config: publicAccess,
      schema: {
        operationId: 'listSchemes',
        tags,
        summary: 'Find schemes: filtered, ranked by fit for a municipality, each with an explained verdict',
        description:
          'With `municipality` (or, for a signed-in member of a municipality, their own unless `municipality=none`), every result carries the eligibility verdict for ' +
          'the best role the municipality can take and the reasons, translated into the request language. Schemes the municipality marked ' +
          '"not relevant" are left out and counted. Repeat `theme` for several themes.',
        querystring: SchemeListQuery,
        response: {
          200: ok(SchemeList, 'One page of the matching schemes (`limit`, `offset`), the total, and the municipality the verdicts are for'),
          404: apiError('No municipality has the number in `municipality` (`not_found`)'),
        },
      },
    },
    async (request) => finder.list(request.query, viewerOf(request)),
  );

  r.get(
    '/api/schemes/:schemeId',
    {
      config: publicAccess,
      schema: {
        operationId: 'getScheme',
        tags,
        summary: 'One scheme with every fact and source, its calls (with the forecast of the next) and, for a municipality, both verdicts',
        params: SchemeParams,
        querystring: Type.Object({ municipality: Type.Optional(MunicipalityChoice) }),
        response: { 200: ok(SchemeDetail, 'The scheme document, its version and calls, and for a municipality its verdicts'), 404: noScheme },
      },
    },
    async (request) => finder.detail(request.params.schemeId, request.query.municipality, viewerOf(request)),
  );

  r.get(
    '/api/schemes/:schemeId/eligibility',
    {
      config: publicAccess,
      schema: {
        operationId: 'getEligibility',
        tags,
        summary: 'Can this municipality take part, in this role, with these partners — and why (not)?',
        description:
          'Without `role`, the answer is for the best role (lead if possible, otherwise partner). `partners` lists the planned partner ' +
          'types (repeat the parameter), which settles conditions such as a required R&D partner.',
        params: SchemeParams,
        querystring: EligibilityQuery,
        response: { 200: ok(EligibilityAnswer, 'The verdict with its reasons, in the request language'), 404: noScheme },
      },
    },
    async (request) => finder.eligibility(request.params.schemeId, request.query, request.lang),
  );
}
