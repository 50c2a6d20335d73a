import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import { useI18n } from '../i18n/i18n';

/**
 * Actions on the rows of a list (delete a saved search, remove a member, revoke an invitation …):
 * which row's confirm step is open, what to announce after an action, and where keyboard focus goes
 * when the row or its buttons disappear. `headingId` is the list's heading (with `tabIndex={-1}`).
 */
export function useListActions(headingId: string) {
  const revalidator = useRevalidator();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // "Cancel" removes the focused button; give focus back to the button that opened the confirm step.
  const returnFocus = useRef<string | null>(null);
  useEffect(() => {
    if (confirming !== null || !returnFocus.current) return;
    document.getElementById(returnFocus.current)?.focus();
    returnFocus.current = null;
  }, [confirming]);

  /** Opens the confirm step of one row. */
  const ask = useCallback((key: string) => setConfirming(key), []);

  /** Closes the confirm step; focus goes back to the button (by id) that opened it. */
  const cancel = useCallback((startButtonId: string) => {
    returnFocus.current = startButtonId;
    setConfirming(null);
  }, []);

  /**
   * Runs a write (a mutation's `mutate`). On success the page's data is reloaded, `message` is
   * announced and focus moves to `focusId` (the list's heading when that element is gone; `null`
   * leaves focus where it is). A failure is shown by the mutation's own error state.
   */
  const run = useCallback(
    async (write: () => Promise<{ ok: boolean }>, message: string, focusId: string | null = headingId) => {
      setDone(null);
      const result = await write();
      setConfirming(null);
      if (!result.ok) return;
      await revalidator.revalidate();
      setDone(message);
      if (focusId !== null) (document.getElementById(focusId) ?? document.getElementById(headingId))?.focus();
    },
    [revalidator, headingId],
  );

  return { confirming, done, ask, cancel, run };
}

type ListActions = ReturnType<typeof useListActions>;

interface ConfirmStepProps {
  actions: ListActions;
  /** The row's key in `actions.confirming`. */
  rowKey: string;
  /** id of the button that opens the confirm step (focus returns to it on "cancel"). */
  id: string;
  label: string;
  confirmLabel: string;
  /** The row's name, read after each button's label by screen readers ("Delete (Helse 2027)"). */
  name: string;
  pending: boolean;
  onConfirm: () => void;
  /** Other buttons of the row, shown before the start button while the confirm step is closed. */
  children?: ReactNode;
}

/** A destructive action in two steps: the start button, then "confirm" (focused) and "cancel". */
export function ConfirmStep({ actions, rowKey, id, label, confirmLabel, name, pending, onConfirm, children }: ConfirmStepProps) {
  const { t } = useI18n();
  const sr = <span className="ds-sr-only"> ({name})</span>;
  if (actions.confirming === rowKey) {
    return (
      <>
        <Button key="confirm" data-size="sm" data-color="danger" autoFocus loading={pending} onClick={onConfirm}>
          {confirmLabel}
          {sr}
        </Button>
        <Button key="cancel" data-size="sm" variant="tertiary" onClick={() => actions.cancel(id)}>
          {t('common.cancel')}
        </Button>
      </>
    );
  }
  return (
    <>
      {children}
      <Button key="start" id={id} data-size="sm" variant="tertiary" data-color="danger" onClick={() => actions.ask(rowKey)}>
        {label}
        {sr}
      </Button>
    </>
  );
}

/** The live region of a list's actions: what was done, or what went wrong. */
export function ActionStatus({ done, error, alert = false }: { done: string | null; error: { message: string } | null; alert?: boolean }) {
  return (
    <div role="status">
      {done ? (
        alert ? (
          <Alert data-color="success">
            <Paragraph>{done}</Paragraph>
          </Alert>
        ) : (
          <Paragraph>{done}</Paragraph>
        )
      ) : null}
      {error ? (
        <Alert data-color="danger">
          <Paragraph>{error.message}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
