/**
 * Database transactions for services. A service that must make several writes atomic (a change and
 * its audit row, a check and the insert it guards) runs them through `RunInTransaction` and hands
 * the transaction `Tx` to each repository call; SQL itself stays in the repositories.
 */
import type { AppDb, DbOrTx } from '@varde/db';

/** An open transaction (or the database itself), to pass on to repository methods. */
export type Tx = DbOrTx;

export type RunInTransaction = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

export const transactions =
  (db: AppDb): RunInTransaction =>
  (work) =>
    db.transaction(work);
