import { useEffect, useSyncExternalStore } from 'react';
import { createApi, fetchTransport } from '../../app/api-client';
import { getUnreadCount } from './api/get-unread-count';

/**
 * The unread count in the header. It is not part of the root loader (that stays one call, the
 * session): the header asks once per document after hydration for the count of stored unread
 * notifications (the server's worker looks for news; no read runs the saved searches). The
 * notifications page writes the count it already has (and its changes) straight into this store.
 * The server render and the first client render show no count, so hydration always matches.
 */
let unread: number | null = null;
let requested = false;
const listeners = new Set<() => void>();

export function setUnreadCount(count: number) {
  unread = count;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `skipFetch`: the current page loads the notifications itself and will set the count. */
export function useUnreadCount(signedIn: boolean, skipFetch: boolean): number | null {
  const count = useSyncExternalStore(
    subscribe,
    () => unread,
    () => null,
  );
  useEffect(() => {
    if (!signedIn || skipFetch || requested) return;
    requested = true;
    const api = createApi(fetchTransport);
    getUnreadCount(api)
      .then((count) => setUnreadCount(count.unread))
      // The link works without the count; a failure here is not worth an error message.
      .catch(() => {
        requested = false;
      });
  }, [signedIn, skipFetch]);
  return signedIn ? count : null;
}
