import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MunicipalityCode, Uuid } from '@varde/contracts';
import {
  Adoption,
  AdoptionBody,
  ContactConsentBody,
  CreateSolutionBody,
  MunicipalitySolutions,
  PublishBody,
  ReportBody,
  ResolveReportBody,
  SolutionCreated,
  SolutionDraft,
  SolutionDraftBody,
  SolutionExport,
  SolutionExportQuery,
  SolutionList,
  SolutionListQuery,
  SolutionReportList,
  SolutionReportQuery,
  SolutionSpread,
  SolutionVersion,
  SolutionVersionParams,
  SolutionView,
  VisibilityBody,
  WithdrawBody,
  solutionCsvColumns,
} from '@varde/contracts/solutions-api';
import { apiError, noContent, ok } from '../../core/api-responses';
import { signedInViewerOf, viewerOf } from '../../core/auth-context';
import { organisationPrivate, platformAdmin, publicAccess, signedIn } from '../../core/route-permissions';
import type { SolutionService } from './solution.service';

const tags = ['solutions'];
const Params = Type.Object({ id: Uuid });
const notFound = apiError('No solution with this id that the caller may see (`not_found`)');
const text = (mediaType: string, description: string) => ({ 200: { description, content: { [mediaType]: { schema: Type.String() } } } });

/** The solution library: public pages and lists, drafting and publishing by owners, adoption, reports and hiding, open data. */
export async function solutionRoutes(app: FastifyInstance, deps: { solutions: SolutionService }) {
  const { solutions } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/solutions',
    {
      config: publicAccess,
      schema: {
        operationId: 'listSolutions',
        tags,
        summary: 'Published and withdrawn solutions, 50 a page',
        description:
          'Filter by theme, maturity and county (an owner or a current adopter there). Example solutions appear only when the server shows example data (`exampleDataOn`), marked `isExample`; `example=exclude` leaves them out.',
        querystring: SolutionListQuery,
        response: { 200: ok(SolutionList, 'One page of solutions, with the total') },
      },
    },
    async (request) => solutions.list(request.query, viewerOf(request)),
  );

  r.post(
    '/api/solutions',
    {
      config: signedIn,
      schema: {
        operationId: 'createSolution',
        tags,
        summary: 'Start a draft for one of the caller’s organisations (it becomes the first owner)',
        description: 'Nothing is public until an owner organisation’s administrator publishes it. At most 20 new solutions per person a day (429).',
        body: CreateSolutionBody,
        response: { 201: ok(SolutionCreated, 'The new draft') },
      },
    },
    async (request, reply) => reply.code(201).send(await solutions.create(request.auth!, request.body)),
  );

  r.get(
    '/api/solutions/export.json',
    {
      config: publicAccess,
      schema: {
        operationId: 'exportSolutionsJson',
        tags: ['open data'],
        summary: 'Published and withdrawn solutions as JSON (fields inspired by publiccode.yml, with `usedBy`)',
        description: '`fields` documents every field. Hidden solutions are left out. See docs/open-data.md.',
        querystring: SolutionExportQuery,
        response: { 200: ok(SolutionExport, 'Every published solution') },
      },
    },
    async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="varde-losninger.json"');
      return solutions.exportRecords(request.query.example);
    },
  );

  r.get(
    '/api/solutions/export.csv',
    {
      config: publicAccess,
      schema: {
        operationId: 'exportSolutionsCsv',
        tags: ['open data'],
        summary: 'Published and withdrawn solutions as CSV, one row each',
        description: `Columns: ${solutionCsvColumns.join(', ')}. Lists are separated by "; ". A text cell that would start like a spreadsheet formula starts with "'".`,
        querystring: SolutionExportQuery,
        response: text('text/csv', 'UTF-8 CSV with a header row.'),
      },
    },
    async (request, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="varde-losninger.csv"');
      return solutions.exportCsv(request.query.example);
    },
  );

  r.get(
    '/api/solutions/:id',
    {
      config: publicAccess,
      schema: {
        operationId: 'getSolution',
        tags,
        summary: 'A solution: its newest published version, owners, contact, documents, adopters, figures and versions',
        description: 'A draft never published is visible to its owners’ members only; a hidden one to them and platform administrators.',
        params: Params,
        response: { 200: ok(SolutionView, 'The solution'), 404: notFound },
      },
    },
    async (request) => solutions.view(request.params.id, viewerOf(request)),
  );

  r.get(
    '/api/solutions/:id/draft',
    {
      config: signedIn,
      schema: {
        operationId: 'getSolutionDraft',
        tags,
        summary: 'The draft (owners’ members)',
        params: Params,
        response: { 200: ok(SolutionDraft, 'The draft and who may be the contact'), 404: notFound },
      },
    },
    async (request) => solutions.draft(request.params.id, request.auth!),
  );

  r.put(
    '/api/solutions/:id/draft',
    {
      config: signedIn,
      schema: {
        operationId: 'saveSolutionDraft',
        tags,
        summary: 'Save the draft (owners’ members); 409 when someone saved it since `revision`',
        params: Params,
        body: SolutionDraftBody,
        response: { 200: ok(SolutionDraft, 'The saved draft'), 404: notFound, 409: apiError('Changed by someone else (`conflict`)') },
      },
    },
    async (request) => solutions.saveDraft(request.params.id, request.auth!, request.body),
  );

  r.delete(
    '/api/solutions/:id/draft',
    {
      config: signedIn,
      schema: {
        operationId: 'discardSolutionDraft',
        tags,
        summary: 'Discard the unpublished changes (owners’ members)',
        params: Params,
        response: { 204: noContent('The draft is the published version again'), 404: notFound, 409: apiError('Never published (`conflict`)') },
      },
    },
    async (request, reply) => {
      await solutions.discardDraft(request.params.id, request.auth!);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/solutions/:id/publish',
    {
      config: signedIn,
      schema: {
        operationId: 'publishSolution',
        tags,
        summary: 'Publish the draft as the next version (an owner organisation’s administrator); every owner’s administrators get an e-mail',
        params: Params,
        body: PublishBody,
        response: {
          200: ok(SolutionView, 'The published solution'),
          404: notFound,
          409: apiError('Changed since `revision`, or nothing to publish (`conflict`)'),
        },
      },
    },
    async (request) => solutions.publish(request.params.id, request.auth!, request.body),
  );

  r.post(
    '/api/solutions/:id/withdraw',
    {
      config: signedIn,
      schema: {
        operationId: 'withdrawSolutionOwner',
        tags,
        summary: 'Withdraw an owner organisation’s name (its administrator); the last owner withdraws the solution, whose page stays',
        params: Params,
        body: WithdrawBody,
        response: { 200: ok(SolutionView, 'The solution after the withdrawal'), 404: notFound, 409: apiError('Not an owner (any more) (`conflict`)') },
      },
    },
    async (request) => solutions.withdraw(request.params.id, request.auth!, request.body.organisationId, request.lang),
  );

  r.put(
    '/api/solutions/:id/contact-consent',
    {
      config: signedIn,
      schema: {
        operationId: 'setSolutionContactConsent',
        tags,
        summary: 'The contact person shows or hides their name and role publicly',
        params: Params,
        body: ContactConsentBody,
        response: { 200: ok(SolutionView, 'The solution'), 404: notFound },
      },
    },
    async (request) => solutions.setConsent(request.params.id, request.auth!, request.body, request.lang),
  );

  r.get(
    '/api/solutions/:id/versions/:version',
    {
      config: publicAccess,
      schema: {
        operationId: 'getSolutionVersion',
        tags,
        summary: 'A published version',
        params: SolutionVersionParams,
        response: { 200: ok(SolutionVersion, 'The version'), 404: notFound },
      },
    },
    async (request) => solutions.version(request.params.id, request.params.version, viewerOf(request)),
  );

  r.get(
    '/api/solutions/:id/spread',
    {
      config: publicAccess,
      schema: {
        operationId: 'getSolutionSpread',
        tags,
        summary: 'Owners and adopters for the map, and per year: adopters, counties reached, share in centrality classes 5–6',
        params: Params,
        response: { 200: ok(SolutionSpread, 'The spread'), 404: notFound },
      },
    },
    async (request) => solutions.spread(request.params.id, viewerOf(request)),
  );

  const AdoptionParams = Type.Object({ id: Uuid, organisationId: Uuid });
  r.put(
    '/api/solutions/:id/adoptions/:organisationId',
    {
      config: signedIn,
      schema: {
        operationId: 'recordSolutionAdoption',
        tags,
        summary: 'Record that a municipality uses, tests or stopped using the solution (a member of that municipality)',
        params: AdoptionParams,
        body: AdoptionBody,
        response: { 200: ok(Adoption, 'The adoption'), 404: notFound, 409: apiError('Not published, or the municipality owns it (`conflict`)') },
      },
    },
    async (request) => solutions.adopt(request.params.id, request.params.organisationId, request.auth!, request.body, request.lang),
  );

  r.delete(
    '/api/solutions/:id/adoptions/:organisationId',
    {
      config: signedIn,
      schema: {
        operationId: 'removeSolutionAdoption',
        tags,
        summary: 'Remove a municipality’s adoption record (a member of that municipality)',
        params: AdoptionParams,
        response: { 204: noContent('Removed'), 404: notFound },
      },
    },
    async (request, reply) => {
      await solutions.removeAdoption(request.params.id, request.params.organisationId, request.auth!);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/solutions/:id/reports',
    {
      config: signedIn,
      schema: {
        operationId: 'reportSolution',
        tags,
        summary: 'Report inappropriate content (at most 10 open reports per person, 409)',
        params: Params,
        body: ReportBody,
        response: { 204: noContent('The report is sent'), 404: notFound, 409: apiError('Too many open reports (`conflict`)') },
      },
    },
    async (request, reply) => {
      await solutions.report(request.params.id, request.auth!, request.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/solutions/:id/visibility',
    {
      config: platformAdmin,
      schema: {
        operationId: 'setSolutionVisibility',
        tags,
        summary: 'Hide or restore a solution (platform administrators, audited); hiding resolves its open reports',
        params: Params,
        body: VisibilityBody,
        response: { 200: ok(SolutionView, 'The solution'), 404: notFound },
      },
    },
    async (request) => solutions.setVisibility(request.params.id, request.auth!, request.body, request.lang),
  );

  r.get(
    '/api/solution-reports',
    {
      config: platformAdmin,
      schema: {
        operationId: 'listSolutionReports',
        tags,
        summary: 'Reports of inappropriate content, open ones (or resolved ones with `open=false`), newest first',
        querystring: SolutionReportQuery,
        response: { 200: ok(SolutionReportList, 'The reports') },
      },
    },
    async (request) => solutions.reports(request.query.open ?? true),
  );

  r.post(
    '/api/solution-reports/:reportId/resolve',
    {
      config: platformAdmin,
      schema: {
        operationId: 'resolveSolutionReport',
        tags,
        summary: 'Resolve a report: hide the solution, or dismiss the report (audited)',
        params: Type.Object({ reportId: Uuid }),
        body: ResolveReportBody,
        response: { 204: noContent('Resolved'), 404: apiError('No such report (`not_found`)'), 409: apiError('Resolved already (`conflict`)') },
      },
    },
    async (request, reply) => {
      await solutions.resolveReport(request.params.reportId, request.auth!, request.body);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/organisations/:id/solutions',
    {
      config: organisationPrivate,
      schema: {
        operationId: 'listOrganisationSolutions',
        tags,
        summary: 'The organisation’s own solutions, drafts included (its members only)',
        params: Type.Object({ id: Uuid }),
        response: { 200: ok(SolutionList, 'Its solutions, newest change first') },
      },
    },
    async (request) => solutions.listOfOrganisation(request.params.id),
  );

  r.get(
    '/api/municipalities/:code/solutions',
    {
      config: publicAccess,
      schema: {
        operationId: 'getMunicipalitySolutions',
        tags,
        summary: 'Solutions a municipality shares (owns) and uses, tests or stopped using',
        params: Type.Object({ code: MunicipalityCode }),
        response: { 200: ok(MunicipalitySolutions, 'Shared and used solutions'), 404: apiError('No municipality with this number (`not_found`)') },
      },
    },
    async (request) => solutions.ofMunicipality(request.params.code),
  );

  void signedInViewerOf;
}
