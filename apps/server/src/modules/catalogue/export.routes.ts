import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Scheme } from '@varde/contracts/schemes';
import { ok } from '../../core/api-responses';
import { publicAccess } from '../../core/route-permissions';
import type { CatalogueService } from './catalogue.service';
import { callColumns, callsCsv, schemeColumns, schemesCsv } from './export';

const tags = ['open data'];
const text = (mediaType: string, description: string) => ({
  200: { description, content: { [mediaType]: { schema: Type.String() } } },
});

/** The catalogue as open data: JSON documents and CSV (docs/open-data.md). */
export async function exportRoutes(app: FastifyInstance, deps: { catalogue: CatalogueService }) {
  const { catalogue } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/export/schemes.json',
    {
      config: publicAccess,
      schema: {
        operationId: 'exportSchemesJson',
        tags,
        summary: 'The whole catalogue as JSON documents (schema: Scheme)',
        response: { 200: ok(Type.Array(Scheme), 'Every scheme document, as a file to save') },
      },
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="varde-ordninger.json"');
      return (await catalogue.catalogue()).schemes;
    },
  );

  r.get(
    '/api/export/schemes.csv',
    {
      config: publicAccess,
      schema: {
        operationId: 'exportSchemesCsv',
        tags,
        summary: 'The catalogue as CSV, one row per scheme',
        description: `Columns: ${schemeColumns.join(', ')}. Lists are separated by ";". Owner names are in the language of \`lang\`. A text cell that would start like a spreadsheet formula (= + - @, tab, CR) starts with "'". See docs/open-data.md.`,
        response: text('text/csv', 'UTF-8 CSV with a header row.'),
      },
    },
    async (request, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="varde-ordninger.csv"');
      return schemesCsv((await catalogue.catalogue()).rows, request.lang);
    },
  );

  r.get(
    '/api/export/calls.csv',
    {
      config: publicAccess,
      schema: {
        operationId: 'exportCallsCsv',
        tags,
        summary: 'Every call as CSV, with the forecast of the next call marked `predicted`',
        description:
          `Columns: ${callColumns.join(', ')}. The deadline is its Oslo day, the time only when a source states it (empty: open through that day) ` +
          `and the source stating it. Region, owner name and title are in the language of \`lang\`. A text cell that would start like a spreadsheet ` +
          `formula (= + - @, tab, CR) starts with "'". See docs/open-data.md.`,
        response: text('text/csv', 'UTF-8 CSV with a header row.'),
      },
    },
    async (request, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="varde-utlysninger.csv"');
      const rows = (await catalogue.catalogue()).schemes.map((scheme) => ({ scheme, calls: catalogue.calls(scheme) }));
      return callsCsv(rows, request.lang);
    },
  );
}
