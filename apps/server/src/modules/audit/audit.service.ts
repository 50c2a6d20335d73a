import type { AuditEntry } from '@varde/contracts';
import type { Tx } from '../../core/transaction';
import type { AuditRecord, AuditRepository } from './audit.repository';

/**
 * The append-only change log of accounts, organisations and roles. Other modules record their
 * changes here inside their own transaction (pass `tx`), so a change and its audit row commit together.
 */
export function createAuditService(repo: AuditRepository) {
  return {
    /** Appends one entry; with `tx`, as part of that transaction. */
    record(entry: AuditRecord, tx?: Tx): Promise<void> {
      return repo.insert(entry, tx);
    },

    /** The newest entries first, of one organisation or of all. */
    list(filter: { organisationId?: string; limit: number }): Promise<AuditEntry[]> {
      return repo.list(filter);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
