import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorCode, Uuid } from '@varde/contracts';
import { DocumentUploadQuery, SolutionDocument } from '@varde/contracts/solutions-api';
import { solutionLimits as L } from '@varde/contracts/solutions-vocabulary';
import { apiError, noContent, ok } from '../../core/api-responses';
import { AppError } from '../../core/app-error';
import { publicAccess, signedIn } from '../../core/route-permissions';
import type { DocumentService } from './document.service';

const tags = ['solutions'];
const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid });
const notFound = apiError('No such solution or document that the caller may see (`not_found`)');

/** Documents of a solution: uploaded by owners' members as the raw body, served with safe headers (ADR 013). */
export async function documentRoutes(app: FastifyInstance, deps: { documents: DocumentService }) {
  const { documents } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  // The file is the body as it is, whatever the browser calls its type: the type is read from the bytes.
  await app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: L.documentBytes }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/solutions/:id/documents',
      {
        config: signedIn,
        bodyLimit: L.documentBytes,
        schema: {
          operationId: 'uploadSolutionDocument',
          tags,
          summary: 'Upload a document (owners’ members): PDF, PNG, JPEG, WebP, Word/Excel/PowerPoint (OOXML), OpenDocument, plain text or CSV',
          description:
            `The body is the file itself, at most ${L.documentBytes / 1_048_576} MB (413); an organisation stores at most ${L.organisationDocumentBytes / 1_048_576} MB (409). ` +
            'The type is recognised from the content, never the name or `Content-Type`: another type is refused with 400 on `file` (`file_type`, the message names the accepted types). ' +
            '`name` is the file name; path separators and control characters are removed.',
          params: Type.Object({ id: Uuid }),
          querystring: DocumentUploadQuery,
          response: {
            201: ok(SolutionDocument, 'The stored document'),
            404: notFound,
            409: apiError('The organisation’s storage or the solution’s document list is full (`conflict`)'),
            413: apiError('The file is larger than the limit (`payload_too_large`)'),
            415: apiError('The body is JSON, not a file (`unsupported_media_type`)'),
          },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError(ErrorCode.unsupportedMediaType);
        return reply.code(201).send(await documents.upload(request.params.id, request.auth!, request.query, request.body));
      },
    );
  });

  r.get(
    '/api/solutions/:id/documents/:documentId',
    {
      config: publicAccess,
      schema: {
        operationId: 'downloadSolutionDocument',
        tags,
        summary: 'A document’s file: images and PDF inline, everything else as an attachment; always `nosniff`',
        params: DocumentParams,
        response: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } } }, 404: notFound },
      },
    },
    async (request, reply) => {
      const file = await documents.download(request.params.id, request.params.documentId, request.auth);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', file.disposition)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        .header('cache-control', 'private, max-age=300')
        .send(file.bytes as unknown as string);
    },
  );

  r.delete(
    '/api/solutions/:id/documents/:documentId',
    {
      config: signedIn,
      schema: {
        operationId: 'deleteSolutionDocument',
        tags,
        summary: 'Remove a document (owners’ members)',
        params: DocumentParams,
        response: { 204: noContent('Removed'), 404: notFound },
      },
    },
    async (request, reply) => {
      await documents.remove(request.params.id, request.params.documentId, request.auth!);
      return reply.code(204).send(null);
    },
  );
}
