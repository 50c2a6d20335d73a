import type { PipelineStatus } from '@varde/contracts/pipeline';
import type { Translate } from '../../i18n/i18n';

/**
 * The statuses in board order. A copy of the contract's list: importing it from the contracts would
 * bring the schema library into the page's chunk.
 */
export const pipelineStatuses = ['interested', 'preparing', 'applied', 'granted', 'rejected', 'not_relevant'] as const satisfies readonly PipelineStatus[];

/** Board columns; "not relevant" is a collapsed list below them. */
export const boardStatuses = pipelineStatuses.filter((s) => s !== 'not_relevant');

export const statusLabel = (t: Translate, status: PipelineStatus) => t(`pipelineStatus.${status}`);

export function isPipelineStatus(value: unknown): value is PipelineStatus {
  return typeof value === 'string' && (pipelineStatuses as readonly string[]).includes(value);
}
