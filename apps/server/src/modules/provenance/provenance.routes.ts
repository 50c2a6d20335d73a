import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '@varde/contracts';
import { SchemeId } from '@varde/contracts/catalogue-api';
import {
  FactReport,
  FactReportCreate,
  FactReportList,
  FactReportQuery,
  FactReportResolve,
  SchemeCheckCreate,
  SchemeCheckList,
} from '@varde/contracts/provenance-api';
import { factReportLimits } from '@varde/contracts/vocabulary';
import { apiError, ok } from '../../core/api-responses';
import { publicAccess, schemeOwner, signedIn } from '../../core/route-permissions';
import type { FactReportService } from './fact-report.service';
import type { SourceCheckService } from './source-check.service';

const SchemeParams = Type.Object({ schemeId: SchemeId });
const tags = ['schemes'];
const noScheme = apiError('No scheme has this id (`not_found`)');
const notOwner = 'I am not a member of the organisation that maintains the scheme, nor a platform admin (`forbidden`)';

/**
 * Provenance in Varde: checks of a scheme's facts against its sources, and reports of facts that may
 * be wrong or outdated (ADR 005, addition "Checks and reports").
 */
export async function provenanceRoutes(app: FastifyInstance, deps: { checks: SourceCheckService; reports: FactReportService }) {
  const { checks, reports } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/schemes/:schemeId/checks',
    {
      config: publicAccess,
      schema: {
        operationId: 'listSchemeChecks',
        tags,
        summary: "When each group of a scheme's facts was last checked against its sources in Varde",
        description:
          'Open to everyone, like the change history. The name of who checked (`checkedBy.name`) is given to signed-in callers only. ' +
          'The shipped catalogue files record no checks: a scheme nobody has checked in Varde has no items and `lastCheckedAt` null.',
        params: SchemeParams,
        response: { 200: ok(SchemeCheckList, 'The newest check of each fact group that has one, and the newest of all'), 404: noScheme },
      },
    },
    async (request) => checks.list(request.params.schemeId, { showNames: request.auth !== null }),
  );

  r.post(
    '/api/schemes/:schemeId/checks',
    {
      config: schemeOwner,
      schema: {
        operationId: 'recordSchemeCheck',
        tags,
        summary: 'Record that I compared fact groups of a scheme with its sources today (its owner organisation or a platform admin)',
        description:
          "Replaces each group's earlier check with one by me, now, for the scheme's current version; recorded in the owner organisation's change log. " +
          'A group the scheme does not have (`rounds` without rounds) answers 400 naming it (`groups.<index>`).',
        params: SchemeParams,
        body: SchemeCheckCreate,
        response: {
          200: ok(SchemeCheckList, "The scheme's checks after this one"),
          403: apiError(notOwner),
          404: noScheme,
        },
      },
    },
    async (request) => checks.record(request.auth!, request.params.schemeId, request.body),
  );

  r.post(
    '/api/schemes/:schemeId/reports',
    {
      config: signedIn,
      schema: {
        operationId: 'reportFact',
        tags,
        summary: 'Report a fact group or a call of a scheme as wrong or outdated',
        description:
          `\`text\` says what is wrong (at most ${factReportLimits.textMax} characters, not only spaces); \`sourceUrl\`, optional, where the right ` +
          "fact is stated (`https:` or `http:` only). `callId` names one of the scheme's calls, with `group` `calls`. The members of the organisation " +
          "that maintains the scheme and the platform admins are notified; the scheme's page says the group may be outdated until one of them " +
          `answers, without naming me. At most ${factReportLimits.openPerUser} open reports per user.`,
        params: SchemeParams,
        body: FactReportCreate,
        response: {
          201: ok(FactReport, 'Reported: the report as its owners see it'),
          404: noScheme,
          409: apiError(`I already have ${factReportLimits.openPerUser} open reports (\`conflict\`): the message names the limit`),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await reports.create(request.auth!, request.params.schemeId, request.body, request.lang)),
  );

  r.get(
    '/api/fact-reports',
    {
      config: schemeOwner,
      schema: {
        operationId: 'listFactReports',
        tags,
        summary: 'Reports of wrong facts I may answer: of the schemes my organisations maintain, or of every scheme for a platform admin',
        description: 'Open reports oldest first (the default), or with `status=closed` the answered ones, newest answer first; at most 200, with the total.',
        querystring: FactReportQuery,
        response: { 200: ok(FactReportList, 'The reports with who reported them, and the total') },
      },
    },
    async (request) => reports.list(request.auth!, request.query.status ?? 'open', request.lang),
  );

  r.post(
    '/api/fact-reports/:reportId/resolve',
    {
      config: schemeOwner,
      schema: {
        operationId: 'resolveFactReport',
        tags,
        summary: 'Answer a report: resolved (the facts are right now) or rejected (they stand, with a comment saying why)',
        description:
          "Recorded in the owner organisation's change log; the reporter is notified with the comment, and the scheme's page no longer says the group may be outdated " +
          '(unless another report of it is open). A rejection without a comment answers 400 naming `comment`.',
        params: Type.Object({ reportId: Uuid }),
        body: FactReportResolve,
        response: {
          200: ok(FactReport, 'The answered report'),
          403: apiError(notOwner),
          404: apiError('No report has this id (`not_found`)'),
          409: apiError('The report has been answered already (`conflict`)'),
        },
      },
    },
    async (request) => reports.resolve(request.auth!, request.params.reportId, request.body, request.lang),
  );
}
