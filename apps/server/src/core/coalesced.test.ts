import { describe, expect, it, vi } from 'vitest';
import { coalesced } from './coalesced';

/** A query whose answers the test releases one by one; `started` counts the queries run. */
function controlledQuery() {
  const pending: ((value: number) => void)[] = [];
  let started = 0;
  const query = () => {
    started += 1;
    return new Promise<number>((resolve) => pending.push(resolve));
  };
  return { query, started: () => started, answer: async (value: number) => pending.shift()!(value) };
}

describe('coalesced', () => {
  it('gives every caller the answer of a query that started after it called, one query at a time', async () => {
    const { query, started, answer } = controlledQuery();
    const stamp = coalesced(query);
    const first = stamp();
    const second = stamp();
    const third = stamp();
    expect(started()).toBe(1);
    await answer(1);
    expect(await first).toBe(1);
    // The two that called while the first query ran share the next one, which began after both.
    await vi.waitFor(() => expect(started()).toBe(2));
    await answer(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // Nothing running: a new call starts its own query.
    const fourth = stamp();
    expect(started()).toBe(3);
    await answer(3);
    expect(await fourth).toBe(3);
  });

  it('passes a failure to the callers of that query only', async () => {
    let calls = 0;
    const stamp = coalesced(async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return calls;
    });
    const failing = stamp();
    const next = stamp();
    await expect(failing).rejects.toThrow('down');
    expect(await next).toBe(2);
  });
});
