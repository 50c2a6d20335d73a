import { useCallback, useEffect, useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { CheckItem, ConfirmationRef } from '@varde/contracts/finder-api';
import { formatOsloDay } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n';
import { useConfirmCondition, useUndoConfirmation } from '../api/confirmations';

/** An element id for a condition's button (condition ids hold `:`, kept out of ids). */
const buttonId = (action: 'confirm' | 'undo', conditionId: string) => `${action}-${conditionId.replace(/[^a-z0-9_-]/gi, '-')}`;

/**
 * The last day a confirmation counts, on an Oslo calendar. It expires at an instant: a call's
 * deadline, which for a deadline without a stated time is the next midnight, so the day is the one
 * just before that instant ("gjelder til 15. februar", not "16. februar kl. 00:00").
 */
function lastDay(expiresAt: string, lang: Parameters<typeof formatOsloDay>[1]): string {
  return formatOsloDay(new Date(Date.parse(expiresAt) - 1).toISOString(), lang);
}

/**
 * Confirming and undoing the municipality's conditions on a scheme page: the call a confirmation is
 * made for ('' = valid 12 months), the condition being written, and one message to announce. After a
 * write the page's data is loaded again (the verdict then rests on the confirmation), and focus moves
 * to the button that replaced the one pressed.
 */
export function useConfirmations({
  schemeId,
  organisationId,
  municipalityName,
  headingId,
}: {
  schemeId: string;
  organisationId: string | null;
  municipalityName: string;
  headingId: string;
}) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const confirm = useConfirmCondition();
  const undo = useUndoConfirmation();
  const [callId, setCallId] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The button pressed is gone once the new answer renders: focus its replacement then (else the heading).
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId === null || revalidator.state !== 'idle') return;
    (document.getElementById(focusId) ?? document.getElementById(headingId))?.focus();
    setFocusId(null);
  }, [focusId, revalidator.state, headingId]);

  const run = useCallback(
    async (conditionId: string, write: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, done: string, focusId: string) => {
      setPending(conditionId);
      setMessage(null);
      const result = await write();
      if (result.ok) await revalidator.revalidate();
      setPending(null);
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.message });
      if (result.ok) setFocusId(focusId);
    },
    [revalidator],
  );

  const confirmItem = useCallback(
    (item: CheckItem) => {
      if (!organisationId) return;
      // A membership (DigiFin …) is confirmed once for the municipality, for every scheme asking for it.
      const body = item.membership
        ? { schemeId: null, conditionId: `membership:${item.membership}` }
        : { schemeId, conditionId: item.conditionId, ...(callId ? { callId } : {}) };
      void run(
        item.conditionId,
        () => confirm.mutate({ organisationId, ...body }),
        t('checklist.confirmedStatus', { label: item.label, municipality: municipalityName }),
        buttonId('undo', item.conditionId),
      );
    },
    [organisationId, schemeId, callId, run, confirm, t, municipalityName],
  );

  const undoItem = useCallback(
    (item: CheckItem, confirmation: ConfirmationRef) => {
      if (!organisationId) return;
      void run(
        item.conditionId,
        () => undo.mutate({ organisationId, confirmationId: confirmation.id }),
        t('checklist.undoneStatus', { label: item.label }),
        buttonId('confirm', item.conditionId),
      );
    },
    [organisationId, run, undo, t],
  );

  return { callId, setCallId, pending, message, confirmItem, undoItem };
}

export type ConfirmationState = ReturnType<typeof useConfirmations>;

/** "Vi har dette" beside an open condition; the condition is read after the label by screen readers. */
export function ConfirmButton({ item, state }: { item: CheckItem; state: ConfirmationState }) {
  const { t } = useI18n();
  return (
    <div className="check__actions">
      <Button
        id={buttonId('confirm', item.conditionId)}
        type="button"
        variant="secondary"
        data-size="sm"
        loading={state.pending === item.conditionId}
        onClick={() => state.confirmItem(item)}
      >
        {t('checklist.confirm')}
        <span className="ds-sr-only"> ({item.label})</span>
      </Button>
    </div>
  );
}

/**
 * Who confirmed a condition, when, and until when it counts; with "Angre" where the member may act
 * (`state`), once per condition on the page.
 */
export function ConfirmationLine({ item, confirmation, state }: { item: CheckItem; confirmation: ConfirmationRef; state: ConfirmationState | null }) {
  const { t, lang } = useI18n();
  const date = formatOsloDay(confirmation.confirmedAt, lang);
  const expires = lastDay(confirmation.expiresAt, lang);
  return (
    <div className="check__confirmation">
      <p>
        {confirmation.confirmedBy
          ? t('checklist.confirmedBy', { name: confirmation.confirmedBy.name, date, expires })
          : t('checklist.confirmedByGone', { date, expires })}
      </p>
      {state ? (
        <Button
          id={buttonId('undo', item.conditionId)}
          type="button"
          variant="tertiary"
          data-size="sm"
          loading={state.pending === item.conditionId}
          onClick={() => state.undoItem(item, confirmation)}
        >
          {t('checklist.undo')}
          <span className="ds-sr-only"> ({item.label})</span>
        </Button>
      ) : null}
    </div>
  );
}
