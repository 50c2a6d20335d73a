/**
 * Pipeline statuses and the finder's query. The schemas live in `pipeline-api` and `finder-api`, the
 * value lists in `vocabulary`; this module re-exports them under their earlier import path.
 */
export { PipelineStatusSchema } from './pipeline-api';
export { MunicipalityChoice, SchemeQuery } from './finder-api';
export {
  fundingSizes,
  NO_MUNICIPALITY,
  pipelineStatuses,
  roleFilters,
  type FundingSize,
  type NoMunicipality,
  type PipelineStatus,
} from './vocabulary';
