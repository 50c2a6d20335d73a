import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorCode, FieldErrorCode, translate } from '@varde/contracts';
import { SchemeId } from '@varde/contracts/catalogue-api';
import { EligibilityAnswer, EligibilityQuery, MunicipalityChoice, SchemeDetail, SchemeList, SchemeListQuery } from '@varde/contracts/finder-api';
import { applicantTypes, retiredApplicantTypes } from '@varde/contracts/vocabulary';
import { apiError, ok } from '../../core/api-responses';
import { AppError } from '../../core/app-error';
import { viewerOf } from '../../core/auth-context';
import { publicAccess } from '../../core/route-permissions';
import type { FinderService } from './finder.service';

/**
 * An applicant type of the first scheme model (`municipal_company`, `business`, `county_authority`) in
 * `partners`: answered before the schema check with the field and the types to use now, translated.
 */
async function refuseRetiredApplicantTypes(request: FastifyRequest) {
  const raw = (request.query as Record<string, unknown> | undefined)?.partners;
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  const index = values.findIndex((v) => Object.hasOwn(retiredApplicantTypes, v));
  if (index < 0) return;
  const options = applicantTypes.map((type) => `${type} (${translate(request.lang, `applicantType.${type}`)})`).join(', ');
  throw new AppError(
    ErrorCode.validation,
    'error.retired_applicant_type',
    { field: translate(request.lang, 'field.partners'), value: values[index]!, options },
    [{ path: `partners.${index}`, code: FieldErrorCode.invalidValue }],
  );
}

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
          "the best role the municipality can take, its checklist and the reasons, translated into the request language; for the member's own " +
          'municipality the verdicts rest on its unexpired confirmations too. Each result says in `rankReason` why it is placed there. Schemes the ' +
          'municipality marked "not relevant" are left out and counted; ended schemes only with `status=ended` or when `q` is in their name. ' +
          'Repeat `theme` for several themes.',
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
        summary: 'One scheme with every fact and source, its calls (with the forecast of the next) and, for a municipality, its round and both verdicts',
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
          'types (repeat the parameter), which settles conditions such as a required R&D partner. A signed-in member asking about their ' +
          "own municipality gets the verdict after the municipality's unexpired confirmations (each met condition names the one it rests " +
          'on); anyone else gets the verdict from the registers and `partners` alone. An applicant type that is no longer used ' +
          '(`municipal_company`, `business`, `county_authority`) answers 400 naming the field and listing the types to use.',
        params: SchemeParams,
        querystring: EligibilityQuery,
        response: { 200: ok(EligibilityAnswer, 'The verdict with its checklist and reasons, in the request language'), 404: noScheme },
      },
      preValidation: refuseRetiredApplicantTypes,
    },
    async (request) => finder.eligibility(request.params.schemeId, request.query, viewerOf(request)),
  );
}
