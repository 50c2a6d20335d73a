/** The database types every module of this package shares (kept apart from client.ts, which imports the modules that use them). */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;
/** One type for both drivers, so queries type-check the same on PGlite and PostgreSQL. */
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type DbOrTx = Pick<AppDb, 'select' | 'insert' | 'update' | 'delete' | 'execute' | 'query' | 'transaction'>;
