import { pipelineStatuses, type PipelineStatus } from '@varde/contracts/vocabulary';
import type { Translate } from '../../i18n/i18n';

/** Board columns; "not relevant" is a collapsed list below them. */
export const boardStatuses = pipelineStatuses.filter((s) => s !== 'not_relevant');

export const statusLabel = (t: Translate, status: PipelineStatus) => t(`pipelineStatus.${status}`);
