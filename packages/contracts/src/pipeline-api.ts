/** The pipeline: where a municipality stands with a scheme or one of its calls. */
import { Type, type Static } from 'typebox';
import { SchemeId } from './catalogue-api';
import { Deadline } from './schemes';
import { literalUnion, Nullable } from './typebox-helpers';
import { callStatuses, pipelineStatuses } from './vocabulary';

export const PipelineStatusSchema = literalUnion(pipelineStatuses);

export const PipelineItem = Type.Object({
  id: Type.String(),
  schemeId: SchemeId,
  schemeName: Type.String(),
  /** Empty for the scheme as a whole. */
  callId: Type.String(),
  callTitle: Nullable(Type.String()),
  /** The call's deadline instant (ISO; the end of that Oslo day when no time is stated), for sorting. */
  deadline: Nullable(Type.String()),
  /** The call's deadline as the sources state it: the day, and the time only when stated ("time not stated" otherwise). */
  callDeadline: Nullable(Deadline),
  /**
   * The call's status now (`forecast`: not open yet, announced or predicted); null for the scheme as a
   * whole or a call the catalogue no longer has.
   */
  callStatus: Nullable(literalUnion(callStatuses)),
  /** True for a call predicted from the scheme's past cadence, not announced by its owner. */
  callPredicted: Type.Boolean(),
  status: PipelineStatusSchema,
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  notes: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Nullable(Type.Object({ name: Type.String() })),
});
export type PipelineItem = Static<typeof PipelineItem>;
export const PipelineList = Type.Object({ items: Type.Array(PipelineItem) });
export type PipelineList = Static<typeof PipelineList>;

export const PipelineUpsert = Type.Object({
  schemeId: SchemeId,
  callId: Type.Optional(Type.String({ maxLength: 80 })),
  status: PipelineStatusSchema,
  assigneeUserId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  notes: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type PipelineUpsert = Static<typeof PipelineUpsert>;
