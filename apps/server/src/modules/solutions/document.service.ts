/**
 * Documents of a solution, stored in the database (ADR 013): at most 10 MB each and 200 MB per
 * organisation (counted under a lock per organisation, so concurrent uploads cannot pass it
 * together), the type recognised from the content (magic bytes, `file-type`; plain text and CSV by
 * being valid UTF-8 without control characters), the name made safe (path separators stripped).
 */
import { fileTypeFromBuffer } from 'file-type';
import { ErrorCode, FieldErrorCode } from '@varde/contracts';
import type { DocumentUploadQuery, SolutionDocument } from '@varde/contracts/solutions-api';
import { documentMimeTypes, inlineDocumentTypes, safeFileName, solutionLimits as L, type DocumentMimeType } from '@varde/contracts/solutions-vocabulary';
import { AppError, fieldErrors, forbidden, notFound } from '../../core/app-error';
import type { AuthContext } from '../../core/auth-context';
import type { Clock } from '../../core/clock';
import type { RunInTransaction } from '../../core/transaction';
import type { AuditService } from '../audit/audit.service';
import { documentView } from './solution-view';
import type { SolutionRepository } from './solution.repository';
import { currentOwners, type SolutionService } from './solution.service';

/** The type of a file from its bytes, or null when it is not one Varde takes. */
export async function detectDocumentType(bytes: Buffer, fileName: string): Promise<DocumentMimeType | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return (documentMimeTypes as readonly string[]).includes(found.mime) ? (found.mime as DocumentMimeType) : null;
  // No signature: text, if it is UTF-8 without control characters (other than tab and line ends).
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (bytes.length === 0 || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return null;
  return /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain';
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string) {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function createDocumentService(deps: {
  transaction: RunInTransaction;
  repo: SolutionRepository;
  solutions: SolutionService;
  audit: AuditService;
  now: Clock;
}) {
  const { transaction, repo, solutions, audit, now } = deps;

  async function ownerOrganisations(id: string, auth: AuthContext) {
    const { row, owners } = await solutions.load(id, auth);
    const ids = new Set(currentOwners(owners).map((o) => o.organisationId));
    return { row, mine: auth.memberships.filter((m) => ids.has(m.organisationId)).map((m) => m.organisationId) };
  }

  return {
    async upload(id: string, auth: AuthContext, query: DocumentUploadQuery, bytes: Buffer): Promise<SolutionDocument> {
      const { mine } = await ownerOrganisations(id, auth);
      if (mine.length === 0) throw forbidden();
      const organisationId = query.organisationId ?? mine[0]!;
      if (!mine.includes(organisationId)) throw fieldErrors({ path: 'organisationId', code: FieldErrorCode.invalidValue });
      if (bytes.length > L.documentBytes) throw new AppError(ErrorCode.payloadTooLarge);
      const fileName = safeFileName(query.name);
      const mimeType = await detectDocumentType(bytes, fileName);
      if (!mimeType) throw fieldErrors({ path: 'file', code: FieldErrorCode.fileType });
      return transaction(async (tx) => {
        // One upload at a time per organisation: the sum is read and the row written under the lock.
        await repo.lockStorage(organisationId, tx);
        if ((await repo.storageUsed(organisationId, tx)) + bytes.length > L.organisationDocumentBytes) {
          throw new AppError(ErrorCode.conflict, 'error.solution_storage_full', { limit: L.organisationDocumentBytes / 1024 / 1024 });
        }
        if ((await repo.countDocuments(id, tx)) >= L.documentsPerSolution) {
          throw new AppError(ErrorCode.conflict, 'error.solution_documents_full', { limit: L.documentsPerSolution });
        }
        const meta = await repo.insertDocument(
          {
            solutionId: id,
            organisationId,
            fileName,
            title: query.title?.trim() || null,
            mimeType,
            bytes: bytes.length,
            content: bytes,
            uploadedBy: auth.user.id,
            uploadedAt: now(),
          },
          tx,
        );
        await repo.update(id, { updatedAt: now() }, tx);
        await audit.record(
          {
            actorUserId: auth.user.id,
            action: 'solution.document_added',
            organisationId,
            targetType: 'solution',
            targetId: id,
            detail: { documentId: meta.id, bytes: bytes.length },
          },
          tx,
        );
        return documentView(meta);
      });
    },

    /** The file, for anyone who may see the solution (drafts' documents for owners' members only). */
    async download(id: string, documentId: string, auth: AuthContext | null) {
      const { row, owners } = await solutions.load(id, auth);
      if (row.status === 'draft' && !auth?.memberships.some((m) => currentOwners(owners).some((o) => o.organisationId === m.organisationId))) throw notFound();
      const document = await repo.document(id, documentId);
      if (!document) throw notFound();
      const inline = inlineDocumentTypes.includes(document.mimeType as DocumentMimeType);
      return {
        bytes: document.content,
        mimeType: document.mimeType.startsWith('text/') ? `${document.mimeType}; charset=utf-8` : document.mimeType,
        disposition: contentDisposition(inline ? 'inline' : 'attachment', document.fileName),
      };
    },

    async remove(id: string, documentId: string, auth: AuthContext) {
      const { mine } = await ownerOrganisations(id, auth);
      if (mine.length === 0) throw forbidden();
      await transaction(async (tx) => {
        if (!(await repo.deleteDocument(id, documentId, tx))) throw notFound();
        await repo.update(id, { updatedAt: now() }, tx);
        await audit.record(
          { actorUserId: auth.user.id, action: 'solution.document_removed', targetType: 'solution', targetId: id, detail: { documentId } },
          tx,
        );
      });
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
