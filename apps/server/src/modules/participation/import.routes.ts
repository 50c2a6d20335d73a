import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorCode, Uuid } from '@varde/contracts';
import {
  CommitResult,
  ImportDetail,
  ImportDetailQuery,
  ImportList,
  MappingBody,
  RowFixBody,
  UndoBody,
  UndoPreview,
  UndoResult,
  UploadQuery,
} from '@varde/contracts/participation-api';
import { participationLimits as L } from '@varde/contracts/participation-vocabulary';
import { apiError, noContent, ok } from '../../core/api-responses';
import { AppError } from '../../core/app-error';
import { regionalAdviser } from '../../core/route-permissions';
import type { ImportService } from './import.service';

const tags = ['participation imports'];
const ImportParams = Type.Object({ importId: Uuid });
const notFound = apiError('No import with this id that the caller started (`not_found`)');
const notDraft = apiError('The import is committed or undone already (`conflict`)');

/** What an upload may be sent as: the file's bytes as they are. */
const fileTypes = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
];

/** Imports of participation records from CSV or XLSX files: regional advisers (their counties) and platform administrators. */
export async function importRoutes(app: FastifyInstance, deps: { imports: ImportService }) {
  const { imports } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/participation-imports',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'listParticipationImports',
        tags,
        summary: 'The caller’s imports (every import for platform administrators), newest first',
        response: { 200: ok(ImportList, 'The imports, and the row cap on this server') },
      },
    },
    async (request) => imports.list(request.auth!),
  );

  // The file is the body as it is (not JSON), read only by this route.
  await app.register(async (scope) => {
    scope.addContentTypeParser(fileTypes, { parseAs: 'buffer', bodyLimit: L.importFileBytes }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/participation-imports',
      {
        config: regionalAdviser,
        bodyLimit: L.importFileBytes,
        schema: {
          operationId: 'uploadParticipationImport',
          tags,
          summary: 'Upload a CSV or XLSX file: it is read and kept as a draft import',
          description:
            `The body is the file itself (\`Content-Type: text/csv\`, \`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\` or \`application/octet-stream\`), at most ${L.importFileBytes / 1_048_576} MiB; ` +
            '`name` is its file name. CSV in UTF-8 (with or without BOM), UTF-16 or Windows-1252, separated by semicolons, commas or tabs. ' +
            'The answer has the columns read, a suggested mapping and, when the mapping is complete, the dry run. ' +
            'A file with more rows than the server allows (`ImportList.maxRows`) is refused with 400 on `file`.',
          querystring: UploadQuery,
          response: {
            201: ok(ImportDetail, 'The draft import'),
            413: apiError('The file is larger than the limit (`payload_too_large`)'),
            415: apiError('The body is JSON or another format than a file (`unsupported_media_type`)'),
          },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError(ErrorCode.unsupportedMediaType);
        return reply.code(201).send(await imports.upload(request.auth!, { name: request.query.name, bytes: request.body }, request.lang));
      },
    );
  });

  r.get(
    '/api/participation-imports/:importId',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'getParticipationImport',
        tags,
        summary: 'An import: its columns, mapping and dry run (every invalid row with its reasons, 50 a page)',
        params: ImportParams,
        querystring: ImportDetailQuery,
        response: { 200: ok(ImportDetail, 'The import'), 404: notFound },
      },
    },
    async (request) => imports.detail(request.auth!, request.params.importId, request.lang, request.query.page),
  );

  r.delete(
    '/api/participation-imports/:importId',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'discardParticipationImport',
        tags,
        summary: 'Discard a draft import',
        params: ImportParams,
        response: { 204: noContent('Discarded'), 404: notFound, 409: notDraft },
      },
    },
    async (request, reply) => {
      await imports.discard(request.auth!, request.params.importId);
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/participation-imports/:importId/mapping',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'mapParticipationImport',
        tags,
        summary: 'Choose which column holds which field; answers with the dry run',
        description: 'Municipality, scheme, role, status and the year (or the decision date) are required (400 on `mapping.<field>`).',
        params: ImportParams,
        body: MappingBody,
        response: { 200: ok(ImportDetail, 'The import with its dry run'), 404: notFound, 409: notDraft },
      },
    },
    async (request) => imports.setMapping(request.auth!, request.params.importId, request.body.mapping, request.lang),
  );

  r.put(
    '/api/participation-imports/:importId/rows/:row',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'fixParticipationImportRow',
        tags,
        summary: 'Fix a row’s values (they replace the file’s), or leave the row out; answers with the dry run',
        params: Type.Object({ importId: Uuid, row: Type.Integer({ minimum: 1, maximum: 10_000_000 }) }),
        body: RowFixBody,
        response: { 200: ok(ImportDetail, 'The import with its dry run'), 404: notFound, 409: notDraft },
      },
    },
    async (request) => imports.fixRow(request.auth!, request.params.importId, request.params.row, request.body, request.lang),
  );

  r.post(
    '/api/participation-imports/:importId/commit',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'commitParticipationImport',
        tags,
        summary: 'Save every row as a record, in one transaction: all or nothing',
        description: 'Refused (409) while any row is invalid, or when another import stored one of the records first; then nothing is saved.',
        params: ImportParams,
        response: { 200: ok(CommitResult, 'How many records were saved'), 404: notFound, 409: apiError('Invalid rows, or committed already (`conflict`)') },
      },
    },
    async (request) => imports.commit(request.auth!, request.params.importId),
  );

  r.get(
    '/api/participation-imports/:importId/undo',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'previewParticipationImportUndo',
        tags,
        summary: 'What undoing the import would remove: the unchanged records, and the changed ones to keep or remove',
        params: ImportParams,
        response: { 200: ok(UndoPreview, 'The import’s records by whether they changed'), 404: notFound, 409: apiError('Not committed (`conflict`)') },
      },
    },
    async (request) => imports.undoPreview(request.auth!, request.params.importId, request.lang),
  );

  r.post(
    '/api/participation-imports/:importId/undo',
    {
      config: regionalAdviser,
      schema: {
        operationId: 'undoParticipationImport',
        tags,
        summary: 'Undo the import: its unchanged records are removed, and the changed ones listed in `remove`',
        description: 'A changed record is removed only at the revision given; one changed again since is kept.',
        params: ImportParams,
        body: UndoBody,
        response: {
          200: ok(UndoResult, 'How many records were removed and kept'),
          404: notFound,
          409: apiError('Not committed, or undone already (`conflict`)'),
        },
      },
    },
    async (request) => imports.undo(request.auth!, request.params.importId, request.body),
  );
}
