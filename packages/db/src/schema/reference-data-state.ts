import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Checksum of the reference data files last loaded, so a start with unchanged files skips the sync. */
export const referenceDataState = pgTable('reference_data_state', {
  name: text('name').primaryKey(),
  checksum: text('checksum').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
