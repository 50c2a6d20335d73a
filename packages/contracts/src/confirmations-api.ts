/**
 * Confirmations: a member states that their municipality meets a condition it can fulfil (a partner,
 * collaboration, political anchoring, own funding, a membership). Private to the municipality, like
 * the pipeline. A confirmation made for a call expires with that call's deadline, otherwise after 12
 * months; verdicts name the confirmation they rest on.
 */
import { Type, type Static } from 'typebox';
import { SchemeId } from './catalogue-api';
import { Nullable } from './typebox-helpers';

export const ConditionId = Type.String({ pattern: '^[a-z0-9_:-]+$', maxLength: 120 });

export const Confirmation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  /** Null for a membership condition (confirmed once for every scheme asking for it). */
  schemeId: Nullable(SchemeId),
  /** A scheme's condition id, or `membership:<key>` for a membership. */
  conditionId: ConditionId,
  callId: Nullable(Type.String()),
  confirmedAt: Type.String({ format: 'date-time' }),
  confirmedBy: Nullable(Type.Object({ name: Type.String() })),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type Confirmation = Static<typeof Confirmation>;

export const ConfirmationList = Type.Object({ items: Type.Array(Confirmation) });
export type ConfirmationList = Static<typeof ConfirmationList>;

export const ConfirmationCreate = Type.Object({
  schemeId: Nullable(SchemeId),
  conditionId: ConditionId,
  /** The call the confirmation is made for (its deadline ends it); left out: valid 12 months. */
  callId: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
});
export type ConfirmationCreate = Static<typeof ConfirmationCreate>;
