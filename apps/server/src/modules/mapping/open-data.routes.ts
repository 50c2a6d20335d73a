import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { translate } from '@varde/contracts';
import { MappingQuery, OpenDataCatalogue, OpenDataDocument, type OpenDataField } from '@varde/contracts/mapping-api';
import { type MappingTable, mappingTables, openDataLicence } from '@varde/contracts/mapping-vocabulary';
import { apiError, ok } from '../../core/api-responses';
import { notFound } from '../../core/app-error';
import { viewerOf, type Viewer } from '../../core/auth-context';
import { publicAccess } from '../../core/route-permissions';
import type { MappingService } from './mapping.service';
import { analyticsRows, gapRowsOut, openCallRows, recordFields, type Row, tableFields, toCsv } from './open-data';

const tags = ['open data'];
const text = (description: string) => ({ 200: { description, content: { 'text/csv': { schema: Type.String() } } } });
const licence = { ...openDataLicence };
const filtersText = 'Takes the filters of `/api/mapping` (`from`, `to`, `class`, `band`, `county`, `example`).';

/** Participation records and the mapping's tables as open data (docs/open-data.md). */
export async function openDataRoutes(app: FastifyInstance, deps: { mapping: MappingService }) {
  const { mapping } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function table(name: MappingTable, query: MappingQuery, viewer: Viewer) {
    if (name === 'gap') {
      const data = await mapping.gapTable(query, viewer);
      return { data, rows: gapRowsOut(data.items) };
    }
    if (name === 'open-calls') {
      const data = await mapping.openCalls(query, viewer);
      return { data, rows: openCallRows(data) };
    }
    const data = await mapping.analytics(query, viewer);
    return { data, rows: analyticsRows(name, data) };
  }

  const csv = (reply: FastifyReply, file: string, fields: readonly OpenDataField[], rows: readonly Row[]) => {
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="varde-${file}.csv"`);
    return toCsv(fields, rows);
  };

  r.get(
    '/api/open-data',
    {
      config: publicAccess,
      schema: {
        operationId: 'openDataCatalogue',
        tags,
        summary: 'The participation datasets: addresses, fields (type and source) and licence',
        response: { 200: ok(OpenDataCatalogue, 'Every dataset') },
      },
    },
    async () => ({
      licence,
      datasets: [
        { id: 'records', csv: '/api/open-data/records.csv', json: '/api/open-data/records.json', fields: recordFields },
        ...mappingTables.map((t) => ({ id: t, csv: `/api/open-data/tables/${t}.csv`, json: `/api/open-data/tables/${t}.json`, fields: tableFields[t] })),
      ],
    }),
  );

  r.get(
    '/api/open-data/records.csv',
    {
      config: publicAccess,
      schema: {
        operationId: 'openDataRecordsCsv',
        tags,
        summary: 'Participation records as CSV, each with its source address',
        description: `Columns: ${recordFields.map((f) => f.name).join(', ')}. ${filtersText} Compiled fields: CC BY 4.0; quotes from the sources stay in the app.`,
        querystring: MappingQuery,
        response: text('UTF-8 CSV with a header row'),
      },
    },
    async (request, reply) => csv(reply, 'deltakelse', recordFields, (await mapping.exportRecords(request.query, viewerOf(request))).rows),
  );

  r.get(
    '/api/open-data/records.json',
    {
      config: publicAccess,
      schema: {
        operationId: 'openDataRecordsJson',
        tags,
        summary: 'Participation records as JSON, with the licence and what they cover',
        description: filtersText,
        querystring: MappingQuery,
        response: { 200: ok(OpenDataDocument, 'The records') },
      },
    },
    async (request, reply) => {
      const data = await mapping.exportRecords(request.query, viewerOf(request));
      reply.header('content-disposition', 'attachment; filename="varde-deltakelse.json"');
      return {
        licence,
        attribution: translate(request.lang, 'mapping.openData.attribution'),
        filters: data.filters,
        coverage: data.coverage,
        fields: recordFields,
        rows: data.rows,
      };
    },
  );

  const TableParams = Type.Object({
    file: Type.String({ maxLength: 40, description: 'The table and format, e.g. `schemes.csv`' }),
  });

  r.get(
    '/api/open-data/tables/:file',
    {
      config: publicAccess,
      schema: {
        operationId: 'openDataTable',
        tags,
        summary: 'One aggregated table of the mapping as CSV or JSON',
        description: `Tables: ${mappingTables.join(', ')}; \`.csv\` or \`.json\`. ${filtersText}`,
        params: TableParams,
        querystring: MappingQuery,
        response: {
          200: {
            description: 'The table',
            content: { 'text/csv': { schema: Type.String() }, 'application/json': { schema: OpenDataDocument } },
          },
          404: apiError('No table has this name, or the format is neither `.csv` nor `.json`'),
        },
      },
    },
    async (request, reply) => {
      const match = new RegExp(`^(${mappingTables.join('|')})\\.(csv|json)$`).exec(request.params.file);
      if (!match) throw notFound();
      const [, name, format] = match as unknown as [string, MappingTable, 'csv' | 'json'];
      const { data, rows } = await table(name, request.query, viewerOf(request));
      if (format === 'csv') return csv(reply, `kartlegging-${name}`, tableFields[name], rows);
      reply.header('content-disposition', `attachment; filename="varde-kartlegging-${name}.json"`);
      return {
        licence,
        attribution: translate(request.lang, 'mapping.openData.attribution'),
        filters: data.filters,
        coverage: data.coverage,
        fields: tableFields[name],
        rows,
      };
    },
  );
}
