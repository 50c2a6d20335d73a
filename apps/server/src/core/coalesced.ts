/**
 * One query at a time for many callers, never a stale answer: a call while no query runs starts one;
 * calls made while one runs share the next, which starts when that one ends. So every caller gets the
 * result of a query that started after it called (as if it had asked alone), and under load a
 * query many requests ask for costs one per round trip instead of one per request.
 */
export function coalesced<T>(query: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const current = query();
    running = current;
    const done = () => {
      if (running === current) running = null;
    };
    current.then(done, done);
    return current;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}
