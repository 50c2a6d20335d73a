import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '@varde/contracts';
import { SchemeId } from '@varde/contracts/catalogue-api';
import { EligibilityAnswer, EligibilityQuery, MunicipalityChoice, SchemeDetail, SchemeList, SchemeListQuery } from '@varde/contracts/finder-api';
import { viewerOf } from '../../core/auth-context';
import { publicAccess } from '../../core/route-permissions';
import type { FinderService } from './finder.service';

const SchemeParams = Type.Object({ schemeId: SchemeId });
const tags = ['schemes'];

/** The finder, a scheme's page and eligibility: public. */
export async function finderRoutes(app: FastifyInstance, deps: { finder: FinderService }) {
  const { finder } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/schemes',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Find schemes: filtered, ranked by fit for a municipality, each with an explained verdict',
        description:
          'With `municipality` (or, for a signed-in member of a municipality, their own unless `municipality=none`), every result carries the eligibility verdict for ' +
          'the best role the municipality can take and the reasons, translated into the request language. Schemes the municipality marked ' +
          '"not relevant" are left out and counted. Repeat `theme` for several themes.',
        querystring: SchemeListQuery,
        response: { 200: SchemeList, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => finder.list(request.query, viewerOf(request)),
  );

  r.get(
    '/api/schemes/:schemeId',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'One scheme with every fact and source, its calls (with the forecast of the next) and, for a municipality, both verdicts',
        params: SchemeParams,
        querystring: Type.Object({ municipality: Type.Optional(MunicipalityChoice) }),
        response: { 200: SchemeDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => finder.detail(request.params.schemeId, request.query.municipality, viewerOf(request)),
  );

  r.get(
    '/api/schemes/:schemeId/eligibility',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Can this municipality take part, in this role, with these partners — and why (not)?',
        description:
          'Without `role`, the answer is for the best role (lead if possible, otherwise partner). `partners` lists the planned partner ' +
          'types (repeat the parameter), which settles conditions such as a required R&D partner.',
        params: SchemeParams,
        querystring: EligibilityQuery,
        response: { 200: EligibilityAnswer, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => finder.eligibility(request.params.schemeId, request.query, request.lang),
  );
}
