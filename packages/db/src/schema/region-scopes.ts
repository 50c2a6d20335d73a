import { boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ScopeKind } from '@varde/contracts/mapping-vocabulary';
import { organisations } from './organisations';
import { users } from './users';

/**
 * The municipalities a regional organisation (county authority, State Administrator, regional council)
 * advises: a set of counties or an explicit list of municipalities, set by platform administrators.
 * Without a row the organisation advises its own county.
 */
export const regionScopes = pgTable('region_scopes', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<ScopeKind>().notNull(),
  /** County numbers (kind `counties`). */
  counties: jsonb('counties').$type<string[]>().notNull().default([]),
  /** Municipality numbers (kind `municipalities`). */
  municipalities: jsonb('municipalities').$type<string[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * A municipality organisation's choice to share its pipeline with the regional advisers whose scope
 * includes it. Off without a row; its administrators change it.
 */
export const pipelineSharing = pgTable('pipeline_sharing', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  sharePipelineWithAdvisers: boolean('share_pipeline_with_advisers').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});
