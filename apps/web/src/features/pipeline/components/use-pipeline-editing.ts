import { useCallback, useEffect, useState } from 'react';
import { useRevalidator } from 'react-router';
import { useI18n } from '../../../i18n/i18n';
import { statusLabel } from '../statuses';
import type { Member } from '@varde/contracts';
import type { PipelineItem } from '@varde/contracts/pipeline-api';

export const itemHeadingId = (itemId: string) => `pipeline-item-${itemId}`;
export const editButtonId = (itemId: string) => `pipeline-edit-button-${itemId}`;

/** What the board and the table pass to each item: the hook's state and actions, and who can be assigned. */
export type EditOutcome = { kind: 'saved'; item: PipelineItem } | { kind: 'removed'; item: PipelineItem };

export interface EditingProps {
  organisationId: string;
  members: Member[];
  editing: string | null;
  open: (itemId: string) => void;
  cancel: (itemId: string) => void;
  done: (outcome: EditOutcome) => void;
}

/**
 * Which item's edit form is open, what to announce after a change, and where focus goes: after a
 * save the item may have moved to another column, so focus follows it to its new place; after a
 * removal it goes to the board's heading.
 */
export function usePipelineEditing(fallbackFocusId: string) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId || revalidator.state !== 'idle') return;
    const target = document.getElementById(focusId) ?? document.getElementById(fallbackFocusId);
    // An item marked "not relevant" lands in the folded list: unfold it so focus can follow.
    const folded = target?.closest('details');
    if (folded && !folded.open) folded.open = true;
    target?.focus();
    setFocusId(null);
  }, [focusId, revalidator.state, fallbackFocusId]);

  const open = useCallback((itemId: string) => {
    setAnnouncement(null);
    setEditing(itemId);
  }, []);

  const cancel = useCallback((itemId: string) => {
    setEditing(null);
    setFocusId(editButtonId(itemId));
  }, []);

  const done = useCallback(
    async (outcome: EditOutcome) => {
      const { item } = outcome;
      await revalidator.revalidate();
      setEditing(null);
      const name = item.callTitle ? `${item.schemeName} (${item.callTitle})` : item.schemeName;
      if (outcome.kind === 'saved') {
        setAnnouncement(t('pipeline.savedItem', { name, status: statusLabel(t, item.status) }));
        setFocusId(itemHeadingId(item.id));
      } else {
        setAnnouncement(t('pipeline.removedItem', { name }));
        setFocusId(fallbackFocusId);
      }
    },
    [revalidator, t, fallbackFocusId],
  );

  return { editing, announcement, open, cancel, done };
}
